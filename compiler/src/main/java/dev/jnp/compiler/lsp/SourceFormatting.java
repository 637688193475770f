package dev.jnp.compiler.lsp;

import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.fmt.SourcePrinter;
import dev.jnp.compiler.syntax.SourceParser;
import dev.jnp.diagnostics.Result;
import dev.jnp.grammar.JnpLexer;
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

  /**
   * The formatter, in one place. It is SourcePrinter for now, which drops comments, so a document
   * with comments is left alone; once {@code dev.jnp.compiler.fmt.Formatter} (which keeps them)
   * is on this branch, the body becomes {@code return Formatter.format(text);}.
   */
  static Optional<String> format(String text) {
    return printedWithoutComments(text);
  }

  private static Optional<String> printedWithoutComments(String text) {
    if (Lexeme.all(text).stream().anyMatch(l -> l.is(JnpLexer.COMMENT))) {
      return Optional.empty();
    }
    Result<JnpFile> parsed = SourceParser.parse("<fmt>", text);
    if (parsed.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(SourcePrinter.print(parsed.value().orElseThrow()));
  }
}
