package dev.jnp.compiler.lsp;

import dev.jnp.diagnostics.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * A document's text, with the conversions between the two ways of pointing into it: jnp's
 * 1-based lines and columns counted in code points (as the lexer counts them), and LSP's 0-based
 * lines and characters counted in UTF-16 units. Lines end at {@code \n}, as the lexer counts them;
 * a {@code \r} before it is not part of the line.
 */
final class SourceText {
  private final String text;
  private final List<String> lines = new ArrayList<>();

  SourceText(String text) {
    this.text = text;
    int start = 0;
    while (true) {
      int newline = text.indexOf('\n', start);
      String line = newline < 0 ? text.substring(start) : text.substring(start, newline);
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
      if (newline < 0) {
        break;
      }
      start = newline + 1;
    }
  }

  String text() {
    return text;
  }

  int lineCount() {
    return lines.size();
  }

  /** The 0-based line {@code index} without its line end; empty past the end. */
  String line(int index) {
    return index >= 0 && index < lines.size() ? lines.get(index) : "";
  }

  /** The LSP position of a 1-based line and code-point column, clamped into the document. */
  Position position(int line, int column) {
    if (line < 1) {
      return new Position(0, 0);
    }
    if (line > lines.size()) {
      int last = lines.size() - 1;
      return new Position(last, lines.get(last).length());
    }
    String content = lines.get(line - 1);
    int codePoints = content.codePointCount(0, content.length());
    int offset = content.offsetByCodePoints(0, Math.max(0, Math.min(column - 1, codePoints)));
    return new Position(line - 1, offset);
  }

  /** Where {@code span} is; a span with no place in the source points at the start of the file. */
  Range range(SourceSpan span) {
    if (!span.isInSource()) {
      return new Range(new Position(0, 0), new Position(0, 0));
    }
    Position start = position(span.line(), span.column());
    Position end = position(span.endLine(), span.endColumn());
    if (end.getLine() < start.getLine() || (end.getLine() == start.getLine() && end.getCharacter() < start.getCharacter())) {
      end = start;
    }
    return new Range(start, end);
  }

  /** The 1-based line and code-point column of an LSP position. */
  Cursor cursor(Position position) {
    int line = Math.max(0, Math.min(position.getLine(), lines.size() - 1));
    String content = lines.get(line);
    int character = Math.max(0, Math.min(position.getCharacter(), content.length()));
    return new Cursor(line + 1, content.codePointCount(0, character) + 1);
  }

  /** The whole document, for an edit that replaces it. */
  Range whole() {
    int last = lines.size() - 1;
    return new Range(new Position(0, 0), new Position(last, lines.get(last).length()));
  }

  /** The source text of the lines {@code span} covers, for showing a declaration. */
  String linesOf(SourceSpan span) {
    StringBuilder out = new StringBuilder();
    for (int line = span.line(); line <= Math.max(span.line(), span.endLine()) && line <= lines.size(); line++) {
      out.append(lines.get(line - 1).stripTrailing()).append('\n');
    }
    return out.toString().stripIndent();
  }

  /** The text {@code span} covers. */
  String slice(SourceSpan span) {
    if (!span.isInSource()) {
      return "";
    }
    Position start = position(span.line(), span.column());
    Position end = position(span.endLine(), span.endColumn());
    StringBuilder out = new StringBuilder();
    for (int line = start.getLine(); line <= end.getLine(); line++) {
      String content = line(line);
      int from = line == start.getLine() ? start.getCharacter() : 0;
      int to = line == end.getLine() ? end.getCharacter() : content.length();
      out.append(content, Math.min(from, to), to);
      if (line < end.getLine()) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** A place in the text as the lexer counts: 1-based line, 1-based code-point column. */
  record Cursor(int line, int column) {

    /** Whether this place is inside {@code span} or just at its end (where a word is typed). */
    boolean within(SourceSpan span) {
      return span.isInSource() && !before(span.line(), span.column()) && !after(span.endLine(), span.endColumn());
    }

    boolean before(int otherLine, int otherColumn) {
      return line < otherLine || (line == otherLine && column < otherColumn);
    }

    boolean after(int otherLine, int otherColumn) {
      return line > otherLine || (line == otherLine && column > otherColumn);
    }
  }
}
