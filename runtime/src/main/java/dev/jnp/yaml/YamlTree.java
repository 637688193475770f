package dev.jnp.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the tree of a document as it is given: {@link YamlMap}s and {@link ArrayList}s, the
 * values given as they are (a tree given whole is kept, not copied). For callers that read a
 * rendered object's fields rather than its YAML: tests, the editor's hovers, the benchmarks' floor.
 */
public final class YamlTree extends YamlOut {
  private final YamlMap document = new YamlMap(4);
  /** The open maps and lists, innermost last, and the key each is the value of (null: an item). */
  private final List<Object> open = new ArrayList<>();
  private final List<String> keys = new ArrayList<>();
  private String pendingKey;

  public YamlTree() {
    open.add(document);
    keys.add(null);
  }

  /** The document: every map and list begun must have been ended. */
  public Map<String, Object> document() {
    if (open.size() != 1 || pendingKey != null) {
      throw new IllegalStateException("a map or list is not ended, or a key has no value");
    }
    return document;
  }

  @Override
  public YamlOut key(String key) {
    if (!(innermost() instanceof YamlMap) || pendingKey != null) {
      throw new IllegalStateException("a key outside a map, or after a key without its value");
    }
    pendingKey = key;
    return this;
  }

  @Override
  public YamlOut value(Object value) {
    add(value);
    return this;
  }

  @Override
  public YamlOut beginMap() {
    return begin(new YamlMap(4));
  }

  @Override
  public YamlOut beginList() {
    return begin(new ArrayList<>());
  }

  private YamlOut begin(Object container) {
    String key = pendingKey;
    add(container);
    open.add(container);
    keys.add(key);
    return this;
  }

  @Override
  public YamlOut end() {
    close();
    return this;
  }

  @Override
  public YamlOut endOrDrop() {
    Object container = innermost();
    String key = close();
    boolean empty = container instanceof Map<?, ?> map ? map.isEmpty() : ((List<?>) container).isEmpty();
    if (empty) {
      if (key != null) {
        ((YamlMap) innermost()).remove(key);
      } else {
        List<?> items = (List<?>) innermost();
        items.remove(items.size() - 1);
      }
    }
    return this;
  }

  /** Closes the innermost map or list; the key it is the value of, or null for an item. */
  private String close() {
    if (open.size() == 1 || pendingKey != null) {
      throw new IllegalStateException("no map or list begun, or a key without its value");
    }
    open.remove(open.size() - 1);
    return keys.remove(keys.size() - 1);
  }

  private Object innermost() {
    return open.get(open.size() - 1);
  }

  @SuppressWarnings("unchecked")
  private void add(Object value) {
    Object into = innermost();
    if (pendingKey != null) {
      ((YamlMap) into).put(pendingKey, value);
      pendingKey = null;
    } else if (into instanceof List<?> items) {
      ((List<Object>) items).add(value);
    } else {
      throw new IllegalStateException("a value in a map without its key");
    }
  }
}
