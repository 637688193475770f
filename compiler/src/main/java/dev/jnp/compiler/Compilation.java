package dev.jnp.compiler;

import dev.jnp.diagnostics.Diagnostic;
import java.util.List;
import java.util.Map;

/**
 * The outcome of compiling: every diagnostic, sorted by position; the rendered objects per engine
 * (in {@link dev.jnp.engine.Backends#ENGINES} order), written, which are empty when there is an
 * error: nothing is rendered from input with errors; and how many expectations were evaluated on
 * each engine's output.
 */
public record Compilation(
    List<Diagnostic> diagnostics, Map<String, List<Manifest>> manifests, Map<String, Integer> expectationsChecked) {

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
