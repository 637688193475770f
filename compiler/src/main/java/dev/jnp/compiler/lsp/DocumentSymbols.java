package dev.jnp.compiler.lsp;

import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.ast.Word;
import dev.jnp.compiler.ast.WorkloadItem;
import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.grammar.JnpLexer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The outline of a parsed document: workloads (with their ports, rules, egress block and native
 * blocks as children), peers, parameters, the engine and namespace, default denies and expects.
 * Flattened, with container names, for clients that cannot show a tree.
 */
final class DocumentSymbols {
  private final SourceText source;

  private DocumentSymbols(SourceText source) {
    this.source = source;
  }

  @SuppressWarnings("deprecation") // SymbolInformation is the flat form older clients ask for.
  static List<Either<SymbolInformation, DocumentSymbol>> of(PolicyDocument document, boolean hierarchical) {
    if (document.parsed().value().isEmpty()) {
      return List.of();
    }
    List<DocumentSymbol> tree = new DocumentSymbols(document.source()).symbols(document.parsed().value().get());
    List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
    if (hierarchical) {
      tree.forEach(symbol -> out.add(Either.forRight(symbol)));
    } else {
      flatten(document.uri(), tree, null, out);
    }
    return out;
  }

  @SuppressWarnings("deprecation")
  private static void flatten(String uri, List<DocumentSymbol> symbols, String container, List<Either<SymbolInformation, DocumentSymbol>> out) {
    for (DocumentSymbol symbol : symbols) {
      out.add(Either.forLeft(new SymbolInformation(symbol.getName(), symbol.getKind(), new Location(uri, symbol.getRange()), container)));
      if (symbol.getChildren() != null) {
        flatten(uri, symbol.getChildren(), symbol.getName(), out);
      }
    }
  }

  private List<DocumentSymbol> symbols(JnpFile file) {
    List<DocumentSymbol> symbols = new ArrayList<>();
    for (Declaration declaration : file.declarations()) {
      if (declaration instanceof Declaration.Engine engine) {
        symbols.add(symbol("engine " + engine.engine().source(), SymbolKind.Property, engine.span(), engine.engine().span(), null));
      } else if (declaration instanceof Declaration.Namespace namespace) {
        symbols.add(symbol("namespace " + namespace.name().source(), SymbolKind.Namespace, namespace.span(), namespace.name().span(), null));
      } else if (declaration instanceof Declaration.Param param) {
        symbols.add(named(param.name(), SymbolKind.Constant, param.span(), "= " + param.defaultValue().source()));
      } else if (declaration instanceof Declaration.Peer peer) {
        symbols.add(named(peer.name(), SymbolKind.Variable, peer.span(), "peer"));
      } else if (declaration instanceof Declaration.Workload workload) {
        DocumentSymbol symbol = named(workload.name(), SymbolKind.Class, workload.span(),
            workload.namespace().map(ns -> "in " + ns.source()).orElse("workload"));
        symbol.setChildren(items(workload.items()));
        symbols.add(symbol);
      } else if (declaration instanceof Declaration.DefaultDeny deny) {
        symbols.add(symbol(written(deny.span()), SymbolKind.Key, deny.span(), deny.span(), null));
      } else if (declaration instanceof Declaration.Expect expect) {
        symbols.add(symbol(written(expect.span()), SymbolKind.Event, expect.span(), expect.span(), null));
      }
    }
    return symbols;
  }

  private List<DocumentSymbol> items(List<WorkloadItem> items) {
    List<DocumentSymbol> symbols = new ArrayList<>();
    for (WorkloadItem item : items) {
      if (item instanceof WorkloadItem.Port port) {
        symbols.add(named(port.name(), SymbolKind.Field, port.span(), port.spec().source() + (port.probe() ? " probe" : "")));
      } else if (item instanceof WorkloadItem.Select select) {
        symbols.add(symbol(written(select.span()), SymbolKind.Property, select.span(), select.span(), null));
      } else if (RuleRendering.isRule(item)) {
        symbols.add(symbol(written(item.span()), SymbolKind.Method, item.span(), item.span(), null));
      } else if (item instanceof WorkloadItem.Egress egress) {
        DocumentSymbol symbol = symbol(written(egress.span()), SymbolKind.Namespace, egress.span(),
            new SourceSpan(egress.span().file(), egress.span().line(), egress.span().column(), egress.span().line(), egress.span().column() + "egress".length()), null);
        symbol.setChildren(items(egress.items()));
        symbols.add(symbol);
      } else if (item instanceof WorkloadItem.Native nativeBlock) {
        symbols.add(symbol("native " + nativeBlock.engine().source() + " " + nativeBlock.direction().name().toLowerCase(java.util.Locale.ROOT),
            SymbolKind.Object, nativeBlock.span(), nativeBlock.engine().span(), null));
      }
    }
    return symbols;
  }

  /** A statement as one line: its tokens up to any {@code {}, comments and line breaks left out. */
  private String written(SourceSpan span) {
    StringBuilder out = new StringBuilder();
    for (Lexeme token : Lexeme.significant(source.slice(span))) {
      if (token.is(JnpLexer.LBRACE)) {
        break;
      }
      boolean tight = token.is(JnpLexer.COMMA) || token.is(JnpLexer.RPAREN) || out.toString().endsWith("(");
      if (out.length() > 0 && !tight) {
        out.append(' ');
      }
      out.append(token.text());
    }
    return out.length() > 80 ? out.substring(0, 79) + "…" : out.toString();
  }

  private DocumentSymbol named(Word name, SymbolKind kind, SourceSpan whole, String detail) {
    return symbol(name.source(), kind, whole, name.span(), detail);
  }

  private DocumentSymbol symbol(String name, SymbolKind kind, SourceSpan whole, SourceSpan selection, String detail) {
    DocumentSymbol symbol = new DocumentSymbol(name.isEmpty() ? "?" : name, kind, source.range(whole), source.range(selection), detail);
    symbol.setChildren(new ArrayList<>());
    return symbol;
  }
}
