package dev.jnp.compiler.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code jnp lsp}: a language server for {@code .jnp} files over the Language Server Protocol —
 * diagnostics as {@code jnp check} reports them, completion, hover (a rule shown as its engine
 * renders it), go to definition, document symbols and formatting. Full-document sync.
 */
public final class JnpLanguageServer implements LanguageServer, LanguageClientAware {
  private final ExecutorService checks = Executors.newSingleThreadExecutor(daemon("jnp-lsp-check"));
  private final ExecutorService requests = Executors.newSingleThreadExecutor(daemon("jnp-lsp-request"));
  private final PolicyTextDocuments documents = new PolicyTextDocuments(checks, requests);
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private final WorkspaceService workspace = new WorkspaceService() {
    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
      // jnp lsp has no settings: a file says its own engine.
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
      // Each .jnp file stands alone; other files do not change its diagnostics.
    }
  };
  private volatile boolean shutdown;

  /**
   * Serves one client on {@code in} and {@code out} until it sends {@code exit} or closes the
   * stream; returns the exit status the protocol asks for: 0 after {@code shutdown}, 1 without.
   */
  public static int serve(InputStream in, OutputStream out) {
    JnpLanguageServer server = new JnpLanguageServer();
    ExecutorService messages = Executors.newCachedThreadPool(daemon("jnp-lsp-messages"));
    Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>()
        .setLocalService(server)
        .setRemoteInterface(LanguageClient.class)
        .setInput(in)
        .setOutput(out)
        .setExecutorService(messages)
        .create();
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    CompletableFuture.runAsync(() -> awaitEnd(listening), messages).thenRun(server::streamClosed);
    try {
      return server.exit.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (ExecutionException e) {
      ServerLog.failure("serving", e.getCause());
      return 1;
    } finally {
      listening.cancel(true);
      server.stopWorkers();
      messages.shutdownNow();
    }
  }

  private static void awaitEnd(Future<Void> listening) {
    try {
      listening.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
      // The stream ended: the client is gone.
    }
  }

  private void streamClosed() {
    exit.complete(shutdown ? 0 : 1);
  }

  @Override
  public void connect(LanguageClient client) {
    documents.connect(client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    boolean hierarchical = Optional.ofNullable(params.getCapabilities())
        .map(c -> c.getTextDocument())
        .map(t -> t.getDocumentSymbol())
        .map(s -> Boolean.TRUE.equals(s.getHierarchicalDocumentSymbolSupport()))
        .orElse(false);
    documents.hierarchicalSymbols(hierarchical);
    ServerCapabilities capabilities = new ServerCapabilities();
    capabilities.setTextDocumentSync(TextDocumentSyncKind.Full);
    capabilities.setCompletionProvider(new CompletionOptions(false, List.of(" ", "$", ",")));
    capabilities.setHoverProvider(true);
    capabilities.setDefinitionProvider(true);
    capabilities.setDocumentSymbolProvider(true);
    capabilities.setDocumentFormattingProvider(true);
    String version = JnpLanguageServer.class.getPackage().getImplementationVersion();
    return CompletableFuture.completedFuture(
        new InitializeResult(capabilities, new ServerInfo("jnp", version == null ? "0.1.0-SNAPSHOT" : version)));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    exit.complete(shutdown ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  private void stopWorkers() {
    checks.shutdownNow();
    requests.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
