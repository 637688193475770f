package dev.jnp.yaml;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a document as it is given, byte for byte as {@link YamlWriter} writes the tree it
 * describes: a field's value goes on the key's line when it is a scalar or empty ({@code {}},
 * {@code []}), else on the lines below, a map's two spaces deeper and a list's items at the key's
 * indentation; an item's map or list begins on the item's line, after its dash.
 *
 * <p>Whether a map or list is empty is known only at its end, so the line below its key is begun
 * with its first entry, and an empty one ends its key's line with {@code {}} or {@code []}, or is
 * taken back, key and all, by cutting the buffer back to where it began ({@link #endOrDrop}).
 *
 * <p>The document is written as UTF-8 bytes, the bytes {@code jnp compile} prints: a string that
 * was built and then encoded was two copies of every document more, the one a serial copy of
 * everything at the end of a compile (docs/decisions.md, "YAML written as bytes").
 */
public final class YamlText extends YamlOut {
  private static final byte MAP = 0;
  private static final byte LIST = 1;

  /** How a map's or list's first entry begins. */
  private static final byte BELOW_KEY = 0; // on a new line: its key's line ends first
  private static final byte AFTER_DASH = 1; // on the item's line, after its dash
  private static final byte DOCUMENT = 2; // on the first line

  private static final byte[] EMPTY_MAP = ascii("{}\n");
  private static final byte[] EMPTY_LIST = ascii("[]\n");
  private static final byte[] SPACES = ascii(" ".repeat(64));
  private static final byte[] DASH = ascii("- ");

  /**
   * What a thread keeps from one document to the next: the buffer it writes into (a compile
   * writes thousands of documents of a few KB each), and the spellings of the last keys and values
   * it wrote, by hash, in front of {@link YamlWriter}'s shared ones: objects repeat the same keys
   * and many values, and a slot compared by identity first is cheaper than a concurrent map.
   */
  private static final class Scratch {
    static final int SLOTS = 4096;
    /** One that grew past this is let go. */
    static final int KEPT = 1 << 20;

    byte[] buffer = new byte[8192];
    /** Keys in the first {@link #SLOTS}, values in the others. */
    final String[] texts = new String[2 * SLOTS];
    /** Their spellings, in UTF-8. */
    final byte[][] spellings = new byte[2 * SLOTS][];
    /**
     * The columns of the open maps and lists, for documents nested this deep or less: every
     * document of a compile used to make its own (2 MB for 8,000 documents).
     */
    static final int LEVELS = 32;
    final byte[] kind = new byte[LEVELS];
    final byte[] opening = new byte[LEVELS];
    final int[] indent = new int[LEVELS];
    final int[] entries = new int[LEVELS];
    final int[] start = new int[LEVELS];
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final Scratch scratch;
  private byte[] out;
  private int length;
  /**
   * The open maps and lists, innermost at {@code depth}: a column each, this thread's until a
   * document nests deeper than {@link Scratch#LEVELS}.
   */
  private byte[] kind;
  private byte[] opening;
  /** The indentation of the entries. */
  private int[] indent;
  private int[] entries;
  /** Where the buffer is cut back to when the map or list is dropped. */
  private int[] start;
  private int depth;
  /** A key is written and waits for its value; {@code keyStart} is where its line began. */
  private boolean keyPending;
  private int keyStart;
  private boolean finished;

  private YamlText(Scratch scratch) {
    this.scratch = scratch;
    this.out = scratch.buffer;
    this.kind = scratch.kind;
    this.opening = scratch.opening;
    this.indent = scratch.indent;
    this.entries = scratch.entries;
    this.start = scratch.start;
    kind[0] = MAP;
    opening[0] = DOCUMENT;
    indent[0] = 0;
    entries[0] = 0;
    start[0] = 0;
  }

  /** A document, written into this thread's buffer until {@link #utf8}. */
  public static YamlText document() {
    return new YamlText(SCRATCH.get());
  }

  /** The document, ended, as UTF-8 bytes: every map and list begun must have been ended. */
  public byte[] utf8() {
    finish();
    return Arrays.copyOf(out, length);
  }

  /** Ends the document, once: an empty one is {@code {}}. */
  private void finish() {
    if (depth != 0 || keyPending) {
      throw new IllegalStateException("a map or list is not ended, or a key has no value");
    }
    if (finished) {
      return;
    }
    finished = true;
    if (entries[0] == 0) {
      append(EMPTY_MAP);
    }
    if (out.length > Scratch.KEPT) {
      scratch.buffer = new byte[8192];
    }
  }

  @Override
  public YamlOut key(String key) {
    if (kind[depth] != MAP || keyPending) {
      throw new IllegalStateException("a key outside a map, or after a key without its value");
    }
    keyStart = length;
    entry();
    append(spelled(key, true));
    keyPending = true;
    return this;
  }

  @Override
  public YamlOut value(Object value) {
    // Strings and integers first: most values are, and a test of a final class is one compare,
    // where one of an interface (Map, List) searches the class's supertypes.
    if (value instanceof String text) {
      // The spelling is kept with the blank before it and the line's end after it: after a key
      // it is written whole, as a list's item without its blank (after the dash's).
      byte[] spelled = spelled(text, false);
      if (keyPending) {
        keyPending = false;
        append(spelled, 0, spelled.length);
      } else {
        item();
        append(spelled, 1, spelled.length - 1);
      }
    } else if (value instanceof Integer number) {
      scalarLine();
      append(number.intValue());
      append((byte) '\n');
    } else if (value instanceof YamlMap map && !map.isEmpty()) {
      // By index: no iterator, no entries.
      beginMap();
      for (int i = 0; i < map.size(); i++) {
        key(map.keyAt(i)).value(map.valueAt(i));
      }
      end();
    } else if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      beginMap();
      for (Map.Entry<?, ?> field : map.entrySet()) {
        if (!(field.getKey() instanceof String name)) {
          throw new IllegalArgumentException("a map key that is not a string: " + field.getKey());
        }
        key(name).value(field.getValue());
      }
      end();
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      beginList();
      for (int i = 0; i < list.size(); i++) {
        value(list.get(i));
      }
      end();
    } else {
      // Any other scalar (a boolean, a long, a float, null, an empty map or list): as YamlWriter
      // spells it. Rare: only natives carry them.
      StringBuilder scalar = new StringBuilder();
      YamlWriter.scalar(scalar, value);
      scalarLine();
      append(scalar.toString().getBytes(StandardCharsets.UTF_8));
    }
    return this;
  }

  /** Begins a scalar's place: after its key, or as the next item of the list. */
  private void scalarLine() {
    if (keyPending) {
      keyPending = false;
      append((byte) ' ');
    } else {
      item();
    }
  }

  /**
   * {@code text} spelled, from this thread's last spellings when it can, in UTF-8: as a key with its
   * colon ({@code name:}), as a value with the blank before it and the line's end ({@code " x\n"}),
   * so that each is one copy into the buffer.
   */
  private byte[] spelled(String text, boolean key) {
    int slot = (text.hashCode() & (Scratch.SLOTS - 1)) + (key ? 0 : Scratch.SLOTS);
    String seen = scratch.texts[slot];
    if (seen == text || text.equals(seen)) {
      return scratch.spellings[slot];
    }
    byte[] spelled = (key ? YamlWriter.key(text) + ":" : " " + YamlWriter.value(text) + "\n").getBytes(StandardCharsets.UTF_8);
    scratch.texts[slot] = text;
    scratch.spellings[slot] = spelled;
    return spelled;
  }

  @Override
  public YamlOut beginMap() {
    return begin(MAP);
  }

  @Override
  public YamlOut beginList() {
    return begin(LIST);
  }

  private YamlOut begin(byte what) {
    int at;
    byte how;
    int entriesIndent;
    if (keyPending) {
      keyPending = false;
      at = keyStart;
      how = BELOW_KEY;
      // A map's fields two spaces deeper than its key; a list's items at the key's indentation.
      entriesIndent = what == MAP ? indent[depth] + 2 : indent[depth];
    } else {
      at = length;
      item();
      how = AFTER_DASH;
      entriesIndent = indent[depth] + 2;
    }
    if (++depth == kind.length) {
      int size = 2 * depth;
      kind = Arrays.copyOf(kind, size);
      opening = Arrays.copyOf(opening, size);
      indent = Arrays.copyOf(indent, size);
      entries = Arrays.copyOf(entries, size);
      start = Arrays.copyOf(start, size);
    }
    kind[depth] = what;
    opening[depth] = how;
    indent[depth] = entriesIndent;
    entries[depth] = 0;
    start[depth] = at;
    return this;
  }

  @Override
  public YamlOut end() {
    open();
    if (entries[depth] == 0) {
      if (opening[depth] == BELOW_KEY) {
        append((byte) ' ');
      }
      append(kind[depth] == MAP ? EMPTY_MAP : EMPTY_LIST);
    }
    depth--;
    return this;
  }

  @Override
  public YamlOut endOrDrop() {
    open();
    if (entries[depth] > 0) {
      depth--;
      return this;
    }
    length = start[depth];
    depth--;
    entries[depth]--;
    return this;
  }

  private void open() {
    if (depth == 0 || keyPending) {
      throw new IllegalStateException("no map or list begun, or a key without its value");
    }
  }

  /** Begins the next item of the list being written: its line, and the dash. */
  private void item() {
    if (kind[depth] != LIST) {
      throw new IllegalStateException("a value in a map without its key");
    }
    entry();
    append(DASH);
  }

  /** Begins the next entry of the innermost map or list: on a line of its own but the first. */
  private void entry() {
    if (entries[depth]++ == 0) {
      switch (opening[depth]) {
        case BELOW_KEY -> {
          append((byte) '\n');
          spaces(indent[depth]);
        }
        case DOCUMENT -> spaces(indent[depth]);
        default -> {} // after the item's dash
      }
    } else {
      spaces(indent[depth]);
    }
  }

  private void spaces(int count) {
    for (int left = count; left > 0; left -= SPACES.length) {
      append(SPACES, 0, Math.min(left, SPACES.length));
    }
  }

  private void append(byte[] bytes) {
    append(bytes, 0, bytes.length);
  }

  private void append(byte[] bytes, int from, int count) {
    if (length + count > out.length) {
      grow(count);
    }
    System.arraycopy(bytes, from, out, length, count);
    length += count;
  }

  private void append(byte b) {
    if (length == out.length) {
      grow(1);
    }
    out[length++] = b;
  }

  /** {@code number} in decimal, as {@link Integer#toString(int)} spells it. */
  private void append(int number) {
    if (number < 0) {
      append(Integer.toString(number).getBytes(StandardCharsets.US_ASCII));
      return;
    }
    int digits = 1;
    for (int rest = number / 10; rest > 0; rest /= 10) {
      digits++;
    }
    if (length + digits > out.length) {
      grow(digits);
    }
    for (int at = length + digits - 1, rest = number; at >= length; at--, rest /= 10) {
      out[at] = (byte) ('0' + rest % 10);
    }
    length += digits;
  }

  private void grow(int needed) {
    out = Arrays.copyOf(out, Math.max(2 * out.length, length + needed));
    scratch.buffer = out;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
