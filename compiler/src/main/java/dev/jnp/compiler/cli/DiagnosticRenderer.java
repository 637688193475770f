package dev.jnp.compiler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Severity;
import dev.jnp.diagnostics.SourceSpan;
import java.util.ArrayList;
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
  /** Each file split into lines once: a file with thousands of diagnostics stays linear. */
  private final Map<String, List<String>> lines = new java.util.HashMap<>();

  /** {@code sources}: path → text of every file the diagnostics may point into. */
  public DiagnosticRenderer(Map<String, String> sources) {
    this.sources = sources;
  }

  /** {@code FILE:LINE:COL: severity[CODE]: message}, the source line, a caret, the hint. */
  public String text(Diagnostic diagnostic) {
    SourceSpan span = diagnostic.span();
    StringBuilder out = new StringBuilder();
    out.append(span).append(": ").append(diagnostic.severity().label())
        .append('[').append(diagnostic.code()).append("]: ").append(diagnostic.message()).append('\n');
    String line = span.isInSource() ? line(span.file(), span.line()) : null;
    if (line != null) {
      String number = Integer.toString(span.line());
      String gutter = " ".repeat(number.length());
      out.append(' ').append(number).append(" | ").append(line).append('\n');
      out.append(' ').append(gutter).append(" | ").append(caret(line, span)).append('\n');
    }
    diagnostic.hint().ifPresent(hint -> out.append("  = hint: ").append(hint).append('\n'));
    return out.toString();
  }

  /** All diagnostics as text, then a count line when there are any. */
  public String text(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    diagnostics.forEach(d -> out.append(text(d)));
    if (!diagnostics.isEmpty()) {
      out.append(summary(diagnostics)).append('\n');
    }
    return out.toString();
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
    List<String> split = lines.computeIfAbsent(file, f -> lines(text));
    return number <= split.size() ? split.get(number - 1) : null;
  }

  /** The lines of {@code text}, each ended by {@code \r\n}, {@code \r} or {@code \n}. */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(text.substring(start));
    return lines;
  }

  private static String caret(String line, SourceSpan span) {
    StringBuilder out = new StringBuilder();
    int start = Math.min(span.column() - 1, line.length());
    for (int i = 0; i < start; i++) {
      out.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    int end = span.endLine() == span.line() ? span.endColumn() - 1 : line.length();
    int width = Math.max(1, Math.min(end, line.length()) - start);
    return out.append("^".repeat(width)).toString();
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
