package dev.jnp.compiler.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A file's text as ANTLR's streams give it, a code point at a time, numbered from 0, and as {@link
 * SourceLexer} reads it: an array of one char per code point ({@link #units}), which it reads
 * without a call per character. When the text holds no surrogate pair, each of its chars is a
 * code point; else a code point past the BMP is one char that stands for it, {@code U+FFFF}: the
 * lexer treats every such one alike (none is a blank, a word character or a mark), and the
 * tokens' text is cut from the real code points.
 *
 * <p>ANTLR's {@code CodePointCharStream} copied every file into a buffer of its own in a loop
 * that a cold run interprets, and a lexer reads it through the {@link CharStream} interface, a
 * call per character that the compiler does not inline (docs/decisions.md, "A lexer that reads
 * an array").
 */
final class SourceChars implements CharStream {
  private final String text;
  /** The code points, when some are two chars; else null, and each char is one. */
  private final int[] codePoints;
  private final int size;
  private final String name;
  /** One char per code point, as the lexer reads them. */
  private final char[] units;
  private int index;

  /** {@code text}, read from {@code name}. */
  SourceChars(String text, String name) {
    this.text = text;
    this.name = name;
    // Constant time for a string of Latin-1 characters, which holds no surrogates.
    int count = text.codePointCount(0, text.length());
    this.codePoints = count == text.length() ? null : text.codePoints().toArray();
    this.size = count;
    this.units = codePoints == null ? text.toCharArray() : units(codePoints);
  }

  /** {@code codePoints}, each past the BMP as {@code U+FFFF}. */
  private static char[] units(int[] codePoints) {
    char[] units = new char[codePoints.length];
    for (int i = 0; i < units.length; i++) {
      units[i] = codePoints[i] > Character.MAX_VALUE ? Character.MAX_VALUE : (char) codePoints[i];
    }
    return units;
  }

  /** The same text, read from its start by another reader. */
  private SourceChars(SourceChars other) {
    this.text = other.text;
    this.codePoints = other.codePoints;
    this.size = other.size;
    this.name = other.name;
    this.units = other.units;
  }

  /**
   * One char per code point, a code point past the BMP as {@code U+FFFF}: what the lexer reads.
   * Shared, not copied: not to be written.
   */
  char[] units() {
    return units;
  }

  /** Another stream of the same text, at its start, for a second lexer. */
  SourceChars another() {
    return new SourceChars(this);
  }

  @Override
  public int LA(int i) {
    int at;
    if (i > 0) {
      at = index + i - 1;
      if (at >= size) {
        return IntStream.EOF;
      }
    } else if (i < 0) {
      at = index + i;
      if (at < 0) {
        return IntStream.EOF;
      }
    } else {
      return 0; // undefined, as in ANTLR's streams
    }
    return codePoints == null ? text.charAt(at) : codePoints[at];
  }

  @Override
  public void consume() {
    if (index >= size) {
      throw new IllegalStateException("cannot consume EOF");
    }
    index++;
  }

  @Override
  public int mark() {
    return -1;
  }

  @Override
  public void release(int marker) {
    // nothing is buffered
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public void seek(int index) {
    this.index = index;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public String getSourceName() {
    return name == null || name.isEmpty() ? IntStream.UNKNOWN_SOURCE_NAME : name;
  }

  @Override
  public String getText(Interval interval) {
    int start = Math.min(interval.a, size);
    int length = Math.min(interval.b - interval.a + 1, size - start);
    return codePoints == null ? text.substring(start, start + length) : new String(codePoints, start, length);
  }

  @Override
  public String toString() {
    return getText(Interval.of(0, size - 1));
  }
}
