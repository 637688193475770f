package dev.jnp.compiler.ast;

import java.util.List;

/** A parsed {@code .jnp} file: its path as given and its declarations in source order. */
public record JnpFile(String path, List<Declaration> declarations) {

  /** The declarations of one kind, in source order. */
  public <T extends Declaration> List<T> all(Class<T> kind) {
    return declarations.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
