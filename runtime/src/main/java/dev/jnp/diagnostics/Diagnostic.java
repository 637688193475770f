package dev.jnp.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in the input: its severity, a stable code ({@code JNP0203}), where it is, a
 * message that says what is wrong and, where one helps, a hint that says how to fix it. Rendering
 * (one line, snippet with caret, JSON) is separate from this model.
 */
public record Diagnostic(
    Severity severity, String code, SourceSpan span, String message, Optional<String> hint) {

  /** Diagnostics in the order a reader meets them: file, line, column, then code. */
  public static final Comparator<Diagnostic> BY_POSITION = Diagnostic::compareByPosition;

  // One method rather than a chain of Comparator.comparing: each link of a chain is a lambda that
  // a cold JVM spins at run time (an AOT cache cannot hold the JDK's own).
  private static int compareByPosition(Diagnostic a, Diagnostic b) {
    // A file's spans share its path: the same string is the same file, without reading it.
    String file = a.span().file();
    int order = file == b.span().file() ? 0 : file.compareTo(b.span().file());
    if (order == 0) {
      order = Integer.compare(a.span().line(), b.span().line());
    }
    if (order == 0) {
      order = Integer.compare(a.span().column(), b.span().column());
    }
    if (order == 0) {
      order = a.code().compareTo(b.code());
    }
    return order != 0 ? order : a.message().compareTo(b.message());
  }

  // Written out for the reason given in SourceSpan.
  @Override
  public boolean equals(Object other) {
    return other instanceof Diagnostic that
        && severity == that.severity
        && code.equals(that.code)
        && span.equals(that.span)
        && message.equals(that.message)
        && hint.equals(that.hint);
  }

  @Override
  public int hashCode() {
    return (((severity.ordinal() * 31 + code.hashCode()) * 31 + span.hashCode()) * 31 + message.hashCode()) * 31
        + hint.hashCode();
  }

  public Diagnostic {
    Objects.requireNonNull(severity);
    Objects.requireNonNull(code);
    Objects.requireNonNull(span);
    Objects.requireNonNull(message);
    Objects.requireNonNull(hint);
  }

  public static Diagnostic error(String code, SourceSpan span, String message) {
    return new Diagnostic(Severity.ERROR, code, span, message, Optional.empty());
  }

  public static Diagnostic warning(String code, SourceSpan span, String message) {
    return new Diagnostic(Severity.WARNING, code, span, message, Optional.empty());
  }

  public static Diagnostic info(String code, SourceSpan span, String message) {
    return new Diagnostic(Severity.INFO, code, span, message, Optional.empty());
  }

  /** This diagnostic with a hint on how to fix it. */
  public Diagnostic withHint(String hint) {
    return new Diagnostic(severity, code, span, message, Optional.of(hint));
  }

  /** This diagnostic with another severity, as {@code --warnings-as-errors} needs. */
  public Diagnostic withSeverity(Severity newSeverity) {
    return new Diagnostic(newSeverity, code, span, message, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * {@code sorted}, sorted {@link #BY_POSITION}, without the later of two equal diagnostics. Equal
   * ones compare alike, so each is looked for only among its neighbours that do (most have none):
   * thousands of notes are not hashed into a set.
   */
  public static List<Diagnostic> distinct(List<Diagnostic> sorted) {
    List<Diagnostic> distinct = new ArrayList<>(sorted.size());
    int alike = 0; // where the diagnostics that compare alike with the last one begin in distinct
    for (int i = 0; i < sorted.size(); i++) {
      Diagnostic diagnostic = sorted.get(i);
      if (i > 0 && compareByPosition(sorted.get(i - 1), diagnostic) != 0) {
        alike = distinct.size();
      }
      if (!distinct.subList(alike, distinct.size()).contains(diagnostic)) {
        distinct.add(diagnostic);
      }
    }
    return Collections.unmodifiableList(distinct);
  }

  /**
   * Whether any of {@code diagnostics} is an error. A loop: a compile asks it of every allowlist on
   * every engine, and a stream was a pipeline built each time (docs/decisions.md, "Streams and
   * lambdas off the paths taken per workload").
   */
  public static boolean anyError(List<Diagnostic> diagnostics) {
    for (int i = 0; i < diagnostics.size(); i++) {
      if (diagnostics.get(i).isError()) {
        return true;
      }
    }
    return false;
  }
}
