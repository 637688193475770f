package dev.jnp.diagnostics;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Diagnostics sorted and without duplicates, as a stream's {@code sorted} and {@code distinct} make them. */
class DiagnosticOrderTest {
  @Test
  void sortedAndDistinctAsAStreamMakesThem() {
    Random random = new Random(20261128L);
    // Files by equal strings that are not the same string, as from two places.
    String[] files = {"a.jnp", new String("a.jnp".toCharArray()), "b.jnp"};
    for (int n = 0; n < 3_000; n++) {
      Diagnostics diagnostics = new Diagnostics();
      List<Diagnostic> added = new ArrayList<>();
      for (int i = random.nextInt(30); i > 0; i--) {
        SourceSpan span = new SourceSpan(files[random.nextInt(3)], 1 + random.nextInt(3), 1 + random.nextInt(2), 3, 1 + random.nextInt(2));
        Diagnostic diagnostic = switch (random.nextInt(3)) {
          case 0 -> Diagnostic.error("JNP010" + random.nextInt(2), span, "m" + random.nextInt(2));
          case 1 -> Diagnostic.warning("JNP010" + random.nextInt(2), span, "m" + random.nextInt(2));
          default -> Diagnostic.info("JNP010" + random.nextInt(2), span, "m" + random.nextInt(2)).withHint("h" + random.nextInt(2));
        };
        diagnostics.add(diagnostic);
        added.add(diagnostic);
      }
      List<Diagnostic> sorted = added.stream().sorted(Diagnostic.BY_POSITION).toList();
      assertWithMessage("sorted, round %s", n).that(diagnostics.sorted()).isEqualTo(sorted);
      assertWithMessage("distinct, round %s", n)
          .that(Diagnostic.distinct(diagnostics.sorted()))
          .isEqualTo(sorted.stream().distinct().toList());
    }
  }
}
