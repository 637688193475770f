package dev.jnp.compiler.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes text to a byte stream as UTF-8, a string at a time.
 *
 * <p>An {@link java.io.OutputStreamWriter} copies every string into a buffer of chars and encodes
 * that: for the megabytes of YAML a large compile prints, a copy made and read again for nothing
 * (a tenth of what a cold compile of 2,000 workloads on four engines allocated). Here a string is
 * encoded by {@link String#getBytes}, which copies ASCII text as it is. A high surrogate that ends
 * one write is held until the next, so a character split between writes is written whole.
 * Text already encoded (the YAML of a compile) is written to {@link #bytes} as it is.
 */
final class Utf8Writer extends Writer {
  private final OutputStream out;
  private char pendingHighSurrogate;

  Utf8Writer(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    if (length == 0) {
      return;
    }
    write(offset == 0 && length == text.length() ? text : text.substring(offset, offset + length));
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    if (length > 0) {
      write(new String(chars, offset, length));
    }
  }

  @Override
  public void write(String text) throws IOException {
    if (text.isEmpty()) {
      return;
    }
    if (pendingHighSurrogate != 0) {
      text = pendingHighSurrogate + text;
      pendingHighSurrogate = 0;
    }
    char last = text.charAt(text.length() - 1);
    if (Character.isHighSurrogate(last)) {
      pendingHighSurrogate = last;
      text = text.substring(0, text.length() - 1);
    }
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The byte stream under this writer, for text already encoded as UTF-8: what was written before
   * is in it (a high surrogate left alone at its end as {@code ?}, as {@link #close} writes it).
   */
  OutputStream bytes() throws IOException {
    if (pendingHighSurrogate != 0) {
      pendingHighSurrogate = 0;
      out.write('?');
    }
    return out;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Flushes; a high surrogate left alone at the end is written as {@code ?}, as the JDK's encoder does. */
  @Override
  public void close() throws IOException {
    if (pendingHighSurrogate != 0) {
      pendingHighSurrogate = 0;
      out.write('?');
    }
    out.close();
  }

  /** A {@link PrintWriter} that writes UTF-8 to a byte stream, which {@link #bytes} gives. */
  static final class Printer extends PrintWriter {
    private final Utf8Writer writer;

    Printer(OutputStream out) {
      this(new Utf8Writer(out));
    }

    private Printer(Utf8Writer writer) {
      super(writer, true);
      this.writer = writer;
    }

    /** The byte stream under this printer, for text already encoded as UTF-8. */
    OutputStream bytes() throws IOException {
      synchronized (lock) {
        return writer.bytes();
      }
    }
  }
}
