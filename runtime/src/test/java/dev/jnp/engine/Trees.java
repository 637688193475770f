package dev.jnp.engine;

import java.util.List;
import java.util.Map;

/** Reads rendered object trees by path: {@code at(tree, "spec", "ingress", 0, "fromEntities")}. */
public final class Trees {
  private Trees() {}

  /** The node at the path of map keys (strings) and list indexes (ints); null if absent. */
  public static Object at(Object tree, Object... path) {
    Object node = tree;
    for (Object step : path) {
      if (step instanceof Integer index && node instanceof List<?> list) {
        node = index < list.size() ? list.get(index) : null;
      } else if (node instanceof Map<?, ?> map) {
        node = map.get(step);
      } else {
        return null;
      }
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object tree, Object... path) {
    return (List<Object>) at(tree, path);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object tree, Object... path) {
    return (Map<String, Object>) at(tree, path);
  }

  /** Whether {@code key} appears as a map key anywhere in the tree. */
  public static boolean hasKeyAnywhere(Object tree, String key) {
    if (tree instanceof Map<?, ?> map) {
      return map.containsKey(key) || map.values().stream().anyMatch(v -> hasKeyAnywhere(v, key));
    }
    if (tree instanceof List<?> list) {
      return list.stream().anyMatch(v -> hasKeyAnywhere(v, key));
    }
    return false;
  }
}
