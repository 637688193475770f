package dev.jnp.compiler.lsp;

import dev.jnp.compiler.fmt.Formatter;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.TextEdit;

/**
 * {@code textDocument/formatting}: the whole document in canonical layout, as one edit; no edit
 * when it has syntax errors or is already formatted.
 */
final class SourceFormatting {
  private SourceFormatting() {}

  static List<TextEdit> edits(PolicyDocument document) {
    Optional<String> formatted = format(document.text());
    if (formatted.isEmpty() || formatted.get().equals(document.text())) {
      return List.of();
    }
    return List.of(new TextEdit(document.source().whole(), formatted.get()));
  }

  /** The same formatter as {@code jnp fmt}: comments kept, nothing when there are syntax errors. */
  static Optional<String> format(String text) {
    return Formatter.format(text);
  }
}
