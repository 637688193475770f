package dev.jnp.diagnostics;

import java.util.List;
import java.util.Optional;

/**
 * What a phase returns: its value, if it could make one, and the diagnostics it found. A phase
 * never throws for bad input; exceptions are bugs.
 */
public record Result<T>(Optional<T> value, List<Diagnostic> diagnostics) {

  public Result {
    diagnostics = diagnostics.stream().sorted(Diagnostic.BY_POSITION).toList();
  }

  public static <T> Result<T> of(T value, List<Diagnostic> diagnostics) {
    return new Result<>(Optional.of(value), diagnostics);
  }

  public static <T> Result<T> failed(List<Diagnostic> diagnostics) {
    return new Result<>(Optional.empty(), diagnostics);
  }

  public boolean hasErrors() {
    return value.isEmpty() || diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
