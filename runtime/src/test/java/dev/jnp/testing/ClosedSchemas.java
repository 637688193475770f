package dev.jnp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * In-memory edits that make JSON Schema validation reject what the API server would drop or
 * reject: unknown fields. The upstream files are never changed; these edit deep copies.
 */
final class ClosedSchemas {
  private ClosedSchemas() {}

  /**
   * OpenAPI components: every object schema that lists {@code properties} and says nothing of
   * {@code additionalProperties} gets {@code additionalProperties: false}, as the API server's
   * strict field validation treats unknown fields.
   */
  static void closeComponents(ObjectNode schemas) {
    for (JsonNode schema : list(schemas.elements())) {
      if (schema.has("properties") && !schema.has("additionalProperties")) {
        ((ObjectNode) schema).put("additionalProperties", false);
      }
    }
  }

  /**
   * A CRD's structural schema: an object schema without {@code additionalProperties} and without
   * {@code x-kubernetes-preserve-unknown-fields} keeps only its listed properties, and the API
   * server prunes the rest, so here the rest is an error. Only the structural part (properties,
   * items, additionalProperties) is walked; {@code anyOf}/{@code oneOf} branches only restate it.
   * The root's {@code metadata} is left open: it is checked against ObjectMeta instead. {@code
   * nullable: true} becomes a {@code null} alternative of {@code type}.
   */
  static void closeStructural(ObjectNode schema, boolean root) {
    JsonNode type = schema.path("type");
    if (schema.path("nullable").asBoolean(false) && type.isTextual()) {
      ArrayNode types = schema.putArray("type");
      types.add(type.asText()).add("null");
    }
    boolean object = "object".equals(type.asText()) || schema.has("properties");
    if (object
        && !schema.has("additionalProperties")
        && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      schema.put("additionalProperties", false);
    }
    if (schema.get("properties") instanceof ObjectNode properties) {
      for (var field : List.copyOf(properties.properties())) {
        if (root && field.getKey().equals("metadata")) {
          continue;
        }
        if (field.getValue() instanceof ObjectNode child) {
          closeStructural(child, false);
        }
      }
    }
    if (schema.get("items") instanceof ObjectNode items) {
      closeStructural(items, false);
    }
    if (schema.get("additionalProperties") instanceof ObjectNode additional) {
      closeStructural(additional, false);
    }
  }

  private static <T> List<T> list(java.util.Iterator<T> iterator) {
    List<T> list = new ArrayList<>();
    iterator.forEachRemaining(list::add);
    return list;
  }
}
