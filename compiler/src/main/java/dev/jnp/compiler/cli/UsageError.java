package dev.jnp.compiler.cli;

import java.util.Optional;

/**
 * The command line itself is wrong (an unknown option, a missing file, a bad value): {@code jnp}
 * says what, perhaps what was meant, points at the help and exits 2.
 */
final class UsageError extends RuntimeException {
  private final Optional<String> suggestion;
  private final Optional<String> helpOf;

  UsageError(String message) {
    this(message, Optional.empty(), Optional.empty());
  }

  /**
   * @param suggestion a line such as {@code Did you mean: jnp compile?}
   * @param helpOf the command whose {@code --help} to point at, when not the one that failed
   */
  UsageError(String message, Optional<String> suggestion, Optional<String> helpOf) {
    super(message);
    this.suggestion = suggestion;
    this.helpOf = helpOf;
  }

  Optional<String> suggestion() {
    return suggestion;
  }

  Optional<String> helpOf() {
    return helpOf;
  }
}
