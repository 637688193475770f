package dev.jnp.compiler.lsp;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/** Definition while the text does not parse, flat symbols, formatting and diagnostics, without the wire. */
class EditorFeaturesTest {
  private static final String JAAS = LanguageServerTest.JAAS;

  private static PolicyDocument document(String text) {
    return new PolicyDocument("file:///work/f.jnp", 1, text);
  }

  @Test
  void definitionStillWorksInTheMiddleOfAnEdit() {
    // The half-typed rule keeps the file from parsing.
    String typing = JAAS.replace("  allow http from any\n", "  allow http from any\n  allow storage from flux when \n");
    PolicyDocument document = document(typing);
    assertThat(document.parsed().value()).isEmpty();
    Location port = Definitions.at(document, LspSession.positionOf(typing, "storage from flux when")).orElseThrow();
    assertThat(port.getRange().getStart().getLine()).isEqualTo(LspSession.positionOf(typing, "port storage").getLine());
    Location param = Definitions.at(document, LspSession.positionOf(typing, "$apiserver")).orElseThrow();
    assertThat(param.getRange().getStart().getLine()).isEqualTo(LspSession.positionOf(typing, "param apiserver").getLine());
    Location peer = Definitions.at(document, LspSession.positionOf(typing, "flux when")).orElseThrow();
    assertThat(peer.getRange().getStart().getLine()).isEqualTo(LspSession.positionOf(typing, "peer flux").getLine());
  }

  @Test
  void aWordThatNamesNothingHasNoDefinition() {
    assertThat(Definitions.at(document(JAAS), LspSession.positionOf(JAAS, "stageset-system"))).isEmpty();
    assertThat(Definitions.at(document(JAAS), LspSession.positionOf(JAAS, "from any"))).isEmpty();
  }

  @Test
  void flatSymbolsNameTheirContainer() {
    List<Either<SymbolInformation, DocumentSymbol>> symbols = DocumentSymbols.of(document(JAAS), false);
    @SuppressWarnings("deprecation")
    List<String> flat = symbols.stream().map(Either::getLeft).map(s -> s.getContainerName() + "/" + s.getName()).toList();
    assertThat(flat).containsAtLeast("null/jaas", "jaas/http", "jaas/allow http from any", "jaas/egress", "egress/allow dns").inOrder();
  }

  @Test
  void symbolsOfDefaultDenyAndExpectAreTheirStatements() {
    String text = JAAS + "\ndefault deny ingress order 1000   # the namespace is ours\n"
        + "expect allow ns flux-system -> jaas:storage when operator\n";
    List<String> names = DocumentSymbols.of(document(text), true).stream().map(s -> s.getRight().getName()).toList();
    assertThat(names).containsAtLeast("default deny ingress order 1000", "expect allow ns flux-system -> jaas:storage when operator");
  }

  @Test
  void formattingNeverLosesAComment() {
    // SourcePrinter drops comments, so the adapter leaves such a file alone; the Formatter keeps them.
    String commented = "namespace   jaas   # ours\n";
    for (TextEdit edit : SourceFormatting.edits(document(commented))) {
      assertThat(edit.getNewText()).contains("# ours");
    }
    List<TextEdit> edits = SourceFormatting.edits(document("namespace   jaas\n"));
    assertThat(edits).hasSize(1);
    assertThat(edits.get(0).getNewText()).isEqualTo("namespace jaas\n");
    assertThat(SourceFormatting.edits(document("namespace jaas\n"))).isEmpty();
  }

  @Test
  void diagnosticsAreTheChecksOwnForThisFile() {
    String text = JAAS.replace("namespace jaas\n", "namespace Jaas\n");
    List<org.eclipse.lsp4j.Diagnostic> found = ProblemReport.of(document(text));
    assertThat(found.stream().map(d -> d.getCode().getLeft()).toList()).contains("JNP0205");
    org.eclipse.lsp4j.Diagnostic badNamespace = found.stream().filter(d -> d.getCode().getLeft().equals("JNP0205")).findFirst().orElseThrow();
    assertThat(badNamespace.getRange().getStart()).isEqualTo(new Position(1, 10));
    assertThat(badNamespace.getMessage()).contains("\nhint: ");
  }
}
