package dev.jnp.compiler.check;

import dev.jnp.compiler.ast.Word;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Diagnostics;
import java.util.Optional;

/** Resolves words to their text, substituting {@code $parameter} references. */
public final class Resolver {
  private final Parameters parameters;
  private final Diagnostics diagnostics;

  public Resolver(Parameters parameters, Diagnostics diagnostics) {
    this.parameters = parameters;
    this.diagnostics = diagnostics;
  }

  public Parameters parameters() {
    return parameters;
  }

  /**
   * The text of {@code word}; for a reference, its parameter's value. Empty, with a diagnostic,
   * when the parameter is unknown or a boolean (a boolean is never a name or an address).
   */
  public Optional<String> text(Word word) {
    if (!word.isParamRef()) {
      return Optional.of(word.text());
    }
    Optional<Parameters.Param> param = parameters.get(word.text());
    if (param.isEmpty()) {
      diagnostics.add(
          Diagnostic.error(Codes.UNKNOWN_PARAM, word.span(), "unknown parameter '" + word.text() + "'")
              .withHint(Suggestions.hint(word.text(), parameters.names(), "parameter")));
      return Optional.empty();
    }
    if (param.get().type() == Parameters.Type.BOOLEAN) {
      diagnostics.add(
          Diagnostic.error(Codes.PARAM_TYPE, word.span(), "parameter '" + word.text() + "' is a boolean; a boolean can only be a condition")
              .withHint("use it in 'when " + word.text() + "', or declare a string parameter"));
      return Optional.empty();
    }
    return Optional.of(String.valueOf(param.get().value()));
  }

  /** How {@code word} reads in a message: its text, and where a parameter gave it. */
  public static String describe(Word word, String text) {
    return word.isParamRef() ? "'" + text + "' (from $" + word.text() + ")" : "'" + text + "'";
  }
}
