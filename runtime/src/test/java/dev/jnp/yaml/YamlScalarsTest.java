package dev.jnp.yaml;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Random;
import org.junit.jupiter.api.Test;

class YamlScalarsTest {
  /** The patterns' characters, and others: '/' of a CIDR, blanks, a date's T, signs of syntax. */
  private static final String ALPHABET = "0123456789000111-+._:<=/ TteExobaAfFiInN#@,~";

  @Test
  void aTextWithOtherCharactersIsNeitherANumberNorADate() {
    Random random = new Random(20261128L);
    int skipped = 0;
    for (int n = 0; n < 300_000; n++) {
      StringBuilder text = new StringBuilder();
      if (random.nextInt(4) == 0) {
        text.append(2000 + random.nextInt(30)).append('-').append(1 + random.nextInt(12)).append('-').append(1 + random.nextInt(28));
      }
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String t = text.toString();
      if (t.isEmpty() || YamlScalars.onlyNumberCharacters(t)) {
        continue;
      }
      skipped++;
      assertWithMessage("'%s' matches a pattern the filter skips", t)
          .that(YamlScalars.NOT_A_STRING.matcher(t).matches() || YamlScalars.DECIMAL.matcher(t).matches())
          .isFalse();
    }
    assertWithMessage("texts the filter skips").that(skipped).isGreaterThan(100_000);
  }

  @Test
  void datesWithATimeAndCidrsAreSpelledAsBefore() {
    assertWithMessage("a date with a time").that(YamlScalars.string("2024-1-1T/", false)).isEqualTo("\"2024-1-1T/\"");
    assertWithMessage("a CIDR").that(YamlScalars.string("10.0.0.0/8", false)).isEqualTo("10.0.0.0/8");
    assertWithMessage("a key that starts with a digit").that(YamlScalars.string("1/2", true)).isEqualTo("\"1/2\"");
    assertWithMessage("a number").that(YamlScalars.string("8080", false)).isEqualTo("\"8080\"");
  }
}
