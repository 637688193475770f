package dev.jnp.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes object trees as YAML in kubectl's style: two-space indent, list items at their key's
 * indentation, keys in the tree's order, strings quoted only where YAML 1.1 or 1.2 would read them
 * as something else ({@code "8080"}, {@code "yes"}, {@code "null"}, a Calico port range {@code
 * "20:21"}, which YAML 1.1 reads as the base-60 number 1221), {@code ---} only between documents,
 * {@code \n} line ends. Same tree, same bytes, on any JDK, locale or time zone.
 *
 * <p>A tree is maps with string keys, lists, strings, integers, floating-point numbers, booleans
 * and null: what the backends build, and what the YAML of a {@code native} block reads as. The
 * writer is jnp's own rather than a YAML library's so that a cold {@code jnp compile} does not pay
 * for starting one (see docs/decisions.md); {@code YamlWriterTest} checks it against Jackson's
 * YAML generator, byte for byte, and every output against SnakeYAML's reading of it.
 */
public final class YamlWriter {
  /**
   * How keys and values were spelled, by string: trees repeat the same few dozen keys and many
   * values, and spelling one reads it character by character. Bounded, for long-lived servers.
   */
  private static final int REMEMBERED = 1 << 14;
  private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
  // Sized for what it may hold: a large compile fills it with thousands of values, and grown
  // from 16 it copied itself ten times over.
  private static final Map<String, String> VALUES = new ConcurrentHashMap<>(REMEMBERED);

  private YamlWriter() {}

  /**
   * Each thread's buffer for {@link #write}: a compile writes thousands of documents of a few KB
   * each, and a new builder per document grew through four sizes for each (a tenth of what a
   * compile of 10,000 workloads allocated). One that grew past {@link #KEPT} is let go.
   */
  private static final ThreadLocal<StringBuilder> BUFFER = new ThreadLocal<>() {
    @Override
    protected StringBuilder initialValue() {
      return new StringBuilder(8192);
    }
  };
  private static final int KEPT = 1 << 20;

  /** One document. */
  public static String write(Map<String, Object> document) {
    StringBuilder out = BUFFER.get();
    out.setLength(0);
    document(out, document);
    String written = out.toString();
    if (out.capacity() > KEPT) {
      BUFFER.remove();
    }
    return written;
  }

  /** A multi-document stream: the documents in order, separated by {@code ---}. */
  public static String writeAll(List<Map<String, Object>> documents) {
    StringBuilder out = new StringBuilder(512 * documents.size());
    for (int i = 0; i < documents.size(); i++) {
      if (i > 0) {
        out.append("---\n");
      }
      document(out, documents.get(i));
    }
    return out.toString();
  }

  private static void document(StringBuilder out, Map<String, Object> document) {
    if (document.isEmpty()) {
      out.append("{}\n");
    } else {
      map(out, document, 0, false);
    }
  }

  /**
   * The entries of {@code map} at {@code indent}; with {@code inline}, the first one goes on the
   * current line (after a list item's dash).
   */
  private static void map(StringBuilder out, Map<?, ?> map, int indent, boolean inline) {
    if (map instanceof YamlMap fields) {
      // By index: no iterator, no entries.
      for (int i = 0; i < fields.size(); i++) {
        field(out, fields.keyAt(i), fields.valueAt(i), indent, i > 0 || !inline);
      }
      return;
    }
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      field(out, entry.getKey(), entry.getValue(), indent, !(first && inline));
      first = false;
    }
  }

  /** One entry of a map, on a line of its own when {@code indented}. */
  private static void field(StringBuilder out, Object key, Object value, int indent, boolean indented) {
    if (indented) {
      indent(out, indent);
    }
    if (!(key instanceof String name)) {
      throw new IllegalArgumentException("a map key that is not a string: " + key);
    }
    out.append(key(name)).append(':');
    if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
      out.append('\n');
      map(out, nested, indent + 2, false);
    } else if (value instanceof List<?> items && !items.isEmpty()) {
      out.append('\n');
      list(out, items, indent, false);
    } else {
      out.append(' ');
      scalar(out, value);
    }
  }

  /** The items of {@code list}, each {@code - } at {@code indent}; {@code inline} as for maps. */
  private static void list(StringBuilder out, List<?> list, int indent, boolean inline) {
    if (list instanceof RandomAccess) {
      // By index: no iterator.
      for (int i = 0; i < list.size(); i++) {
        item(out, list.get(i), indent, i > 0 || !inline);
      }
      return;
    }
    boolean first = true;
    for (Object item : list) {
      item(out, item, indent, !(first && inline));
      first = false;
    }
  }

  /** One item of a list, on a line of its own when {@code indented}. */
  private static void item(StringBuilder out, Object item, int indent, boolean indented) {
    if (indented) {
      indent(out, indent);
    }
    out.append("- ");
    if (item instanceof Map<?, ?> map && !map.isEmpty()) {
      map(out, map, indent + 2, true);
    } else if (item instanceof List<?> items && !items.isEmpty()) {
      list(out, items, indent + 2, true);
    } else {
      scalar(out, item);
    }
  }

  /** A scalar, or an empty map or list, and the line's end. */
  static void scalar(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      out.append(value(text));
    } else if (value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      out.append(YamlScalars.floating(((Number) value).doubleValue()));
    } else if (value instanceof BigDecimal decimal) {
      out.append(YamlScalars.floating(decimal.doubleValue()));
    } else if (value instanceof Map<?, ?> map && map.isEmpty()) {
      out.append("{}");
    } else if (value instanceof List<?> list && list.isEmpty()) {
      out.append("[]");
    } else {
      throw new IllegalArgumentException("not a YAML value: " + value.getClass().getName());
    }
    out.append('\n');
  }

  /** {@code name} spelled as a key. */
  static String key(String name) {
    return spelled(KEYS, name, true);
  }

  /** {@code text} spelled as a value. */
  static String value(String text) {
    return spelled(VALUES, text, false);
  }

  private static String spelled(Map<String, String> spellings, String text, boolean key) {
    String spelled = spellings.get(text);
    if (spelled == null) {
      spelled = YamlScalars.string(text, key);
      if (spellings.size() < REMEMBERED) {
        spellings.put(text, spelled);
      }
    }
    return spelled;
  }

  private static final String SPACES = " ".repeat(64);

  static void indent(StringBuilder out, int indent) {
    for (int left = indent; left > 0; left -= SPACES.length()) {
      out.append(SPACES, 0, Math.min(left, SPACES.length()));
    }
  }
}
