package dev.jnp.compiler.lsp;

import static com.google.common.truth.Truth.assertThat;
import static dev.jnp.compiler.lsp.LspSession.TIMEOUT_SECONDS;
import static dev.jnp.compiler.lsp.LspSession.document;
import static dev.jnp.compiler.lsp.LspSession.positionOf;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code jnp lsp} end to end: JSON-RPC over streams, as an editor talks to it. */
class LanguageServerTest {
  private static final String URI = "file:///work/policies/jaas.jnp";

  static final String JAAS = """
      engine kubernetes
      namespace jaas

      param operator = false
      param apiserver = "10.0.0.1/32"

      peer flux = ns flux-system

      workload jaas {
        select app.kubernetes.io/name=jaas
        port http       8080
        port management 8081 probe
        port storage    8082 when operator

        allow http from any
        allow management from nodes
        allow storage from flux, ns stageset-system

        egress {
          allow dns
          allow 443 to apiserver $apiserver when operator
        }
      }
      """;

  private LspSession session;

  @BeforeEach
  void start() throws Exception {
    session = new LspSession();
    InitializeResult initialized = session.initialize();
    assertThat(initialized.getServerInfo().getName()).isEqualTo("jnp");
    assertThat(initialized.getCapabilities().getHoverProvider().getLeft()).isTrue();
  }

  @AfterEach
  void stop() throws Exception {
    assertThat(session.shutDown()).isEqualTo(0);
  }

