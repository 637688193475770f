package dev.jnp.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes object trees as YAML in kubectl's style: two-space indent, list items at their key's
 * indentation, keys in the tree's order, strings quoted only where YAML 1.1 would read them as
 * something else ({@code "8080"}, {@code "yes"}, {@code "null"}), {@code ---} only between
 * documents, {@code \n} line ends. Same tree, same bytes, on any JDK, locale or time zone.
 */
public final class YamlWriter {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .disable(YAMLGenerator.Feature.INDENT_ARRAYS)
              .build());

  private YamlWriter() {}

  /** One document. */
  public static String write(Map<String, Object> document) {
    try {
      return MAPPER.writeValueAsString(document).replace("\r\n", "\n");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A multi-document stream: the documents in order, separated by {@code ---}. */
  public static String writeAll(List<Map<String, Object>> documents) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < documents.size(); i++) {
      if (i > 0) {
        out.append("---\n");
      }
      out.append(write(documents.get(i)));
    }
    return out.toString();
  }
}
