package dev.jnp.compiler;

/** A {@code .jnp} file's path, as the user named it, and its text. */
public record SourceInput(String path, String text) {}
