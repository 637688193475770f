package dev.jnp.compiler.syntax;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Random;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.misc.Interval;
import org.junit.jupiter.api.Test;

/** {@link SourceChars} gives a text as ANTLR's own stream of its code points does. */
class SourceCharsTest {
  /** Latin-1, a BMP character, a surrogate pair, and a lone surrogate of each half. */
  private static final String[] PIECES = {"workload a {\n", "é", "—", "\uD83D\uDE80", "\uD83D", "\uDE80", "\r\n", "x"};

  @Test
  void readsAsAntlrsCodePointStream() {
    for (long seed = 0; seed < 2_000; seed++) {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(10); i > 0; i--) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      CharStream expected = CharStreams.fromString(text.toString(), "f.jnp");
      SourceChars actual = new SourceChars(text.toString(), "f.jnp");
      String what = "seed " + seed;
      assertWithMessage(what).that(actual.size()).isEqualTo(expected.size());
      assertWithMessage(what).that(actual.getSourceName()).isEqualTo(expected.getSourceName());
      assertWithMessage(what).that(actual.toString()).isEqualTo(expected.toString());
      for (int at = 0; at <= expected.size(); at++) {
        expected.seek(at);
        actual.seek(at);
        for (int i = -2; i <= 3; i++) {
          assertWithMessage("%s, LA(%s) at %s", what, i, at).that(actual.LA(i)).isEqualTo(expected.LA(i));
        }
        for (int end = at - 1; end <= expected.size() + 1; end++) {
          Interval interval = Interval.of(at, end);
          assertWithMessage("%s, text of %s", what, interval).that(actual.getText(interval)).isEqualTo(expected.getText(interval));
        }
      }
      SourceChars other = actual.another();
      assertWithMessage(what).that(other.index()).isEqualTo(0);
      if (other.size() > 0) {
        other.consume();
        assertWithMessage(what).that(other.LA(-1)).isEqualTo(text.codePointAt(0));
      }
    }
  }
}
