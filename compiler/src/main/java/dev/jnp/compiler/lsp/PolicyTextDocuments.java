package dev.jnp.compiler.lsp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The open {@code .jnp} documents (full-text sync) and what the server answers about them.
 * Diagnostics are computed on one worker thread in the order edits arrive; an edit that a newer
 * one has overtaken is skipped, so a burst of typing costs one check. Requests are answered on
 * another thread from the newest text. No exception reaches the client: a failure is logged and
 * the request gets an empty answer.
 */
final class PolicyTextDocuments implements TextDocumentService {
  private final Map<String, PolicyDocument> documents = new ConcurrentHashMap<>();
  private final ExecutorService checks;
  private final ExecutorService requests;
  private volatile LanguageClient client;
  private volatile boolean hierarchicalSymbols = true;

  PolicyTextDocuments(ExecutorService checks, ExecutorService requests) {
    this.checks = checks;
    this.requests = requests;
  }

  void connect(LanguageClient client) {
    this.client = client;
  }

  void hierarchicalSymbols(boolean supported) {
    this.hierarchicalSymbols = supported;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    guard("opening a document", () -> {
      var item = params.getTextDocument();
      update(new PolicyDocument(item.getUri(), item.getVersion(), item.getText()));
    });
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    guard("applying an edit", () -> {
      List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
      if (changes.isEmpty()) {
        return;
      }
      // Full sync: the last change holds the whole text.
      String text = changes.get(changes.size() - 1).getText();
      var id = params.getTextDocument();
      update(new PolicyDocument(id.getUri(), id.getVersion() == null ? 0 : id.getVersion(), text));
    });
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    guard("closing a document", () -> {
      String uri = params.getTextDocument().getUri();
      documents.remove(uri);
      checks.execute(() -> publish(uri, null, List.of()));
    });
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // Full sync keeps the text current; saving changes nothing the server knows.
  }

  private void update(PolicyDocument document) {
    documents.put(document.uri(), document);
    checks.execute(() -> check(document));
  }

  private void check(PolicyDocument document) {
    if (documents.get(document.uri()) != document) {
      return;
    }
    List<Diagnostic> diagnostics;
    try {
      diagnostics = ProblemReport.of(document);
    } catch (RuntimeException | StackOverflowError e) {
      ServerLog.failure("checking " + document.path(), e);
      diagnostics = List.of(new Diagnostic(new Range(new Position(0, 0), new Position(0, 0)),
          "jnp could not check this file: an internal error, logged by the language server (a bug in jnp)",
          DiagnosticSeverity.Error, ProblemReport.SOURCE));
    }
    if (documents.get(document.uri()) == document) {
      publish(document.uri(), document.version(), diagnostics);
    }
  }

  private void publish(String uri, Integer version, List<Diagnostic> diagnostics) {
    LanguageClient connected = client;
    if (connected != null) {
      guard("publishing diagnostics", () -> connected.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics, version)));
    }
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    return answer("completing", Either.forLeft(List.of()), () -> document(params.getTextDocument().getUri())
        .map(d -> Either.<List<CompletionItem>, CompletionList>forRight(new CompletionList(false, Completions.at(d.source(), params.getPosition()))))
        .orElse(Either.forLeft(List.of())));
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return answer("hovering", null, () -> document(params.getTextDocument().getUri())
        .flatMap(d -> Hovers.at(d, params.getPosition()))
        .orElse(null));
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
    return answer("finding a definition", Either.forLeft(List.of()), () -> Either.<List<? extends Location>, List<? extends LocationLink>>forLeft(
        document(params.getTextDocument().getUri()).flatMap(d -> Definitions.at(d, params.getPosition())).map(List::of).orElse(List.of())));
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
    return answer("listing symbols", List.of(), () -> document(params.getTextDocument().getUri())
        .map(d -> DocumentSymbols.of(d, hierarchicalSymbols))
        .orElse(List.of()));
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    return answer("formatting", List.of(), () -> document(params.getTextDocument().getUri())
        .map(SourceFormatting::edits)
        .orElse(List.of()));
  }

  private Optional<PolicyDocument> document(String uri) {
    return Optional.ofNullable(documents.get(uri));
  }

  /** Answers on the request thread; a failure is logged and answered with {@code fallback}. */
  private <T> CompletableFuture<T> answer(String what, T fallback, Supplier<T> answer) {
    try {
      return CompletableFuture.supplyAsync(() -> {
        try {
          return answer.get();
        } catch (RuntimeException | StackOverflowError e) {
          ServerLog.failure(what, e);
          return fallback;
        }
      }, requests);
    } catch (RejectedExecutionException shuttingDown) {
      return CompletableFuture.completedFuture(fallback);
    }
  }

  private static void guard(String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException | StackOverflowError e) {
      ServerLog.failure(what, e);
    }
  }
}
