package dev.jnp.compiler.ast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A parsed {@code .jnp} file: its path as given and its declarations in source order. */
public record JnpFile(String path, List<Declaration> declarations) {

  /** The declarations of one kind, in source order. */
  public <T extends Declaration> List<T> all(Class<T> kind) {
    // A loop, not a stream: the checker and the lowering ask a few times for each kind, and a
    // cold run took a large file's thousands of declarations through a stream's sinks each time.
    List<T> all = new ArrayList<>();
    for (Declaration declaration : declarations) {
      if (kind.isInstance(declaration)) {
        all.add(kind.cast(declaration));
      }
    }
    return Collections.unmodifiableList(all);
  }
}
