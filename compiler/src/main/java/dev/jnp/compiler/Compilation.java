package dev.jnp.compiler;

import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.engine.PolicyObject;
import java.util.List;
import java.util.Map;

/**
 * The outcome of compiling: every diagnostic, sorted by position, and the rendered objects per
 * engine (in {@link dev.jnp.engine.Backends#ENGINES} order), which are empty when there is an
 * error: nothing is rendered from input with errors.
 */
public record Compilation(List<Diagnostic> diagnostics, Map<String, List<PolicyObject>> objects) {

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