  @Test
  void publishesTheCheckersDiagnosticWithItsCodeLineAndHint() throws Exception {
    String text = JAAS.replace("allow storage from", "allow storge from");
    session.open(URI, text);

    PublishDiagnosticsParams published = session.nextDiagnostics(URI);
    Diagnostic unknownPort = only(published.getDiagnostics(), "JNP0101");
    assertThat(unknownPort.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
    assertThat(unknownPort.getSource()).isEqualTo("jnp");
    assertThat(unknownPort.getRange().getStart()).isEqualTo(positionOf(text, "storge"));
    assertThat(unknownPort.getRange().getEnd().getCharacter()).isEqualTo(positionOf(text, "storge").getCharacter() + "storge".length());
    assertThat(unknownPort.getMessage()).contains("storge");
    assertThat(unknownPort.getMessage()).contains("hint: did you mean 'storage'?");
  }

  @Test
  void aSyntaxErrorIsReportedOnItsLineAndFixingItClearsIt() throws Exception {
    String broken = JAAS.replace("allow management from nodes", "allow management from");
    session.open(URI, broken);
    Diagnostic syntax = only(session.nextDiagnostics(URI).getDiagnostics(), "JNP0001");
    // The parser notices the missing peer at the next line's 'allow'.
    assertThat(syntax.getRange().getStart().getLine()).isEqualTo(positionOf(broken, "allow storage").getLine());
    assertThat(syntax.getMessage()).contains("expecting");

    session.change(URI, JAAS);
    PublishDiagnosticsParams fixed = session.nextDiagnostics(URI);
    assertThat(fixed.getDiagnostics().stream().filter(d -> d.getSeverity() == DiagnosticSeverity.Error).toList()).isEmpty();
  }

  @Test
  void warningsAndNotesKeepTheirSeverity() throws Exception {
    String text = JAAS.replace("    allow dns\n", "");
    session.open(URI, text);
    Diagnostic noDns = only(session.nextDiagnostics(URI).getDiagnostics(), "JNP0405");
    assertThat(noDns.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
    assertThat(noDns.getRange().getStart()).isEqualTo(positionOf(text, "egress {"));
  }

  @Test
  void completesPortNamesAfterAllowAndPeersAfterFrom() throws Exception {
    String text = JAAS.replace("  allow management from nodes\n", "  allow management from nodes\n  allow \n");
    session.open(URI, text);
    Position afterAllow = positionOf(text, "allow \n");
    afterAllow.setCharacter(afterAllow.getCharacter() + "allow ".length());
    assertThat(labels(complete(afterAllow))).containsAtLeast("http", "management", "storage", "from");
    assertThat(labels(complete(afterAllow))).doesNotContain("workload");

    String peers = JAAS.replace("allow management from nodes", "allow management from ");
    session.change(URI, peers);
    Position afterFrom = positionOf(peers, "from \n");
    afterFrom.setCharacter(afterFrom.getCharacter() + "from ".length());
    assertThat(labels(complete(afterFrom))).containsAtLeast("any", "ns", "pods", "cidr", "nodes", "apiserver", "flux");
  }

  @Test
  void hoverOnARuleShowsWhatTheKubernetesBackendWritesForIt() throws Exception {
    session.open(URI, JAAS);
    Hover hover = hover(positionOf(JAAS, "from any"));
    String markdown = hover.getContents().getRight().getValue();
    assertThat(markdown).contains("NetworkPolicy `jaas/jaas`");
    assertThat(markdown).contains("""
        ```yaml
        ingress:
        - ports:
          - protocol: TCP
            port: 8080
        ```""");
    assertThat(hover.getRange().getStart()).isEqualTo(positionOf(JAAS, "allow http"));
  }

  @Test
  void hoverOnARuleSwitchedOffSaysWhy() throws Exception {
    session.open(URI, JAAS);
    String markdown = hover(positionOf(JAAS, "from flux")).getContents().getRight().getValue();
    assertThat(markdown).contains("renders nothing with the parameters' defaults");
    assertThat(markdown).contains("every port it names is false");
  }

  @Test
  void hoverOnAPortNameShowsItsDeclaration() throws Exception {
    session.open(URI, JAAS);
    Position onName = positionOf(JAAS, "management from");
    String markdown = hover(onName).getContents().getRight().getValue();
    assertThat(markdown).contains("port management 8081 probe");
    assertThat(markdown).contains("port of workload `jaas`");
  }

  @Test
  void definitionLeadsFromAUseToItsDeclaration() throws Exception {
    session.open(URI, JAAS);
    assertThat(definition(positionOf(JAAS, "storage from")).getRange().getStart()).isEqualTo(positionOf(JAAS, "port storage"));
    assertThat(definition(positionOf(JAAS, "flux, ns")).getRange().getStart()).isEqualTo(positionOf(JAAS, "peer flux"));
    assertThat(definition(positionOf(JAAS, "$apiserver")).getRange().getStart()).isEqualTo(positionOf(JAAS, "param apiserver"));
    Position condition = positionOf(JAAS, "operator\n  }");
    assertThat(definition(condition).getRange().getStart()).isEqualTo(positionOf(JAAS, "param operator"));
  }

  @Test
  void documentSymbolsOutlineWorkloadsWithTheirPortsAndRules() throws Exception {
    session.open(URI, JAAS);
    List<Either<SymbolInformation, DocumentSymbol>> symbols = session.server.getTextDocumentService()
        .documentSymbol(new DocumentSymbolParams(document(URI))).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    List<String> top = symbols.stream().map(s -> s.getRight().getName()).toList();
    assertThat(top).containsExactly("engine kubernetes", "namespace jaas", "operator", "apiserver", "flux", "jaas").inOrder();
    DocumentSymbol workload = symbols.get(5).getRight();
    List<String> children = workload.getChildren().stream().map(DocumentSymbol::getName).toList();
    assertThat(children).containsAtLeast("http", "management", "storage", "allow http from any", "egress").inOrder();
    DocumentSymbol egress = workload.getChildren().stream().filter(c -> c.getName().equals("egress")).findFirst().orElseThrow();
    assertThat(egress.getChildren().stream().map(DocumentSymbol::getName).toList())
        .containsExactly("allow dns", "allow 443 to apiserver $apiserver when operator").inOrder();
  }

  @Test
  void formattingIsOneWholeDocumentEditAndNoneWithSyntaxErrors() throws Exception {
    String messy = "namespace   jaas\nworkload web {\n      select app=web\n port http 8080\nallow http   from any\n}\n";
    session.open(URI, messy);
    List<? extends TextEdit> edits = format();
    assertThat(edits).hasSize(1);
    assertThat(edits.get(0).getRange().getStart()).isEqualTo(new Position(0, 0));
    assertThat(edits.get(0).getRange().getEnd()).isEqualTo(new Position(6, 0));
    String formatted = edits.get(0).getNewText();
    assertThat(formatted).startsWith("namespace jaas\n");
    assertThat(formatted).endsWith("workload web {\n  select app=web\n  port http 8080\n  allow http from any\n}\n");

    session.change(URI, formatted);
    assertThat(format()).isEmpty();

    session.change(URI, messy.replace("from any", "from"));
    assertThat(format()).isEmpty();
  }

  @Test
  void requestsAboutUnknownDocumentsOrPlacesAnswerEmpty() throws Exception {
    String unknown = "file:///nowhere.jnp";
    assertThat(session.server.getTextDocumentService().hover(new HoverParams(document(unknown), new Position(0, 0)))
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isNull();
    session.open(URI, JAAS);
    assertThat(hover(new Position(400, 7))).isNull();
    assertThat(session.server.getTextDocumentService().definition(new DefinitionParams(document(URI), new Position(-3, 99)))
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getLeft()).isEmpty();
  }

  private static Diagnostic only(List<Diagnostic> diagnostics, String code) {
    List<Diagnostic> matching = diagnostics.stream().filter(d -> d.getCode().getLeft().equals(code)).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  private List<CompletionItem> complete(Position position) throws Exception {
    return session.server.getTextDocumentService().completion(new CompletionParams(document(URI), position))
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getRight().getItems();
  }

  private static List<String> labels(List<CompletionItem> items) {
    return items.stream().map(CompletionItem::getLabel).toList();
  }

  private Hover hover(Position position) throws Exception {
    return session.server.getTextDocumentService().hover(new HoverParams(document(URI), position)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private Location definition(Position position) throws Exception {
    List<? extends Location> found = session.server.getTextDocumentService().definition(new DefinitionParams(document(URI), position))
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getLeft();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private List<? extends TextEdit> format() throws Exception {
    return session.server.getTextDocumentService()
        .formatting(new DocumentFormattingParams(document(URI), new FormattingOptions(2, true)))
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
