package dev.jnp.engine;

import dev.jnp.yaml.YamlTree;
import java.util.Map;
import java.util.Optional;

/**
 * One rendered policy object: its kind, name and namespace (empty for cluster-scoped kinds), and
 * the whole object as an ordered tree of maps, lists, strings, numbers and booleans, ready for
 * {@link dev.jnp.yaml.YamlWriter}.
 */
public record PolicyObject(
    String kind, String name, Optional<String> namespace, Map<String, Object> tree) {

  /** The object {@code id}, whose tree {@code tree} built. */
  public static PolicyObject of(ObjectId id, YamlTree tree) {
    return new PolicyObject(id.kind(), id.name(), id.namespace(), tree.document());
  }
}
