package dev.jnp.compiler.ast;

import dev.jnp.diagnostics.SourceSpan;

/** A {@code when} condition over boolean parameters. */
public sealed interface Condition {
  SourceSpan span();

  record Not(Condition operand, SourceSpan span) implements Condition {}

  record And(Condition left, Condition right, SourceSpan span) implements Condition {}

  record Or(Condition left, Condition right, SourceSpan span) implements Condition {}

  record Param(Word name, SourceSpan span) implements Condition {}
}
