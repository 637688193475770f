package dev.jnp.engine;

import dev.jnp.yaml.YamlMap;
import dev.jnp.yaml.YamlOut;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/** Small builders for the ordered maps and lists that backends render, and the head of an object. */
public final class ObjectTree {
  /** The label every object jnp renders carries. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  private ObjectTree() {}

  /**
   * An ordered map from alternating keys and values; null values are left out. The map keeps its
   * fields in the arguments' array (trees hold hundreds of thousands of small maps): pass them as
   * arguments, not an array kept elsewhere.
   */
  public static Map<String, Object> map(Object... keysAndValues) {
    return YamlMap.of(keysAndValues);
  }

  /** A label map as an ordered map, in key order. */
  public static Map<String, Object> labels(SortedMap<String, String> labels) {
    return new YamlMap(labels);
  }

  /** Lists this long or shorter lose their duplicates by comparing each item with those before it. */
  static final int COMPARED_ONE_BY_ONE = 50;

  /**
   * {@code items} without the later of two equal ones, as a {@code LinkedHashSet} would keep them.
   * A rule's peers and ports are a few: comparing each with those before it is cheaper than
   * hashing whole trees into a set, which a long list still is.
   */
  public static List<Object> withoutDuplicates(List<Object> items) {
    if (items.size() > COMPARED_ONE_BY_ONE) {
      return new ArrayList<>(new LinkedHashSet<>(items));
    }
    List<Object> distinct = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (!distinct.contains(item)) {
        distinct.add(item);
      }
    }
    return distinct;
  }

  /** A mutable list of the given items. */
  public static List<Object> list(Object... items) {
    // Room for two at least: an empty list (the policy types, say) is added to.
    List<Object> list = new ArrayList<>(Math.max(items.length, 2));
    for (Object item : items) {
      list.add(Objects.requireNonNull(item, "a list item"));
    }
    return list;
  }

  /**
   * Writes the head of an object: apiVersion, kind, metadata (the namespace when namespaced, the
   * managed-by label); the caller writes spec.
   */
  public static void head(YamlOut out, String apiVersion, String kind, String name, String namespace) {
    out.field("apiVersion", apiVersion).field("kind", kind);
    out.key("metadata").beginMap().field("name", name).field("namespace", namespace);
    out.key("labels").beginMap().field(MANAGED_BY, "jnp").end();
    out.end();
  }
}
