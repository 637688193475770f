package dev.jnp.compiler.lsp;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

/** Completion in context, on half-typed text; {@code |} marks the cursor. */
class CompletionsTest {
  private static final String HEAD = """
      engine kubernetes
      namespace jaas
      param operator = false
      param metrics = true
      param apiserver = "10.0.0.1/32"
      param storagePort = 8082
      peer flux = ns flux-system
      peer monitoring = ns where team=observability
      workload jaas in shop {
        select app=jaas
        port http 8080
        port storage 8082 when operator
      """;

  private static List<String> at(String textWithCursor) {
    int cursor = textWithCursor.indexOf('|');
    String text = textWithCursor.substring(0, cursor) + textWithCursor.substring(cursor + 1);
    return Completions.at(new SourceText(text), LspSession.positionOf(textWithCursor, "|")).stream()
        .map(CompletionItem::getLabel)
        .toList();
  }

  @Test
  void statementKeywordsDependOnTheBlock() {
    assertThat(at("|")).containsExactly("engine", "namespace", "param", "peer", "workload", "default", "expect");
    assertThat(at(HEAD + "  |\n}\n")).containsExactly("select", "port", "allow", "egress", "native");
    assertThat(at(HEAD + "  egress {\n    |\n  }\n}\n")).containsExactly("allow", "native");
    assertThat(at(HEAD + "}\n|")).contains("workload");
  }

  @Test
  void aPrefixNarrowsAndIsReplaced() {
    assertThat(at(HEAD + "  al|\n}\n")).containsExactly("allow");
    String text = HEAD + "  allow http from flux when op\n}\n";
    Position cursor = LspSession.positionOf(text, "op\n");
    cursor.setCharacter(cursor.getCharacter() + 2);
    List<CompletionItem> items = Completions.at(new SourceText(text), cursor);
    assertThat(items.stream().map(CompletionItem::getLabel).toList()).containsExactly("operator");
    TextEdit edit = items.get(0).getTextEdit().getLeft();
    assertThat(edit.getNewText()).isEqualTo("operator");
    assertThat(edit.getRange().getStart().getCharacter()).isEqualTo(cursor.getCharacter() - 2);
  }

  @Test
  void afterAllowComeTheWorkloadsPortsThenFrom() {
    assertThat(at(HEAD + "  allow |\n}\n")).containsAtLeast("http", "storage", "$storagePort", "from");
    assertThat(at(HEAD + "  allow |\n}\n")).doesNotContain("to");
    assertThat(at(HEAD + "  allow http, |\n}\n")).containsAtLeast("http", "storage");
    assertThat(at(HEAD + "  allow http, |\n}\n")).doesNotContain("from");
    assertThat(at(HEAD + "  allow http |\n}\n")).containsExactly("from");
  }

  @Test
  void insideEgressAllowOffersDnsAndTo() {
    assertThat(at(HEAD + "  egress {\n    allow |\n  }\n}\n")).containsAtLeast("dns", "http", "to");
    assertThat(at(HEAD + "  egress {\n    allow dns |\n  }\n}\n")).containsExactly("to", "when");
  }

  @Test
  void peersWhereAPeerMayStand() {
    List<String> peers = at(HEAD + "  allow http from |\n}\n");
    assertThat(peers).containsAtLeast("any", "ns", "pods", "cidr", "fqdn", "nodes", "apiserver", "flux", "monitoring");
    assertThat(at(HEAD + "  allow http from any, |\n}\n")).contains("flux");
    assertThat(at("peer web = |")).contains("pods");
    assertThat(at(HEAD + "  allow http from pods app=web |\n}\n")).containsExactly("in", "when");
    assertThat(at(HEAD + "  allow http from pods app=web in |\n}\n")).containsExactly("ns", "any");
    assertThat(at(HEAD + "  allow http from cidr 10.0.0.0/8 |\n}\n")).containsExactly("except", "when");
  }

  @Test
  void namespacesTheFileNamesAfterNs() {
    List<String> namespaces = at(HEAD + "  allow http from ns |\n}\n");
    assertThat(namespaces).containsAtLeast("flux-system", "jaas", "shop", "where", "$apiserver");
    assertThat(namespaces).doesNotContain("observability");
  }

  @Test
  void parametersAsWordsAndInConditions() {
    assertThat(at(HEAD + "  egress {\n    allow 443 to apiserver |\n  }\n}\n")).containsAtLeast("$apiserver", "when");
    assertThat(at(HEAD + "  egress {\n    allow 443 to apiserver $|\n  }\n}\n")).containsExactly("$apiserver");
    assertThat(at(HEAD + "  allow http from any when |\n}\n")).containsExactly("not", "operator", "metrics");
    assertThat(at(HEAD + "  allow http from any when operator |\n}\n")).containsExactly("and", "or");
    assertThat(at(HEAD + "  allow http from any when (operator or |\n}\n")).contains("metrics");
  }

  @Test
  void declarationsAndExpectations() {
    assertThat(at("engine |")).containsExactly("kubernetes", "cilium", "calico", "clusterNetworkPolicy");
    assertThat(at("default |")).containsExactly("deny");
    assertThat(at("default deny |")).containsExactly("ingress", "egress", "order", "when");
    assertThat(at("default deny egress |")).containsExactly("order", "when");
    assertThat(at(HEAD + "}\nexpect |")).containsExactly("allow", "deny");
    assertThat(at(HEAD + "}\nexpect allow ns flux-system -> |")).containsAtLeast("jaas", "jaas:http", "jaas:storage", "apiserver", "world");
    assertThat(at(HEAD + "  native |\n}\n")).contains("cilium");
    assertThat(at("param x = |")).containsExactly("true", "false");
  }

  @Test
  void aListContinuedOnTheNextLineIsStillTheSameStatement() {
    assertThat(at(HEAD + "  allow http from flux,\n      |\n}\n")).containsAtLeast("any", "flux");
    assertThat(at(HEAD + "  allow http from flux\n  |\n}\n")).containsExactly("select", "port", "allow", "egress", "native");
  }

  @Test
  void nothingInCommentsOrStrings() {
    assertThat(at(HEAD + "  allow http from any  # from |\n}\n")).isEmpty();
    assertThat(at(HEAD + "  select app=\"we|b\"\n}\n")).isEmpty();
  }
}
