package dev.jnp.compiler.check;

import dev.jnp.diagnostics.SourceSpan;

/**
 * A parameter value from outside the source: {@code --set NAME=VALUE} (a string) or a {@code
 * --values} file (a string, number or boolean). {@code origin} says where it came from.
 */
public record Setting(String name, Object value, SourceSpan origin) {}
