package dev.jnp.compiler.cli;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8WriterTest {
  /** ASCII, Latin-1, a BMP character, a character of two surrogates, and a lone one of each half. */
  private static final String[] PIECES = {"apiVersion: v1\n", "é", "ü", "—", "\uD83D\uDE80", "\uD83D", "\uDE80", "\u0000", "x"};

  @Test
  void writesTheBytesAnOutputStreamWriterWrites() throws IOException {
    for (long seed = 0; seed < 3_000; seed++) {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      // Split anywhere, between a character's surrogates too, and written by each kind of write.
      long splits = random.nextLong();
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      ByteArrayOutputStream actual = new ByteArrayOutputStream();
      write(new OutputStreamWriter(expected, StandardCharsets.UTF_8), text.toString(), new Random(splits));
      write(new Utf8Writer(actual), text.toString(), new Random(splits));
      assertWithMessage("seed %s: %s", seed, text.codePoints().mapToObj(Integer::toHexString).toList())
          .that(actual.toByteArray())
          .isEqualTo(expected.toByteArray());
    }
  }

  @Test
  void textAlreadyEncodedIsWrittenInItsPlace() throws IOException {
    String[] characters = {"apiVersion: v1\n", "é", "—", "\uD83D\uDE80", "\u0000", "x"};
    for (long seed = 0; seed < 1_000; seed++) {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder();
      ByteArrayOutputStream actual = new ByteArrayOutputStream();
      Utf8Writer.Printer out = new Utf8Writer.Printer(actual);
      for (int i = random.nextInt(12); i > 0; i--) {
        String piece = characters[random.nextInt(characters.length)];
        text.append(piece);
        if (random.nextBoolean()) {
          out.print(piece);
        } else {
          out.bytes().write(piece.getBytes(StandardCharsets.UTF_8));
        }
      }
      out.flush();
      assertWithMessage("seed %s", seed).that(actual.toByteArray()).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    // A high surrogate alone at the end of the text before: '?', as at the end of the output.
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    Utf8Writer.Printer out = new Utf8Writer.Printer(actual);
    out.print("a\uD83D");
    out.bytes().write('b');
    out.flush();
    assertWithMessage("a lone high surrogate").that(actual.toString(StandardCharsets.UTF_8)).isEqualTo("a?b");
  }

  private static void write(Writer writer, String text, Random random) throws IOException {
    PrintWriter out = new PrintWriter(writer);
    int at = 0;
    while (at < text.length()) {
      int end = at + random.nextInt(text.length() - at + 1);
      switch (random.nextInt(4)) {
        case 0 -> out.write(text, at, end - at);
        case 1 -> out.write(text.toCharArray(), at, end - at);
        case 2 -> out.print(text.substring(at, end));
        default -> {
          if (end > at) {
            out.write(text.charAt(at));
            end = at + 1;
          }
        }
      }
      at = end;
    }
    out.close();
  }
}
