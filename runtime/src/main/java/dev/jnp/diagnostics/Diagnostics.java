package dev.jnp.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A collector of diagnostics that a phase fills while it works. */
public final class Diagnostics {
  private final List<Diagnostic> found = new ArrayList<>();

  public void add(Diagnostic diagnostic) {
    found.add(diagnostic);
  }

  public void addAll(List<Diagnostic> diagnostics) {
    found.addAll(diagnostics);
  }

  /** Everything {@code other} found, in the order it was found. */
  public void addAll(Diagnostics other) {
    found.addAll(other.found);
  }

  public boolean hasErrors() {
    return Diagnostic.anyError(found);
  }

  /** What was found, sorted by position. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> sorted = new ArrayList<>(found);
    sorted.sort(Diagnostic.BY_POSITION);
    return Collections.unmodifiableList(sorted);
  }
}
