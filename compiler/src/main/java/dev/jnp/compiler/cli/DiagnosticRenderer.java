package dev.jnp.compiler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Severity;
import dev.jnp.diagnostics.SourceSpan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders diagnostics for people (text with a snippet and caret) and for tools (JSON, SARIF). */
public final class DiagnosticRenderer {
  /** Made only for --format json or sarif: an ObjectMapper is slow to start. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private final Map<String, String> sources;
  /** Where each file's lines begin and end, found once: thousands of diagnostics stay linear. */
  private final Map<String, Lines> lines = new HashMap<>();

  /** {@code sources}: path → text of every file the diagnostics may point into. */
  public DiagnosticRenderer(Map<String, String> sources) {
    this.sources = sources;
  }

  /** {@code FILE:LINE:COL: severity[CODE]: message}, the source line, a caret, the hint. */
  public String text(Diagnostic diagnostic) {
    StringBuilder out = new StringBuilder();
    append(diagnostic, out);
    return out.toString();
  }

  /** All diagnostics as text, then a count line when there are any. */
  public String text(List<Diagnostic> diagnostics) {
    StringWriter text = new StringWriter();
    print(diagnostics, new PrintWriter(text));
    return text.toString();
  }

  /** Text printed at once: the notes of a large compile (megabytes) are never one string. */
  private static final int PRINTED_AT_ONCE = 1 << 15;

  /**
   * {@link #text(List)}, printed to {@code out} some 32 KB at a time: the text of 6,000 notes,
   * built whole, was copied into ever larger buffers, then into a string, then into bytes.
   */
  public void print(List<Diagnostic> diagnostics, PrintWriter out) {
    StringBuilder some = new StringBuilder(PRINTED_AT_ONCE + PRINTED_AT_ONCE / 2);
    for (int i = 0; i < diagnostics.size(); i++) {
      append(diagnostics.get(i), some);
      if (some.length() >= PRINTED_AT_ONCE) {
        out.write(some.toString());
        some.setLength(0);
      }
    }
    if (!diagnostics.isEmpty()) {
      some.append(summary(diagnostics)).append('\n');
    }
    out.write(some.toString());
    out.flush();
  }

  // Appended piece by piece, without a string made for any part: a large file has thousands of
  // notes, and they are rendered at the end of its compile, on one core.
  private void append(Diagnostic diagnostic, StringBuilder out) {
    SourceSpan span = diagnostic.span();
    span.appendTo(out).append(": ").append(diagnostic.severity().label())
        .append('[').append(diagnostic.code()).append("]: ").append(diagnostic.message()).append('\n');
    String line = span.isInSource() ? line(span.file(), span.line()) : null;
    if (line != null) {
      int gutter = out.length();
      out.append(' ').append(span.line());
      gutter = out.length() - gutter - 1;
      out.append(" | ").append(line).append("\n ");
      repeat(' ', gutter, out);
      out.append(" | ");
      caret(line, span, out);
      out.append('\n');
    }
    if (diagnostic.hint().isPresent()) {
      out.append("  = hint: ").append(diagnostic.hint().get()).append('\n');
    }
  }

  private static void repeat(char c, int count, StringBuilder out) {
    for (int i = 0; i < count; i++) {
      out.append(c);
    }
  }

  static String summary(List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
    long notes = diagnostics.stream().filter(d -> d.severity() == Severity.INFO).count();
    return "jnp: " + count(errors, "error") + ", " + count(warnings, "warning") + ", " + count(notes, "note");
  }

  private static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  private String line(String file, int number) {
    String text = sources.get(file);
    if (text == null) {
      return null;
    }
    Lines found = lines.get(file);
    if (found == null) {
      found = new Lines(text);
      lines.put(file, found);
    }
    return found.line(number);
  }

  /** Where the lines of a text begin and end, each ended by {@code \r\n}, {@code \r} or {@code \n}. */
  private static final class Lines {
    /**
     * Lines found a call: a loop over every line of a large file runs in the interpreter until it
     * has gone round some 60,000 times, where a method called for every few dozen is compiled
     * after a few hundred calls (docs/decisions.md, "Loops over every workload").
     */
    private static final int LINES_PER_CALL = 32;

