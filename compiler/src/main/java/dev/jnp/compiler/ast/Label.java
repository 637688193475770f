package dev.jnp.compiler.ast;

import dev.jnp.diagnostics.SourceSpan;

/** {@code key=value}. */
public record Label(Word key, Word value, SourceSpan span) {}
