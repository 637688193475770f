package dev.jnp.diagnostics;

/** How bad a diagnostic is. Errors stop output; warnings and notes do not. */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  INFO("info");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** The word used in rendered diagnostics: {@code error}, {@code warning}, {@code info}. */
  public String label() {
    return label;
  }
}
