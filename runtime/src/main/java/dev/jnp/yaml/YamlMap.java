package dev.jnp.yaml;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A mapping of a YAML document: string keys in the order they were first put, in two arrays.
 *
 * <p>The backends' object trees are hundreds of thousands of maps of a few fields each. A {@link
 * java.util.LinkedHashMap} spends a table and a linked node on every field, and an iterator and an
 * entry set on every walk; this map spends two arrays, and {@link YamlWriter} walks it by index.
 * Keys are found by a linear search, which for a handful of fields is quicker than hashing them:
 * it is meant for objects' fields, not for large tables. A null key is refused; a null value is
 * kept, as in other maps (the writer spells it {@code null}).
 */
public final class YamlMap extends AbstractMap<String, Object> {
  private static final String[] NO_KEYS = {};
  private static final Object[] NO_VALUES = {};

  private String[] keys;
  private Object[] values;
  private int size;

  /** An empty map, with room for {@code fields} keys before it grows. */
  public YamlMap(int fields) {
    keys = fields == 0 ? NO_KEYS : new String[fields];
    values = fields == 0 ? NO_VALUES : new Object[fields];
  }

  /** A copy of {@code entries}, in their order. */
  public YamlMap(Map<String, ?> entries) {
    this(entries.size());
    for (Map.Entry<String, ?> entry : entries.entrySet()) {
      // The keys of a map are distinct: appended, not searched for.
      keys[size] = Objects.requireNonNull(entry.getKey(), "a YAML map's key");
      values[size] = entry.getValue();
      size++;
    }
  }

  @Override
  public int size() {
    return size;
  }

  /** The key of the {@code index}th field, in order. */
  public String keyAt(int index) {
    Objects.checkIndex(index, size);
    return keys[index];
  }

  /** The value of the {@code index}th field, in order. */
  public Object valueAt(int index) {
    Objects.checkIndex(index, size);
    return values[index];
  }

  private int indexOf(Object key) {
    for (int i = 0; i < size; i++) {
      // Backends put constant keys: the same instance, mostly.
      if (keys[i] == key || keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public Object get(Object key) {
    int index = indexOf(key);
    return index < 0 ? null : values[index];
  }

  @Override
  public Object put(String key, Object value) {
    Objects.requireNonNull(key, "a YAML map's key");
    int index = indexOf(key);
    if (index >= 0) {
      Object previous = values[index];
      values[index] = value;
      return previous;
    }
    if (size == keys.length) {
      int grown = Math.max(4, size * 2);
      keys = Arrays.copyOf(keys, grown);
      values = Arrays.copyOf(values, grown);
    }
    keys[size] = key;
    values[size] = value;
    size++;
    return null;
  }

  @Override
  public Object remove(Object key) {
    int index = indexOf(key);
    if (index < 0) {
      return null;
    }
    Object previous = values[index];
    removeAt(index);
    return previous;
  }

  private void removeAt(int index) {
    System.arraycopy(keys, index + 1, keys, index, size - index - 1);
    System.arraycopy(values, index + 1, values, index, size - index - 1);
    size--;
    keys[size] = null;
    values[size] = null;
  }

  @Override
  public void clear() {
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
  }

  // forEach, hashCode and equals by index: the backends put maps in sets, and AbstractMap's
  // would make an entry a field to hash or compare them.

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < size; i++) {
      action.accept(keys[i], values[i]);
    }
  }

  @Override
  public int hashCode() {
    int hash = 0;
    for (int i = 0; i < size; i++) {
      hash += keys[i].hashCode() ^ Objects.hashCode(values[i]);
    }
    return hash;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof YamlMap that)) {
      return super.equals(other);
    }
    if (that.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      // Maps are equal whatever their order; the same order is the usual case.
      int at = keys[i].equals(that.keys[i]) ? i : that.indexOf(keys[i]);
      if (at < 0 || !Objects.equals(values[i], that.values[at])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;
          private boolean removable;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            removable = true;
            return new Field(next++);
          }

          @Override
          public void remove() {
            if (!removable) {
              throw new IllegalStateException("next() was not called, or the field is removed");
            }
            removable = false;
            removeAt(--next);
          }
        };
      }
    };
  }

  /** The field at an index, read and written through to the map. */
  private final class Field implements Map.Entry<String, Object> {
    private final int index;

    Field(int index) {
      this.index = index;
    }

    @Override
    public String getKey() {
      return keys[index];
    }

    @Override
    public Object getValue() {
      return values[index];
    }

    @Override
    public Object setValue(Object value) {
      Object previous = values[index];
      values[index] = value;
      return previous;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Map.Entry<?, ?> entry
          && getKey().equals(entry.getKey())
          && Objects.equals(getValue(), entry.getValue());
    }

    @Override
    public int hashCode() {
      return getKey().hashCode() ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return getKey() + "=" + getValue();
    }
  }
}
