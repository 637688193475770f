package dev.jnp.compiler.lsp;

import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.ast.WorkloadItem;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/**
 * Hovers: on a port, peer, parameter or workload name, its declaration; elsewhere on an {@code
 * allow} rule, what the rule renders to on the file's engine ({@link RuleRendering}). Nothing
 * while the text does not parse.
 */
final class Hovers {
  private Hovers() {}

  static Optional<Hover> at(PolicyDocument document, Position position) {
    Optional<JnpFile> file = document.parsed().value();
    if (file.isEmpty() || document.parsed().hasErrors()) {
      return Optional.empty();
    }
    SourceText source = document.source();
    SourceText.Cursor cursor = source.cursor(position);
    Optional<NameIndex.Reference> reference = NameIndex.of(file.get()).at(cursor);
    if (reference.isPresent()) {
      return Optional.of(hover(declaration(source, reference.get().target()), source, reference.get().span()));
    }
    for (Declaration.Workload workload : file.get().all(Declaration.Workload.class)) {
      Optional<WorkloadItem> rule = ruleAt(workload.items(), cursor);
      if (rule.isPresent()) {
        return Optional.of(hover(RuleRendering.describe(file.get(), workload, rule.get()), source, rule.get().span()));
      }
    }
    return Optional.empty();
  }

  private static Optional<WorkloadItem> ruleAt(List<WorkloadItem> items, SourceText.Cursor cursor) {
    for (WorkloadItem item : items) {
      if (RuleRendering.isRule(item) && cursor.within(item.span())) {
        return Optional.of(item);
      }
      if (item instanceof WorkloadItem.Egress egress && cursor.within(egress.span())) {
        return ruleAt(egress.items(), cursor);
      }
    }
    return Optional.empty();
  }

  /** The declaration as written, with what kind of name it is. */
  static String declaration(SourceText source, NameIndex.Declared declared) {
    String written = declared.kind() == NameIndex.Kind.WORKLOAD
        ? source.line(declared.declaration().line() - 1).strip()
        : source.linesOf(declared.declaration()).strip();
    String what = switch (declared.kind()) {
      case PARAM -> "parameter, declared on line " + declared.declaration().line();
      case PEER -> "peer, declared on line " + declared.declaration().line();
      case WORKLOAD -> "workload, declared on line " + declared.declaration().line();
      case PORT -> "port of workload `" + declared.workload().orElse("") + "`, declared on line " + declared.declaration().line();
    };
    return "```jnp\n" + written + "\n```\n\n" + what;
  }

  private static Hover hover(String markdown, SourceText source, dev.jnp.diagnostics.SourceSpan span) {
    return new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown), source.range(span));
  }
}
