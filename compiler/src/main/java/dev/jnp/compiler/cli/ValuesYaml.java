package dev.jnp.compiler.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code --values} file with Jackson's YAML parser alone, into what {@code
 * ObjectMapper.readValue(text, Object.class)} made of it: maps, lists, strings, numbers, booleans
 * and nulls, typed by the same parser. A mapper and its deserializers cost ~60 ms of a cold
 * {@code jnp compile --values} (docs/decisions.md); {@code ValuesYamlTest} compares the two.
 */
final class ValuesYaml {
  private ValuesYaml() {}

  /** Made on first use: only a run with {@code --values} needs it. */
  private static final class Factory {
    static final YAMLFactory YAML = new YAMLFactory();
  }

  /**
   * The first document of {@code text}. A file of nothing but comments is an empty map, as a
   * blank one is (the mapper refused it: "No content to map").
   */
  static Object read(String text) throws IOException {
    try (JsonParser parser = Factory.YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      return first == null ? Map.of() : value(parser, first);
    }
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> map(parser);
      case START_ARRAY -> list(parser);
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getNumberValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      case VALUE_EMBEDDED_OBJECT -> parser.getEmbeddedObject();
      default -> throw new IOException("unexpected " + token + " at " + parser.currentLocation());
    };
  }

  private static Map<String, Object> map(JsonParser parser) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
      String key = parser.currentName();
      map.put(key, value(parser, parser.nextToken()));
    }
    return map;
  }

  private static List<Object> list(JsonParser parser) throws IOException {
    List<Object> list = new ArrayList<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      list.add(value(parser, token));
    }
    return list;
  }
}
