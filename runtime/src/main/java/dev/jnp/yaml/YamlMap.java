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
 * A mapping of a YAML document: string keys in the order they were first put, keys and values
 * side by side in one array.
 *
 * <p>The backends' object trees are hundreds of thousands of maps of a few fields each. A {@link
 * java.util.LinkedHashMap} spends a table and a linked node on every field, and an iterator and an
 * entry set on every walk; this map spends one array, which {@link #of} takes over from the
 * arguments that list its fields, and {@link YamlWriter} walks it by index. Keys are found by a
 * linear search, which for a handful of fields is quicker than hashing them: it is meant for
 * objects' fields, not for large tables. A null key is refused; a null value is kept, as in other
 * maps (the writer spells it {@code null}).
 */
public final class YamlMap extends AbstractMap<String, Object> {
  private static final Object[] NO_FIELDS = {};

  /** Key, value, key, value, …: the {@code size} fields first, then room for more. */
  private Object[] fields;
  private int size;

  /** An empty map, with room for {@code fields} keys before it grows. */
  public YamlMap(int fields) {
    this.fields = fields == 0 ? NO_FIELDS : new Object[2 * fields];
  }

  /** A copy of {@code entries}, in their order. */
  public YamlMap(Map<String, ?> entries) {
    this(entries.size());
    for (Map.Entry<String, ?> entry : entries.entrySet()) {
      // The keys of a map are distinct: appended, not searched for.
      fields[2 * size] = Objects.requireNonNull(entry.getKey(), "a YAML map's key");
      fields[2 * size + 1] = entry.getValue();
      size++;
    }
  }

  private YamlMap(Object[] fields, int size) {
    this.fields = fields;
    this.size = size;
  }

  /**
   * The map of alternating keys and values, which it takes as its own array (so pass them as
   * arguments, not an array kept elsewhere): a null value is left out, and a key given twice keeps
   * its first place and its last value, as if each were put in turn.
   */
  public static YamlMap of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values, in pairs: " + keysAndValues.length + " given");
    }
    YamlMap map = new YamlMap(keysAndValues, 0);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      if (value == null) {
        continue;
      }
      String key = (String) Objects.requireNonNull(keysAndValues[i], "a YAML map's key");
      int index = map.indexOf(key);
      if (index >= 0) {
        keysAndValues[2 * index + 1] = value;
      } else {
        // In place: this field's slot is at or before the one it is read from.
        keysAndValues[2 * map.size] = key;
        keysAndValues[2 * map.size + 1] = value;
        map.size++;
      }
    }
    Arrays.fill(keysAndValues, 2 * map.size, keysAndValues.length, null);
    return map;
  }

  @Override
  public int size() {
    return size;
  }

  /** The key of the {@code index}th field, in order. */
  public String keyAt(int index) {
    Objects.checkIndex(index, size);
    return (String) fields[2 * index];
  }

  /** The value of the {@code index}th field, in order. */
  public Object valueAt(int index) {
    Objects.checkIndex(index, size);
    return fields[2 * index + 1];
  }

  private int indexOf(Object key) {
    for (int i = 0; i < size; i++) {
      Object field = fields[2 * i];
      // Backends put constant keys: the same instance, mostly.
      if (field == key || field.equals(key)) {
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
    return index < 0 ? null : fields[2 * index + 1];
  }

  @Override
  public Object put(String key, Object value) {
    Objects.requireNonNull(key, "a YAML map's key");
    int index = indexOf(key);
    if (index >= 0) {
      Object previous = fields[2 * index + 1];
      fields[2 * index + 1] = value;
      return previous;
    }
    if (2 * size == fields.length) {
      fields = Arrays.copyOf(fields, Math.max(8, 4 * size));
    }
    fields[2 * size] = key;
    fields[2 * size + 1] = value;
    size++;
    return null;
  }

  @Override
  public Object remove(Object key) {
    int index = indexOf(key);
    if (index < 0) {
      return null;
    }
    Object previous = fields[2 * index + 1];
    removeAt(index);
    return previous;
  }

  private void removeAt(int index) {
    System.arraycopy(fields, 2 * index + 2, fields, 2 * index, 2 * (size - index - 1));
    size--;
    fields[2 * size] = null;
    fields[2 * size + 1] = null;
  }

  @Override
  public void clear() {
    Arrays.fill(fields, 0, 2 * size, null);
    size = 0;
  }

  // forEach, hashCode and equals by index: the backends put maps in sets, and AbstractMap's
  // would make an entry a field to hash or compare them.

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < size; i++) {
      action.accept((String) fields[2 * i], fields[2 * i + 1]);
    }
  }

  @Override
  public int hashCode() {
    int hash = 0;
    for (int i = 0; i < size; i++) {
      hash += fields[2 * i].hashCode() ^ Objects.hashCode(fields[2 * i + 1]);
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
      Object key = fields[2 * i];
      int at = key.equals(that.fields[2 * i]) ? i : that.indexOf(key);
      if (at < 0 || !Objects.equals(fields[2 * i + 1], that.fields[2 * at + 1])) {
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
      return (String) fields[2 * index];
    }

    @Override
    public Object getValue() {
      return fields[2 * index + 1];
    }

    @Override
    public Object setValue(Object value) {
      Object previous = fields[2 * index + 1];
      fields[2 * index + 1] = value;
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
