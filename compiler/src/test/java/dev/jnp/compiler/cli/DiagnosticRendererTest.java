package dev.jnp.compiler.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {
  private static final String[] PIECES = {"workload a {", "\n", "\r", "\r\n", "\n\r", "\t", "é", "日本", " ", "x"};

  @Test
  void eachLineIsTheSourcesLineEndedByCrLfCrOrLf() {
    for (long seed = 0; seed < 2_000; seed++) {
      Random random = new Random(seed);
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(16); i > 0; i--) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      // An independent split: the longest line end first.
      String[] lines = text.toString().split("\r\n|\r|\n", -1);
      DiagnosticRenderer renderer = new DiagnosticRenderer(Map.of("f.jnp", text.toString()));
      for (int line = 1; line <= lines.length + 1; line++) {
        String rendered = renderer.text(Diagnostic.info("JNP0000", new SourceSpan("f.jnp", line, 1, line, 1), "m"));
        String shown = line <= lines.length ? " " + line + " | " + lines[line - 1] + "\n" : null;
        assertWithMessage("seed %s, line %s of %s", seed, line, List.of(lines))
            .that(shown == null ? !rendered.contains(" | ") : rendered.contains(shown))
            .isTrue();
      }
    }
  }

  @Test
  void manyDiagnosticsAreRenderedInTheirOrder() {
    StringBuilder text = new StringBuilder();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (int line = 1; line <= 1_000; line++) {
      text.append("workload w").append(line).append(" {}\n");
      diagnostics.add(Diagnostic.info("JNP0310", new SourceSpan("f.jnp", line, 10, line, 12), "note " + line)
          .withHint("hint " + line));
    }
    DiagnosticRenderer renderer = new DiagnosticRenderer(Map.of("f.jnp", text.toString()));
    StringBuilder expected = new StringBuilder();
    for (Diagnostic diagnostic : diagnostics) {
      expected.append(renderer.text(diagnostic));
    }
    expected.append("jnp: 0 errors, 0 warnings, ").append(diagnostics.size()).append(" notes\n");
    assertThat(renderer.text(diagnostics)).isEqualTo(expected.toString());
    assertThat(renderer.text(diagnostics.get(0)))
        .isEqualTo("f.jnp:1:10: info[JNP0310]: note 1\n 1 | workload w1 {}\n   |          ^^\n  = hint: hint 1\n");
    assertThat(renderer.text(diagnostics.get(999)))
        .isEqualTo("f.jnp:1000:10: info[JNP0310]: note 1000\n 1000 | workload w1000 {}\n      |          ^^\n  = hint: hint 1000\n");
  }

  @Test
  void theCaretKeepsTheLinesTabsAndMarksAtLeastOneColumn() {
    DiagnosticRenderer renderer = new DiagnosticRenderer(Map.of("f.jnp", "\tab x\n"));
    assertThat(renderer.text(Diagnostic.error("JNP0001", new SourceSpan("f.jnp", 1, 3, 1, 5), "m")))
        .isEqualTo("f.jnp:1:3: error[JNP0001]: m\n 1 | \tab x\n   | \t ^^\n");
    assertThat(renderer.text(Diagnostic.warning("JNP0001", new SourceSpan("f.jnp", 1, 6, 2, 1), "m")))
        .isEqualTo("f.jnp:1:6: warning[JNP0001]: m\n 1 | \tab x\n   | \t    ^\n");
    assertThat(renderer.text(Diagnostic.error("JNP0001", SourceSpan.none("f.jnp"), "m"))).isEqualTo("f.jnp: error[JNP0001]: m\n");
  }
}
