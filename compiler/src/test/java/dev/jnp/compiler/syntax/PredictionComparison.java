package dev.jnp.compiler.syntax;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.diagnostics.Result;
import java.util.Optional;

/** Holds {@link PredictiveParser} to the parser ANTLR generates from {@code Jnp.g4}. */
public final class PredictionComparison {
  private PredictionComparison() {}

  /**
   * Fails unless {@code text}, parsed whole and in parts (one workload each), gives the same AST,
   * spans included, and the same diagnostics as the grammar's parser alone gives it whole, and
   * unless the predictive parser, where it gives an AST, gives that one. Answers whether it gave
   * one.
   */
  public static boolean assertSameAsGrammar(String text) {
    Result<JnpFile> byGrammar = SourceParser.parseByGrammar("test.jnp", text, Integer.MAX_VALUE);
    assertWithMessage("parsed:\n%s", text).that(SourceParser.parse("test.jnp", text)).isEqualTo(byGrammar);
    assertWithMessage("parsed in parts:\n%s", text).that(SourceParser.parse("test.jnp", text, 1)).isEqualTo(byGrammar);
    if (byGrammar.diagnostics().stream().anyMatch(d -> d.code().equals(SourceParser.TOO_DEEP))) {
      return false; // refused before any parser, which would recurse as deep
    }
    FileTokens.Part whole = FileTokens.read("test.jnp", text, Integer.MAX_VALUE).parts().get(0);
    Optional<JnpFile> predicted =
        PredictiveParser.parse("test.jnp", whole).map(declarations -> new JnpFile("test.jnp", declarations));
    if (predicted.isPresent()) {
      assertWithMessage("predicted:\n%s", text).that(byGrammar.value()).isEqualTo(predicted);
      assertWithMessage("diagnostics of predicted:\n%s", text).that(byGrammar.diagnostics()).isEmpty();
    }
    return predicted.isPresent();
  }
}
