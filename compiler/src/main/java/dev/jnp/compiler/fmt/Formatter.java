package dev.jnp.compiler.fmt;

import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.ast.WorkloadItem;
import dev.jnp.compiler.syntax.SourceParser;
import dev.jnp.compiler.syntax.SourceParser.Comment;
import dev.jnp.diagnostics.Result;
import dev.jnp.diagnostics.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code jnp fmt}: one canonical layout. Two-space indentation, one statement per line, single
 * spaces, lists joined by {@code ", "}; the names of consecutive {@code port} and {@code param}
 * lines aligned, and trailing comments of consecutive lines aligned; every comment kept where it
 * was; blank lines kept, but never more than one in a row, and none at the start or end of a
 * block. Formatting is idempotent and never changes what a file means: the AST is the same
 * before and after, spans aside.
 */
public final class Formatter {
  private static final String INDENT = "  ";

  /** One output line: its indentation, its cells (aligned in runs), a trailing comment. */
  private record Line(int depth, List<String> cells, String comment, boolean blankBefore, Kind kind) {}

  private enum Kind {
    CODE,
    PORT,
    PARAM,
    COMMENT,
    MULTILINE
  }

  private final List<Comment> comments;
  private final String[] source;
  private final List<Line> lines = new ArrayList<>();
  private int nextComment;
  private int lastSourceLine;
  private boolean atBlockStart = true;

  private Formatter(List<Comment> comments, String text) {
    this.comments = comments;
    this.source = text.split("\r\n|\r|\n", -1);
  }

  /** {@code text} in canonical layout, or empty when it has syntax errors. */
  public static Optional<String> format(String text) {
    Result<JnpFile> parsed = SourceParser.parse("<fmt>", text);
    if (parsed.hasErrors()) {
      return Optional.empty();
    }
    Formatter formatter = new Formatter(SourceParser.comments(text), text);
    return Optional.of(formatter.layout(parsed.value().orElseThrow()));
  }

  private String layout(JnpFile file) {
    for (Declaration declaration : file.declarations()) {
      if (declaration instanceof Declaration.Workload workload) {
        block(0, SourcePrinter.declaration(workload), workload.span(), () -> workload.items().forEach(i -> item(i, 1)));
      } else {
        Kind kind = declaration instanceof Declaration.Param ? Kind.PARAM : Kind.CODE;
        emit(0, SourcePrinter.declaration(declaration), kind, declaration.span());
      }
    }
    flushComments(0, Integer.MAX_VALUE);
    return render();
  }

  private void item(WorkloadItem item, int depth) {
    if (item instanceof WorkloadItem.Egress egress) {
      block(depth, SourcePrinter.item(egress), egress.span(), () -> egress.items().forEach(i -> item(i, depth + 1)));
    } else {
      Kind kind = item instanceof WorkloadItem.Port ? Kind.PORT : item instanceof WorkloadItem.Native ? Kind.MULTILINE : Kind.CODE;
      emit(depth, SourcePrinter.item(item), kind, item.span());
    }
  }

  private void block(int depth, String header, SourceSpan span, Runnable body) {
    emitLine(depth, header, Kind.CODE, span.line(), span.line());
    atBlockStart = true;
    body.run();
    flushComments(depth + 1, span.endLine());
    atBlockStart = true;
    emitLine(depth, "}", Kind.CODE, span.endLine(), span.endLine());
    atBlockStart = false;
  }

  private void emit(int depth, String code, Kind kind, SourceSpan span) {
    emitLine(depth, code, kind, span.line(), span.endLine());
  }

  private void emitLine(int depth, String code, Kind kind, int firstLine, int lastLine) {
    flushComments(depth, firstLine);
    boolean blank = needsBlank(firstLine);
    String trailing = null;
    if (nextComment < comments.size() && comments.get(nextComment).line() == lastLine) {
      trailing = comments.get(nextComment++).text();
    }
    lines.add(new Line(depth, cells(code, kind), trailing, blank, kind));
    lastSourceLine = Math.max(lastSourceLine, lastLine);
    atBlockStart = false;
  }

  /** Comments that stand before {@code beforeLine} on lines of their own. */
  private void flushComments(int depth, int beforeLine) {
    while (nextComment < comments.size() && comments.get(nextComment).line() < beforeLine) {
      Comment comment = comments.get(nextComment++);
      boolean blank = needsBlank(comment.line());
      lines.add(new Line(depth, List.of(comment.text()), null, blank, Kind.COMMENT));
      lastSourceLine = Math.max(lastSourceLine, comment.line());
      atBlockStart = false;
    }
  }

  /** Whether the source has a blank line between what was printed last and {@code line}. */
  private boolean needsBlank(int line) {
    if (atBlockStart || lastSourceLine == 0) {
      return false;
    }
    for (int i = lastSourceLine + 1; i < line && i <= source.length; i++) {
      if (source[i - 1].isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** Port and param lines have two cells, aligned in runs: the name, then the rest. */
  private static List<String> cells(String code, Kind kind) {
    if (kind == Kind.PORT || kind == Kind.PARAM) {
      int firstSpace = code.indexOf(' ');
      int secondSpace = code.indexOf(' ', firstSpace + 1);
      if (secondSpace > 0) {
        return List.of(code.substring(0, secondSpace), code.substring(secondSpace + 1));
      }
    }
    return List.of(code);
  }

  private String render() {
    List<String> code = new ArrayList<>();
    for (int start = 0; start < lines.size(); ) {
      int end = runEnd(start, (a, b) -> a.kind() == b.kind() && a.cells().size() == 2 && b.cells().size() == 2);
      int width = 0;
      for (int i = start; i < end; i++) {
        width = Math.max(width, lines.get(i).cells().get(0).length());
      }
      for (int i = start; i < end; i++) {
        Line line = lines.get(i);
        String text = line.cells().size() == 2
            ? pad(line.cells().get(0), width) + " " + line.cells().get(1)
            : line.cells().get(0);
        code.add(INDENT.repeat(line.depth()) + text);
      }
      start = end;
    }
    StringBuilder out = new StringBuilder();
    for (int start = 0; start < lines.size(); ) {
      int end = runEnd(start, (a, b) -> a.comment() != null && b.comment() != null && a.kind() != Kind.MULTILINE && b.kind() != Kind.MULTILINE);
      int column = 0;
      for (int i = start; i < end; i++) {
        column = Math.max(column, code.get(i).length());
      }
      for (int i = start; i < end; i++) {
        Line line = lines.get(i);
        if (line.blankBefore()) {
          out.append('\n');
        }
        out.append(code.get(i));
        if (line.comment() != null) {
          out.append(" ".repeat(column - code.get(i).length() + 2)).append(line.comment());
        }
        out.append('\n');
      }
      start = end;
    }
    return out.toString();
  }

  private interface Joins {
    boolean test(Line previous, Line next);
  }

  /** The end (exclusive) of the run of lines from {@code start} that {@code joins} links. */
  private int runEnd(int start, Joins joins) {
    int end = start + 1;
    while (end < lines.size()
        && !lines.get(end).blankBefore()
        && lines.get(end).depth() == lines.get(start).depth()
        && joins.test(lines.get(end - 1), lines.get(end))) {
      end++;
    }
    return end;
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
