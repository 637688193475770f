package dev.jnp.compiler.syntax;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.diagnostics.Result;

/** Holds the parse of a file in parts (as a large file is parsed) to the parse of it whole. */
public final class PartsComparison {
  private PartsComparison() {}

  /**
   * Fails unless {@code text} parsed in the smallest parts there are (one workload each) gives
   * the same AST, spans included, and the same diagnostics as parsed whole.
   */
  public static void assertSameAsWhole(String text) {
    Result<JnpFile> whole = SourceParser.parseByGrammar("test.jnp", text, Integer.MAX_VALUE);
    Result<JnpFile> inParts = SourceParser.parseByGrammar("test.jnp", text, 1);
    assertWithMessage("parsed in parts:\n%s", text).that(inParts).isEqualTo(whole);
  }
}
