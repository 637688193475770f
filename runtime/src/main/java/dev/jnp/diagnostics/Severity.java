package dev.jnp.diagnostics;

import java.util.Locale;

/** How bad a diagnostic is. Errors stop output; warnings and notes do not. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The word used in rendered diagnostics: {@code error}, {@code warning}, {@code info}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
