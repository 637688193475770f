package dev.jnp.flows;

/**
 * Names one policy object: its kind, its namespace (empty for cluster-scoped kinds) and its name.
 */
public record PolicyRef(String kind, String namespace, String name) {
  public PolicyRef {
    namespace = namespace == null ? "" : namespace;
  }

  /** {@code Kind ns/name}, or {@code Kind name} for a cluster-scoped object. */
  @Override
  public String toString() {
    return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }
}
