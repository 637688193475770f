package dev.jnp.compiler.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A client talking JSON-RPC to {@code jnp lsp} over pipes: the server runs {@link
 * JnpLanguageServer#serve} on its own thread, exactly as the {@code lsp} command runs it on
 * standard input and output, and this side speaks through lsp4j's client launcher.
 */
final class LspSession implements AutoCloseable {
  static final long TIMEOUT_SECONDS = 30;

  final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
  final LanguageServer server;
  private final CompletableFuture<Integer> exitStatus;
  private final OutputStream toServer;
  private int version = 1;

  LspSession() {
    try {
      // NIO pipes, not java.io's piped streams, which fail when a thread that wrote to them ends.
      Pipe clientToServer = Pipe.open();
      Pipe serverToClient = Pipe.open();
      InputStream serverIn = Channels.newInputStream(clientToServer.source());
      toServer = Channels.newOutputStream(clientToServer.sink());
      InputStream clientIn = Channels.newInputStream(serverToClient.source());
      OutputStream fromServer = Channels.newOutputStream(serverToClient.sink());
      exitStatus = CompletableFuture.supplyAsync(() -> {
        try {
          return JnpLanguageServer.serve(serverIn, fromServer);
        } finally {
          try {
            fromServer.close();
          } catch (IOException ignored) {
            // The client side is closing too.
          }
        }
      });
      var launcher = LSPLauncher.createClientLauncher(new RecordingClient(), clientIn, toServer);
      launcher.startListening();
      server = launcher.getRemoteProxy();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  InitializeResult initialize() throws Exception {
    InitializeParams params = new InitializeParams();
    ClientCapabilities capabilities = new ClientCapabilities();
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
    symbols.setHierarchicalDocumentSymbolSupport(true);
    text.setDocumentSymbol(symbols);
    capabilities.setTextDocument(text);
    params.setCapabilities(capabilities);
    InitializeResult result = server.initialize(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
    return result;
  }

  void open(String uri, String text) {
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "jnp", version++, text)));
  }

  void change(String uri, String text) {
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, version++), List.of(new TextDocumentContentChangeEvent(text))));
  }

  /** The next diagnostics published for {@code uri}, skipping other documents'. */
  PublishDiagnosticsParams nextDiagnostics(String uri) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (true) {
      PublishDiagnosticsParams published = diagnostics.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (published == null) {
        throw new AssertionError("no diagnostics for " + uri + " within " + TIMEOUT_SECONDS + "s");
      }
      if (published.getUri().equals(uri)) {
        return published;
      }
    }
  }

  static TextDocumentIdentifier document(String uri) {
    return new TextDocumentIdentifier(uri);
  }

  /** The position of the first {@code marker} in {@code text} (0-based line and character). */
  static Position positionOf(String text, String marker) {
    int offset = text.indexOf(marker);
    if (offset < 0) {
      throw new IllegalArgumentException("no '" + marker + "' in the text");
    }
    int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    int character = offset - (text.lastIndexOf('\n', offset - 1) + 1);
    return new Position(line, character);
  }

  /** Sends shutdown and exit; returns the server's exit status. */
  int shutDown() throws Exception {
    server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    server.exit();
    return exitStatus.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Closes the client's end of the stream, as a client that dies does. */
  int hangUp() throws Exception {
    toServer.close();
    return exitStatus.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws IOException {
    toServer.close();
  }

  private final class RecordingClient implements LanguageClient {
    @Override
    public void publishDiagnostics(PublishDiagnosticsParams published) {
      diagnostics.add(published);
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams message) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
  }
}
