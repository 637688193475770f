package dev.jnp.diagnostics;

/**
 * A stretch of source text: the file it is in and its 1-based first line and column, with the
 * line and column just past its end. Every AST node and every IR element that came from source
 * carries one, so a problem found in any phase is reported where the user wrote it.
 */
public record SourceSpan(String file, int line, int column, int endLine, int endColumn) {

  /** A span for things that did not come from a source file (command-line values, defaults). */
  public static SourceSpan none(String what) {
    return new SourceSpan(what, 0, 0, 0, 0);
  }

  /** Whether this span points into a real file. */
  public boolean isInSource() {
    return line > 0;
  }

  /** A span covering this one and {@code other}, which must be in the same file. */
  public SourceSpan to(SourceSpan other) {
    return new SourceSpan(file, line, column, other.endLine, other.endColumn);
  }

  // equals and hashCode written out: a record's own are linked through method handles at their
  // first call, which a cold start pays for (diagnostics are deduplicated in a hash set).
  @Override
  public boolean equals(Object other) {
    return other instanceof SourceSpan that
        && line == that.line
        && column == that.column
        && endLine == that.endLine
        && endColumn == that.endColumn
        && file.equals(that.file);
  }

  @Override
  public int hashCode() {
    return (((file.hashCode() * 31 + line) * 31 + column) * 31 + endLine) * 31 + endColumn;
  }

  @Override
  public String toString() {
    return appendTo(new StringBuilder()).toString();
  }

  /** {@code FILE:LINE:COL}, or the file alone when the span is not in its text, appended to {@code out}. */
  public StringBuilder appendTo(StringBuilder out) {
    out.append(file);
    return isInSource() ? out.append(':').append(line).append(':').append(column) : out;
  }
}
