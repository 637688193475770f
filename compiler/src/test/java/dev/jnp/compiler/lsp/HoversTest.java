package dev.jnp.compiler.lsp;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnp.compiler.Compilation;
import dev.jnp.compiler.Manifest;
import dev.jnp.compiler.TestSources;
import dev.jnp.engine.Backends;
import dev.jnp.yaml.YamlReader;
import dev.jnp.yaml.YamlWriter;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;

/** Hover: a rule as its engine renders it, and a name's declaration. */
class HoversTest {
  private static final String OPERATOR = LanguageServerTest.JAAS.replace("param operator = false", "param operator = true");

  /** The list under {@code key} in the spec of the object {@code manifest} holds, read back. */
  @SuppressWarnings("unchecked")
  private static List<Object> spec(Manifest manifest, String key) {
    Map<String, Object> tree = new ObjectMapper().convertValue(YamlReader.readAll(manifest.yaml()).get(0), Map.class);
    return (List<Object>) ((Map<String, Object>) tree.get("spec")).get(key);
  }

  private static String hover(String text, String marker) {
    return hover(text, LspSession.positionOf(text, marker));
  }

  private static String hover(String text, Position position) {
    Hover hover = Hovers.at(new PolicyDocument("file:///h.jnp", 1, text), position).orElseThrow();
    return hover.getContents().getRight().getValue();
  }

  @Test
  void anEgressRuleIsShownAsTheEgressEntriesItRendersTo() {
    assertThat(hover(OPERATOR, "443 to apiserver")).contains("""
        ```yaml
        egress:
        - to:
          - ipBlock:
              cidr: 10.0.0.1/32
          ports:
          - protocol: TCP
            port: 443
        ```""");
  }

  @Test
  void allowDnsIsShownAsTheClusterDnsRule() {
    assertThat(hover(OPERATOR, "allow dns")).contains("""
        egress:
        - to:
          - namespaceSelector:
              matchLabels:
                kubernetes.io/metadata.name: kube-system
            podSelector:
              matchLabels:
                k8s-app: kube-dns
          ports:
          - protocol: UDP
            port: 53
          - protocol: TCP
            port: 53
        """);
  }

  @Test
  void eachRulesCutIsExactlyItsShareOfTheWholeObject() {
    Compilation compilation = TestSources.compile(OPERATOR);
    List<Object> ingress = spec(compilation.manifests().get("kubernetes").get(0), "ingress");
    List<String> rules = List.of("allow http from any", "allow management from nodes", "allow storage from flux");
    assertThat(ingress).hasSize(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      String expected = YamlWriter.write(Map.of("ingress", List.of(ingress.get(i))));
      assertThat(hover(OPERATOR, rules.get(i))).contains("```yaml\n" + expected + "```");
    }
  }

  @Test
  void onEveryEngineEachRulesShareIsInTheWholeObject() {
    List<String> engines = Backends.available();
    assertThat(engines).contains("kubernetes");
    for (String engine : engines) {
      String text = OPERATOR.replace("engine kubernetes", "engine " + engine)
          .replace("allow 443 to apiserver $apiserver when operator", "allow 443 to cidr 10.0.0.0/8");
      Compilation compilation = TestSources.compile(text);
      if (compilation.hasErrors()) {
        continue; // this engine cannot express the sample; its hover says why, tested above
      }
      Manifest jaas = compilation.manifests().get(engine).get(0);
      for (String rule : List.of("allow http from any", "allow storage from flux", "allow 443 to cidr")) {
        String key = rule.contains(" to ") ? "egress" : "ingress";
        List<Object> whole = spec(jaas, key);
        String markdown = hover(text, rule);
        int start = markdown.indexOf("```yaml\n" + key + ":\n");
        assertWithMessage("%s: %s", engine, markdown).that(start).isAtLeast(0);
        String items = markdown.substring(start + ("```yaml\n" + key + ":\n").length(), markdown.indexOf("```", start + 7));
        assertWithMessage("%s: the share of '%s'", engine, rule).that(YamlWriter.write(Map.of(key, whole))).contains(items);
      }
    }
  }

  @Test
  void aRulesShareLeavesOutWhatTheObjectHoldsWithoutIt() {
    // As clusterNetworkPolicy closes each allowlist's rules with a Deny of its own.
    Map<String, Object> accept = Map.of("action", "Accept", "from", List.of(Map.of("namespaces", Map.of())));
    Map<String, Object> deny = Map.of("action", "Deny", "from", List.of(Map.of("namespaces", Map.of())));
    assertThat(RuleRendering.share(List.of(accept, deny), List.of(deny))).containsExactly(accept);
    assertThat(RuleRendering.share(List.of(accept, deny), List.of())).containsExactly(accept, deny).inOrder();
    assertThat(RuleRendering.share(List.of(deny, accept, deny), List.of(deny))).containsExactly(accept, deny).inOrder();
    assertThat(RuleRendering.share(List.of(deny), List.of(deny))).isEmpty();
  }

  @Test
  void aRuleSwitchedOffByItsOwnConditionSaysSo() {
    assertThat(hover(LanguageServerTest.JAAS, "443 to apiserver")).contains("renders nothing with the parameters' defaults: its `when` is false");
  }

  @Test
  void aRuleTheEngineCannotExpressSaysWhy() {
    String text = OPERATOR.replace("allow 443 to apiserver $apiserver when operator", "allow 443 to fqdn api.example.com");
    assertThat(hover(text, "443 to fqdn")).contains("The kubernetes engine cannot express this rule");
  }

  @Test
  void namesShowTheirDeclaration() {
    assertThat(hover(LanguageServerTest.JAAS, "$apiserver")).contains("param apiserver = \"10.0.0.1/32\"");
    assertThat(hover(LanguageServerTest.JAAS, "flux, ns")).contains("peer flux = ns flux-system");
    assertThat(hover(LanguageServerTest.JAAS, "operator\n  }")).contains("param operator = false");
  }

  @Test
  void expectEndpointsLeadToTheWorkloadAndItsPort() {
    String text = LanguageServerTest.JAAS + "expect allow ns flux-system -> jaas:storage when operator\n";
    Position workload = LspSession.positionOf(text, "jaas:storage");
    assertThat(hover(text, workload)).contains("workload jaas {");
    Position port = new Position(workload.getLine(), workload.getCharacter() + "jaas:".length());
    assertThat(hover(text, port)).contains("port storage    8082 when operator");
  }

  @Test
  void nothingWhileTheTextDoesNotParse() {
    String broken = LanguageServerTest.JAAS.replace("from any", "from");
    PolicyDocument document = new PolicyDocument("file:///h.jnp", 1, broken);
    assertThat(Hovers.at(document, LspSession.positionOf(broken, "management from"))).isEmpty();
  }
}
