package dev.jnp.compiler.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * How long {@code jnp lsp} takes from {@code didOpen} of a generated 2,000-line file (about 100
 * workloads, one of them with an unknown port) to the {@code publishDiagnostics} for it, measured
 * on the client side of a JSON-RPC connection. Not a test: a figure to print and compare.
 *
 * <p>The first open is measured in a fresh server (cold: classes loading, nothing compiled by the
 * JIT yet), then {@value #WARM_RUNS} more opens of the same text under new URIs (warm). With
 * {@code --jar PATH} the server is {@code java -jar PATH lsp} in its own process, as an editor
 * starts it; without, it runs in this JVM on pipes.
 *
 * <pre>
 * mvn -B -q -pl compiler -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp compiler/target/test-classes:compiler/target/classes:$(cat compiler/target/cp.txt) \
 *     dev.jnp.compiler.lsp.DiagnosticsLatencyBench [--jar compiler/target/jnp.jar]
 * </pre>
 */
public final class DiagnosticsLatencyBench {
  static final int LINES = 2_000;
  static final int WARM_RUNS = 30;

  private DiagnosticsLatencyBench() {}

  public static void main(String[] args) throws Exception {
    String jar = args.length == 2 && args[0].equals("--jar") ? args[1] : null;
    String text = generate(LINES);
    Process process = null;
    InputStream fromServer;
    OutputStream toServer;
    if (jar != null) {
      process = new ProcessBuilder("java", "-jar", jar, "lsp").redirectError(ProcessBuilder.Redirect.INHERIT).start();
      fromServer = process.getInputStream();
      toServer = process.getOutputStream();
    } else {
      Pipe clientToServer = Pipe.open();
      Pipe serverToClient = Pipe.open();
      InputStream serverIn = Channels.newInputStream(clientToServer.source());
      OutputStream serverOut = Channels.newOutputStream(serverToClient.sink());
      toServer = Channels.newOutputStream(clientToServer.sink());
      fromServer = Channels.newInputStream(serverToClient.source());
      Thread server = new Thread(() -> {
        JnpLanguageServer.serve(serverIn, serverOut);
        try {
          serverOut.close();
        } catch (IOException e) {
          // The client is gone too.
        }
      }, "jnp-lsp-under-bench");
      server.setDaemon(true);
      server.start();
    }
    BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    var launcher = LSPLauncher.createClientLauncher(new Client(published), fromServer, toServer);
    launcher.startListening();
    LanguageServer server = launcher.getRemoteProxy();
    try {
      server.initialize(new InitializeParams()).get(60, TimeUnit.SECONDS);
      server.initialized(new InitializedParams());

      double cold = openAndWait(server, published, "file:///bench/cold.jnp", text, true);
      List<Double> warm = new ArrayList<>();
      for (int run = 0; run < WARM_RUNS; run++) {
        warm.add(openAndWait(server, published, "file:///bench/warm-" + run + ".jnp", text, false));
      }
      Collections.sort(warm);
      System.out.printf("jnp lsp (%s), %d-line file, didOpen -> publishDiagnostics:%n",
          jar == null ? "in-process, JSON-RPC over pipes" : "java -jar " + jar + " lsp", text.split("\n", -1).length - 1);
      System.out.printf("  cold (first file):   %8.1f ms%n", cold);
      System.out.printf("  warm (%d files):     median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms%n", WARM_RUNS,
          warm.get(warm.size() / 2), warm.get((int) Math.ceil(warm.size() * 0.9) - 1), warm.get(0), warm.get(warm.size() - 1));
      server.shutdown().get(60, TimeUnit.SECONDS);
      server.exit();
    } finally {
      toServer.close();
      if (process != null) {
        process.waitFor(30, TimeUnit.SECONDS);
        process.destroyForcibly();
      }
    }
    // lsp4j's client threads are not daemons.
    System.exit(0);
  }

  /** Milliseconds from sending didOpen to receiving its diagnostics. */
  private static double openAndWait(LanguageServer server, BlockingQueue<PublishDiagnosticsParams> published, String uri, String text, boolean show)
      throws InterruptedException {
    long start = System.nanoTime();
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "jnp", 1, text)));
    while (true) {
      PublishDiagnosticsParams diagnostics = published.poll(60, TimeUnit.SECONDS);
      if (diagnostics == null) {
        throw new IllegalStateException("no diagnostics for " + uri + " within 60 s");
      }
      if (diagnostics.getUri().equals(uri)) {
        double millis = (System.nanoTime() - start) / 1e6;
        if (show) {
          diagnostics.getDiagnostics().forEach(d -> System.out.printf("  %s line %d: %s%n",
              d.getCode().getLeft(), d.getRange().getStart().getLine() + 1, d.getMessage().replace('\n', ' ')));
        }
        return millis;
      }
    }
  }

  /** A policy file of exactly {@code lines} lines: workloads of 20 lines, the last one with a typo. */
  static String generate(int lines) {
    StringBuilder out = new StringBuilder();
    out.append("engine kubernetes\nnamespace shop\n\n")
        .append("param operator = false\nparam metrics = true\nparam apiserver = \"10.0.0.1/32\"\n\n")
        .append("peer monitoring = ns monitoring\n")
        .append("peer gateway = ns ingress-nginx, pods app=gateway in ns edge\n\n");
    int workloads = (lines - 10) / 20;
    for (int i = 1; i <= workloads; i++) {
      String next = "svc-" + (i % workloads + 1);
      out.append("workload svc-").append(i).append(" {\n")
          .append("  select app=svc-").append(i).append(", tier=backend\n")
          .append("  port http    8080\n")
          .append("  port admin   9090 when operator\n")
          .append("  port metrics 9100 when metrics\n")
          .append("  port grpc    50051\n\n")
          .append(i == workloads ? "  allow htp from gateway\n" : "  allow http from gateway\n")
          .append("  allow admin from pods app=").append(next).append('\n')
          .append("  allow metrics from monitoring\n")
          .append("  allow grpc from pods app=").append(next).append(", pods app=svc-0   # callers\n\n")
          .append("  egress {\n")
          .append("    allow dns\n")
          .append("    allow 5432 to pods app=db-").append(i).append(" in ns data\n")
          .append("    allow 443 to apiserver $apiserver when operator\n")
          .append("  }\n")
          .append("}\n\n");
    }
    int written = (int) out.chars().filter(c -> c == '\n').count();
    for (int line = written; line < lines; line++) {
      out.append("# padding to ").append(lines).append(" lines\n");
    }
    return out.toString();
  }

  private record Client(BlockingQueue<PublishDiagnosticsParams> published) implements LanguageClient {
    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      published.add(diagnostics);
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
