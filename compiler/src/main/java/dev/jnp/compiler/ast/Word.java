package dev.jnp.compiler.ast;

import dev.jnp.diagnostics.SourceSpan;

/**
 * A word as written: a plain word or number, a quoted string (already unescaped), or a {@code
 * $name} parameter reference ({@code text} is then the parameter's name).
 */
public record Word(String text, Kind kind, SourceSpan span) {

  /** How a word was written. */
  public enum Kind {
    PLAIN,
    STRING,
    PARAM_REF
  }

  public boolean isParamRef() {
    return kind == Kind.PARAM_REF;
  }

  /** The word as the user typed it, for messages. */
  public String source() {
    return switch (kind) {
      case PLAIN -> text;
      case STRING -> '"' + text + '"';
      case PARAM_REF -> "$" + text;
    };
  }
}
