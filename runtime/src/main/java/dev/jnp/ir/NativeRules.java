package dev.jnp.ir;

import dev.jnp.diagnostics.SourceSpan;
import java.util.List;

/**
 * Rules written verbatim in one engine's own dialect, appended after the generated rules of
 * {@code direction} when the target engine is {@code engine}. Each item is a YAML tree of maps,
 * lists, strings, numbers and booleans.
 */
public record NativeRules(String engine, Direction direction, List<Object> items, SourceSpan span) {
  public NativeRules {
    items = List.copyOf(items);
  }
}
