package dev.jnp.compiler.lsp;

import dev.jnp.compiler.Compilation;
import dev.jnp.compiler.Compiler;
import dev.jnp.compiler.Options;
import dev.jnp.compiler.SourceInput;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Severity;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * The diagnostics of one document as LSP diagnostics: what {@code jnp check FILE} reports for it
 * (syntax, checker, lowering and the capability checks of the file's own engine), with the same
 * codes, messages, hints and severities. A diagnostic with no place in the source (a setting, a
 * default) is shown on the first line.
 */
final class ProblemReport {
  static final String SOURCE = "jnp";

  private ProblemReport() {}

  static List<org.eclipse.lsp4j.Diagnostic> of(PolicyDocument document) {
    Compilation compilation =
        Compiler.compile(List.of(new SourceInput(document.path(), document.text())), Options.defaults());
    List<org.eclipse.lsp4j.Diagnostic> found = new ArrayList<>();
    for (Diagnostic diagnostic : compilation.diagnostics()) {
      if (!diagnostic.span().isInSource() || diagnostic.span().file().equals(document.path())) {
        found.add(convert(diagnostic, document.source()));
      }
    }
    return found;
  }

  static org.eclipse.lsp4j.Diagnostic convert(Diagnostic diagnostic, SourceText source) {
    String message = diagnostic.message() + diagnostic.hint().map(h -> "\nhint: " + h).orElse("");
    org.eclipse.lsp4j.Diagnostic converted =
        new org.eclipse.lsp4j.Diagnostic(source.range(diagnostic.span()), message, severity(diagnostic.severity()), SOURCE, diagnostic.code());
    return converted;
  }

  private static DiagnosticSeverity severity(Severity severity) {
    return switch (severity) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
    };
  }
}
