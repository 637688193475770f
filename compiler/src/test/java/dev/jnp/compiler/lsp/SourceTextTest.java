package dev.jnp.compiler.lsp;

import static com.google.common.truth.Truth.assertThat;

import dev.jnp.diagnostics.SourceSpan;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/** Between the lexer's code-point columns and LSP's UTF-16 characters. */
class SourceTextTest {
  // U+1F512 (a lock) is one code point and two UTF-16 units.
  private static final String TEXT = "peer a = ns x # \uD83D\uDD12 locked\r\nnamespace \"\uD83D\uDD12\" # b\nworkload w {\n}";

  @Test
  void columnsAfterASurrogatePairShiftByOne() {
    SourceText source = new SourceText(TEXT);
    // Line 2 is: namespace "<lock>" # b. Its 'b' is code-point column 17 and UTF-16 character 17.
    assertThat(source.position(2, 17)).isEqualTo(new Position(1, 17));
    assertThat(source.cursor(new Position(1, 17))).isEqualTo(new SourceText.Cursor(2, 17));
    // Before the lock the two counts agree; past it they differ by one.
    assertThat(source.position(2, 12)).isEqualTo(new Position(1, 11));
    assertThat(source.position(2, 13)).isEqualTo(new Position(1, 13));
    assertThat(source.cursor(new Position(1, 14))).isEqualTo(new SourceText.Cursor(2, 14));
  }

  @Test
  void carriageReturnsAreNotPartOfTheLine() {
    SourceText source = new SourceText(TEXT);
    assertThat(source.lineCount()).isEqualTo(4);
    assertThat(source.line(0)).endsWith("locked");
    assertThat(source.whole()).isEqualTo(new Range(new Position(0, 0), new Position(3, 1)));
  }

  @Test
  void spansOutsideTheSourceAndPastTheEndAreClamped() {
    SourceText source = new SourceText(TEXT);
    assertThat(source.range(SourceSpan.none("--set x=1"))).isEqualTo(new Range(new Position(0, 0), new Position(0, 0)));
    assertThat(source.range(new SourceSpan("f", 9, 1, 9, 4)).getStart()).isEqualTo(new Position(3, 1));
    assertThat(source.cursor(new Position(99, 99))).isEqualTo(new SourceText.Cursor(4, 2));
  }

  @Test
  void aSliceIsTheSpansText() {
    SourceText source = new SourceText(TEXT);
    assertThat(source.slice(new SourceSpan("f", 2, 11, 2, 14))).isEqualTo("\"\uD83D\uDD12\"");
    assertThat(source.slice(new SourceSpan("f", 3, 10, 4, 2))).isEqualTo("w {\n}");
  }
}
