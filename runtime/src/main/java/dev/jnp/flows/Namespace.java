package dev.jnp.flows;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A namespace and its labels. The labels always hold {@code kubernetes.io/metadata.name}, as the
 * API server sets it.
 */
public record Namespace(String name, Map<String, String> labels) {

  /** The label the API server puts on every namespace: its own name. */
  public static final String NAME_LABEL = "kubernetes.io/metadata.name";

  public Namespace {
    TreeMap<String, String> all = new TreeMap<>(labels);
    all.putIfAbsent(NAME_LABEL, name);
    labels = Collections.unmodifiableMap(all);
  }

  /** A namespace with no labels but its name. */
  public static Namespace named(String name) {
    return new Namespace(name, Map.of());
  }
}