    private final String text;
    private int count;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    // Where the next line starts, and the next \n and \r at or after it (-1: none left); each
    // is looked for again, by String.indexOf, only once a line passes it.
    private int start;
    private int lf;
    private int cr;

    Lines(String text) {
      this.text = text;
      lf = text.indexOf('\n');
      cr = text.indexOf('\r');
      while (addLines()) {
        // each call finds LINES_PER_CALL lines, or the rest
      }
    }

    /** Finds up to {@link #LINES_PER_CALL} lines; false once the last is found. */
    private boolean addLines() {
      for (int i = 0; i < LINES_PER_CALL; i++) {
        if (lf >= 0 && lf < start) {
          lf = text.indexOf('\n', start);
        }
        if (cr >= 0 && cr < start) {
          cr = text.indexOf('\r', start);
        }
        int end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
        if (end < 0) {
          add(start, text.length());
          return false;
        }
        add(start, end);
        start = end == cr && end + 1 == lf ? end + 2 : end + 1;
      }
      return true;
    }

    private void add(int start, int end) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, 2 * count);
        ends = Arrays.copyOf(ends, 2 * count);
      }
      starts[count] = start;
      ends[count++] = end;
    }

    /** Line {@code number}, counted from 1, without its end; null past the last. */
    String line(int number) {
      return number <= count ? text.substring(starts[number - 1], ends[number - 1]) : null;
    }
  }

  /** Carets under {@code span} in {@code line}, after blanks that keep the line's tabs. */
  private static void caret(String line, SourceSpan span, StringBuilder out) {
    int start = Math.min(span.column() - 1, line.length());
    for (int i = 0; i < start; i++) {
      out.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    int end = span.endLine() == span.line() ? span.endColumn() - 1 : line.length();
    repeat('^', Math.max(1, Math.min(end, line.length()) - start), out);
  }

  /** {@code {"diagnostics": [...]}}, one object per diagnostic with 1-based positions. */
  public String json(List<Diagnostic> diagnostics) {
    List<Object> items = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("file", d.span().file());
      item.put("line", d.span().line());
      item.put("column", d.span().column());
      item.put("endLine", d.span().endLine());
      item.put("endColumn", d.span().endColumn());
      item.put("severity", d.severity().label());
      item.put("code", d.code());
      item.put("message", d.message());
      d.hint().ifPresent(h -> item.put("hint", h));
      items.add(item);
    }
    return write(Map.of("diagnostics", items));
  }

  /** SARIF 2.1.0, for code-scanning tools. */
  public String sarif(List<Diagnostic> diagnostics) {
    Map<String, Object> rules = new TreeMap<>();
    List<Object> results = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      rules.putIfAbsent(d.code(), Map.of("id", d.code()));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("ruleId", d.code());
      result.put("level", switch (d.severity()) {
        case ERROR -> "error";
        case WARNING -> "warning";
        case INFO -> "note";
      });
      result.put("message", Map.of("text", d.message() + d.hint().map(h -> " (hint: " + h + ")").orElse("")));
      Map<String, Object> location = new LinkedHashMap<>();
      location.put("artifactLocation", Map.of("uri", d.span().file()));
      if (d.span().isInSource()) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", d.span().line());
        region.put("startColumn", d.span().column());
        region.put("endLine", d.span().endLine());
        region.put("endColumn", d.span().endColumn());
        location.put("region", region);
      }
      result.put("locations", List.of(Map.of("physicalLocation", location)));
      results.add(result);
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "jnp");
    driver.put("rules", new ArrayList<>(rules.values()));
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("results", results);
    Map<String, Object> sarif = new LinkedHashMap<>();
    sarif.put("version", "2.1.0");
    sarif.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    sarif.put("runs", List.of(run));
    return write(sarif);
  }

  private static String write(Object tree) {
    try {
      return Json.MAPPER.writeValueAsString(tree).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
