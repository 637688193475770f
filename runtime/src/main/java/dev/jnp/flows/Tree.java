package dev.jnp.flows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Lenient reading of a parsed YAML or JSON tree: a missing field, a {@code null} and a value of
 * the wrong shape all read as absent, so a policy written by hand never crashes the evaluator.
 */
public final class Tree {
  private Tree() {}

  /** The field {@code name} of {@code node}, if {@code node} is an object holding a non-null one. */
  public static Optional<JsonNode> field(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    JsonNode value = node.get(name);
    return value == null || value.isNull() || value.isMissingNode()
        ? Optional.empty()
        : Optional.of(value);
  }

  /** Whether {@code node} has a non-null field {@code name}. */
  public static boolean has(JsonNode node, String name) {
    return field(node, name).isPresent();
  }

  /** The field {@code name} as text, if it is a scalar. */
  public static Optional<String> text(JsonNode node, String name) {
    return field(node, name).filter(JsonNode::isValueNode).map(JsonNode::asText);
  }

  /** The field {@code name} as text, or {@code fallback}. */
  public static String text(JsonNode node, String name, String fallback) {
    return text(node, name).orElse(fallback);
  }

  /** The items of the list field {@code name}; empty when absent or not a list. */
  public static List<JsonNode> list(JsonNode node, String name) {
    return field(node, name).map(Tree::items).orElse(List.of());
  }

  /** The items of {@code node} if it is a list; empty otherwise. */
  public static List<JsonNode> items(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(out::add);
    }
    return out;
  }

  /** The scalar items of the list field {@code name}, as text. */
  public static List<String> texts(JsonNode node, String name) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : list(node, name)) {
      if (item.isValueNode() && !item.isNull()) {
        out.add(item.asText());
      }
    }
    return out;
  }

  /** The field {@code name} as an object, if it is one. */
  public static Optional<JsonNode> object(JsonNode node, String name) {
    return field(node, name).filter(JsonNode::isObject);
  }

  /** The list field {@code name}: present (possibly empty) only when it is a list. */
  public static Optional<List<JsonNode>> optionalList(JsonNode node, String name) {
    return field(node, name).filter(JsonNode::isArray).map(Tree::items);
  }

  /** A string-to-string map such as {@code labels}; scalar values are read as text. */
  public static Map<String, String> stringMap(JsonNode node, String name) {
    Map<String, String> out = new TreeMap<>();
    Optional<JsonNode> map = object(node, name);
    if (map.isEmpty()) {
      return out;
    }
    for (Map.Entry<String, JsonNode> e : map.get().properties()) {
      JsonNode v = e.getValue();
      out.put(e.getKey(), v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
    }
    return out;
  }

  /** The field {@code name} as an integer, if it is a number or a numeric string. */
  public static Optional<Integer> integer(JsonNode node, String name) {
    Optional<JsonNode> value = field(node, name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    JsonNode v = value.get();
    if (v.isIntegralNumber()) {
      return Optional.of(v.asInt());
    }
    if (v.isTextual() && v.asText().trim().matches("-?\\d{1,9}")) {
      return Optional.of(Integer.parseInt(v.asText().trim()));
    }
    return Optional.empty();
  }

  /** The field {@code name} as a boolean ({@code true} or {@code "true"}), if present. */
  public static Optional<Boolean> bool(JsonNode node, String name) {
    return field(node, name)
        .filter(JsonNode::isValueNode)
        .map(v -> v.isBoolean() ? v.asBoolean() : "true".equalsIgnoreCase(v.asText().trim()));
  }
}
