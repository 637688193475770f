package dev.jnp.diagnostics;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Diagnostic and SourceSpan write equals and hashCode out; they must keep a record's contract. */
class DiagnosticEqualityTest {
  private static final SourceSpan SPAN = new SourceSpan("a.jnp", 3, 5, 3, 9);
  private static final Diagnostic DIAGNOSTIC =
      Diagnostic.error("JNP0101", SPAN, "unknown port 'x'").withHint("did you mean 'y'?");

  @Test
  void equalValuesAreEqualWithEqualHashes() {
    SourceSpan span = new SourceSpan("a.jnp", 3, 5, 3, 9);
    Diagnostic same = Diagnostic.error("JNP0101", span, "unknown port 'x'").withHint("did you mean 'y'?");
    assertThat(span).isEqualTo(SPAN);
    assertThat(span.hashCode()).isEqualTo(SPAN.hashCode());
    assertThat(same).isEqualTo(DIAGNOSTIC);
    assertThat(same.hashCode()).isEqualTo(DIAGNOSTIC.hashCode());
  }

  @Test
  void everyComponentCounts() {
    List<SourceSpan> spans = List.of(
        new SourceSpan("b.jnp", 3, 5, 3, 9),
        new SourceSpan("a.jnp", 4, 5, 3, 9),
        new SourceSpan("a.jnp", 3, 6, 3, 9),
        new SourceSpan("a.jnp", 3, 5, 4, 9),
        new SourceSpan("a.jnp", 3, 5, 3, 10));
    for (SourceSpan span : spans) {
      assertThat(span).isNotEqualTo(SPAN);
    }
    List<Diagnostic> diagnostics = List.of(
        Diagnostic.warning("JNP0101", SPAN, "unknown port 'x'").withHint("did you mean 'y'?"),
        Diagnostic.error("JNP0102", SPAN, "unknown port 'x'").withHint("did you mean 'y'?"),
        Diagnostic.error("JNP0101", spans.get(0), "unknown port 'x'").withHint("did you mean 'y'?"),
        Diagnostic.error("JNP0101", SPAN, "unknown port 'z'").withHint("did you mean 'y'?"),
        Diagnostic.error("JNP0101", SPAN, "unknown port 'x'"));
    for (Diagnostic diagnostic : diagnostics) {
      assertThat(diagnostic).isNotEqualTo(DIAGNOSTIC);
    }
  }
}
