package dev.jnp.compiler.check;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.jnp.compiler.ast.WorkloadItem;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Diagnostics;
import dev.jnp.diagnostics.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses the YAML of a {@code native} block, reporting errors at the {@code .jnp} file's line. */
public final class NativeYaml {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private NativeYaml() {}

  /** The block's items, or empty with a diagnostic when it is not a YAML list. */
  public static Optional<List<Object>> items(WorkloadItem.Native block, Diagnostics diagnostics) {
    Object parsed;
    try {
      parsed = block.body().isBlank() ? null : YAML.readValue(block.body(), Object.class);
    } catch (JsonProcessingException e) {
      diagnostics.add(
          Diagnostic.error(Codes.BAD_NATIVE, at(block.bodySpan(), e.getLocation()), "invalid YAML in native block: " + problem(e.getOriginalMessage()))
              .withHint("the block must be a YAML list of " + block.engine().text() + " rules, indented consistently"));
      return Optional.empty();
    }
    if (!(parsed instanceof List<?> list)) {
      diagnostics.add(
          Diagnostic.error(Codes.BAD_NATIVE, block.span(), "a native block must hold a YAML list")
              .withHint("start each rule with '- ', as under ingress: in the engine's own YAML"));
      return Optional.empty();
    }
    for (int i = 0; i < list.size(); i++) {
      // Every engine's ingress and egress rules are objects; '-' alone is a null item.
      if (!(list.get(i) instanceof Map<?, ?>)) {
        diagnostics.add(
            Diagnostic.error(Codes.BAD_NATIVE, block.span(),
                    "item " + (i + 1) + " of this native block is " + (list.get(i) == null ? "empty" : "not a YAML map")
                        + ": each item is one " + block.engine().text() + " rule")
                .withHint("write each rule as '- key: value', as under ingress: in the engine's own YAML"));
        return Optional.empty();
      }
    }
    return Optional.of(List.copyOf(list));
  }

  /** SnakeYAML's message without its position lines, which point into the block, not the file. */
  private static String problem(String message) {
    return message.lines()
        .filter(line -> !line.isBlank() && !line.startsWith(" ") && !line.startsWith("\t"))
        .reduce((a, b) -> a + ": " + b)
        .orElse(message);
  }

  /** The position in the .jnp file of a position inside the block's text. */
  private static SourceSpan at(SourceSpan body, JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return body;
    }
    int line = body.line() + location.getLineNr() - 1;
    int column = location.getLineNr() == 1 ? body.column() + location.getColumnNr() - 1 : location.getColumnNr();
    column = Math.max(1, column);
    return new SourceSpan(body.file(), line, column, line, column + 1);
  }
}
