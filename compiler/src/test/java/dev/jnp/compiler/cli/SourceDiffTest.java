package dev.jnp.compiler.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SourceDiffTest {
  /** Lines that repeat (braces, blank lines, common rules) and lines that do not. */
  private static String line(Random random, int unique) {
    return switch (random.nextInt(5)) {
      case 0 -> "}";
      case 1 -> "";
      case 2 -> "  allow http from ns n" + random.nextInt(3);
      default -> "workload w" + unique + " {";
    };
  }

  private static List<String> revise(Random random, List<String> lines) {
    List<String> revised = new ArrayList<>();
    for (String line : lines) {
      switch (random.nextInt(8)) {
        case 0 -> { } // deleted
        case 1 -> revised.add("  " + line); // re-indented
        case 2 -> {
          revised.add(line);
          revised.add(line(random, 1000 + random.nextInt(50)));
        }
        default -> revised.add(line);
      }
    }
    return revised;
  }

  @Test
  void theDiffTurnsTheOriginalIntoTheFormattedText() throws PatchFailedException {
    Random random = new Random(20261127);
    for (int round = 0; round < 3_000; round++) {
      List<String> original = new ArrayList<>();
      for (int i = random.nextInt(40); i > 0; i--) {
        original.add(line(random, random.nextInt(60)));
      }
      List<String> revised = revise(random, original);
      String before = original.isEmpty() ? "" : String.join("\n", original) + "\n";
      String after = revised.isEmpty() ? "" : String.join("\n", revised) + "\n";
      String diff = SourceDiff.unified("x.jnp", before, after);
      Patch<String> patch = UnifiedDiffUtils.parseUnifiedDiff(diff.lines().toList());
      assertWithMessage("round %s:\n%s", round, diff)
          .that(DiffUtils.patch(before.lines().toList(), patch))
          .isEqualTo(after.lines().toList());
    }
  }

  @Test
  void withoutLinesThatOccurOnceItIsTheWholeTextsMyersDiff() {
    List<String> original = List.of("}", "", "}", "  allow http from ns a", "}");
    List<String> revised = List.of("}", "  }", "", "  allow http from ns a", "}", "}");
    String expected = String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(
        "a/x.jnp", "b/x.jnp", original, DiffUtils.diff(original, revised), 3)) + "\n";
    assertThat(SourceDiff.unified("x.jnp", String.join("\n", original) + "\n", String.join("\n", revised) + "\n"))
        .isEqualTo(expected);
  }
}
