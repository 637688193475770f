package dev.jnp.flows;

import static com.google.common.truth.Truth.assertThat;
import static dev.jnp.flows.Fixtures.evaluator;
import static dev.jnp.flows.Fixtures.outside;
import static dev.jnp.flows.Fixtures.pod;
import static dev.jnp.flows.Fixtures.tcp;
import static dev.jnp.flows.Fixtures.udp;

import dev.jnp.flows.Endpoint.Workload;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalicoEvaluatorTest {
  private final Workload web =
      Fixtures.podAt("shop", "web", Map.of("app", "web"), "10.244.1.5", Fixtures.tcp("http", 8080));
  private final Workload db = Fixtures.podAt("shop", "db", Map.of("app", "db"), "10.244.1.6");
  private final Workload prom = pod("ops", "prom", Map.of("app", "prom"));
  private final World world =
      World.builder()
          .namespace("shop", Map.of("team", "shop"))
          .namespace("ops", Map.of("team", "ops"))
          .workload(web)
          .workload(db)
          .workload(prom)
          .build();

  private static String policy(String name, String spec) {
    return "apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: " + name
        + ", namespace: shop}\nspec:\n" + spec.indent(2) + "---\n";
  }

  @Test
  void lowerOrderRunsFirstAndTheFirstMatchDecides() {
    PolicyEvaluator p = evaluator("calico",
        policy("allow-all", """
            order: 200
            selector: app == 'web'
            types: [Ingress]
            ingress: [{action: Allow}]
            """)
        + policy("deny-ops", """
            order: 100
            selector: app == 'web'
            types: [Ingress]
            ingress:
            - action: Deny
              source: {namespaceSelector: team == 'ops'}
            """));
    Verdict v = p.evaluate(world, tcp(prom, web, 8080));
    assertThat(v.allowed()).isFalse();
    assertThat(v.ingress().reason().describe())
        .isEqualTo("Deny: NetworkPolicy shop/deny-ops spec.ingress[0]");
    assertThat(p.evaluate(world, tcp(db, web, 8080)).allowed()).isTrue();
  }

  /** Selectors see the labels Calico adds: a pod's namespace, orchestrator and service account, a namespace's name. */
  @Test
  void selectorsSeeTheLabelsCalicoAdds() {
    PolicyEvaluator p = evaluator("calico", policy("calico-labels", """
        selector: app == 'web'
        types: [Ingress]
        ingress:
        - action: Allow
          protocol: TCP
          source:
            selector: projectcalico.org/namespace == 'ops' && projectcalico.org/orchestrator == 'k8s'
            namespaceSelector: all()
          destination: {ports: [8080]}
        - action: Allow
          protocol: TCP
          source: {selector: has(projectcalico.org/serviceaccount), namespaceSelector: projectcalico.org/name == 'ops'}
          destination: {ports: [8081]}
        """));
    assertThat(p.evaluate(world, tcp(prom, web, 8080)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(prom, web, 8081)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(prom, web, 9999)).allowed()).isFalse();
    assertThat(p.evaluate(world, tcp(db, web, 8080)).allowed()).isFalse();
    assertThat(p.evaluate(world, tcp(db, web, 8081)).allowed()).isFalse();
  }

  /** Found by ManifestFuzzTest: the index of policies by label read the missing selector. */
  @Test
  void aSelectorThatCannotBeReadAppliesToNoPodAndIsReported() {
    PolicyEvaluator p = evaluator("calico",
        policy("unreadable", """
            selector: app =E 'web'
            types: [Ingress]
            ingress: [{action: Deny}]
            """));
    assertThat(p.evaluate(world, tcp(db, web, 8080)).allowed()).isTrue();
    assertThat(p.warnings()).hasSize(1);
    assertThat(p.warnings().get(0)).contains("spec.selector");
  }

  @Test
  void aMissingOrderSortsLast() {
    PolicyEvaluator p = evaluator("calico",
        policy("a-allow-without-order", """
            selector: all()
            types: [Ingress]
            ingress: [{action: Allow}]
            """)
        + policy("z-deny", """
            order: 5000
            selector: all()
            types: [Ingress]
            ingress: [{action: Deny}]
            """));
    assertThat(p.evaluate(world, tcp(db, web, 8080)).allowed()).isFalse();
  }

  @Test
  void theDefaultTierEndsInDenyAndNoPolicyMeansAllow() {
    PolicyEvaluator p = evaluator("calico", policy("default-deny", """
        order: 2000
        selector: all()
        types: [Ingress, Egress]
        """));
    Verdict v = p.evaluate(world, tcp(web, db, 5432));
    assertThat(v.allowed()).isFalse();
    assertThat(v.egress().reason()).isInstanceOf(Reason.TierDefault.class);
    assertThat(v.egress().reason().describe()).contains("tier default");
    assertThat(p.evaluate(world, tcp(prom, outside("1.1.1.1"), 443)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(prom, outside("1.1.1.1"), 443)).egress().reason())
        .isInstanceOf(Reason.NotIsolated.class);
  }

  @Test
  void passSkipsToTheNextTierAndTierObjectsSetTheOrder() {
    String tiers = """
        apiVersion: projectcalico.org/v3
        kind: Tier
        metadata: {name: security}
        spec: {order: 100}
        ---
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata: {name: guard}
        spec:
          tier: security
          order: 1
          selector: all()
          types: [Ingress]
          ingress:
          - action: Log
          - action: Pass
            source: {namespaceSelector: team == 'shop'}
          - action: Deny
        ---
        """;
    PolicyEvaluator p = evaluator("calico", tiers + policy("allow-db", """
        order: 10
        selector: app == 'web'
        types: [Ingress]
        ingress:
        - action: Allow
          source: {selector: app == 'db'}
        """));
    assertThat(p.evaluate(world, tcp(db, web, 8080)).allowed()).isTrue();
    Verdict fromOps = p.evaluate(world, tcp(prom, web, 8080));
    assertThat(fromOps.allowed()).isFalse();
    assertThat(fromOps.ingress().reason().describe())
        .isEqualTo("Deny: GlobalNetworkPolicy guard spec.ingress[2]");
    // A pod that no default-tier policy selects: Pass leaves the security tier, the default tier
    // does not apply, and the profile allows.
    Verdict toDb = p.evaluate(world, tcp(web, db, 5432));
    assertThat(toDb.allowed()).isTrue();
    assertThat(toDb.ingress().reason()).isInstanceOf(Reason.NoDecision.class);
  }

  @Test
  void typesDefaultFromTheRulesPresent() {
    PolicyEvaluator egressOnly = evaluator("calico", policy("e", """
        selector: app == 'web'
        egress: [{action: Allow, destination: {selector: app == 'db'}}]
        """));
    assertThat(egressOnly.evaluate(world, tcp(prom, web, 8080)).allowed()).isTrue();
    assertThat(egressOnly.evaluate(world, tcp(web, db, 5432)).allowed()).isTrue();
    assertThat(egressOnly.evaluate(world, tcp(web, prom, 9090)).allowed()).isFalse();
    PolicyEvaluator ruleless = evaluator("calico", policy("r", "selector: app == 'web'\n"));
    assertThat(ruleless.evaluate(world, tcp(db, web, 8080)).allowed()).isFalse();
    assertThat(ruleless.evaluate(world, tcp(web, db, 5432)).allowed()).isTrue();
  }

  @Test
  void ruleSelectorsStayInThePolicyNamespaceUnlessANamespaceSelectorIsGiven() {
    PolicyEvaluator sameNs = evaluator("calico", policy("p", """
        selector: app == 'web'
        types: [Ingress]
        ingress: [{action: Allow, source: {selector: has(app)}}]
        """));
    assertThat(sameNs.evaluate(world, tcp(db, web, 8080)).allowed()).isTrue();
    assertThat(sameNs.evaluate(world, tcp(prom, web, 8080)).allowed()).isFalse();
    PolicyEvaluator anyNs = evaluator("calico", policy("p", """
        selector: app == 'web'
        types: [Ingress]
        ingress:
        - action: Allow
          source: {selector: app == 'prom', namespaceSelector: all()}
        """));
    assertThat(anyNs.evaluate(world, tcp(prom, web, 8080)).allowed()).isTrue();
    assertThat(anyNs.evaluate(world, tcp(db, web, 8080)).allowed()).isFalse();
    PolicyEvaluator global = evaluator("calico", policy("p", """
        selector: app == 'web'
        types: [Ingress]
        ingress: [{action: Allow, source: {namespaceSelector: global()}}]
        """));
    assertThat(global.evaluate(world, tcp(prom, web, 8080)).allowed()).isFalse();
  }

  @Test
  void netsMatchPodAddressesToo() {
    PolicyEvaluator p = evaluator("calico", policy("p", """
        selector: app == 'web'
        types: [Egress]
        egress:
        - action: Allow
          destination: {nets: [10.0.0.0/8], notNets: [10.9.0.0/16]}
        """));
    assertThat(p.evaluate(world, tcp(web, db, 5432)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(web, outside("10.1.1.1"), 80)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(web, outside("10.9.1.1"), 80)).allowed()).isFalse();
    assertThat(p.evaluate(world, tcp(web, prom, 80)).allowed()).isFalse();
  }

  @Test
  void portsTakeRangesNumbersAndNamesForTheRuleProtocol() {
    PolicyEvaluator p = evaluator("calico", policy("p", """
        selector: app == 'web'
        types: [Ingress]
        ingress:
        - action: Allow
          protocol: TCP
          destination: {ports: [http, "9000:9010", 22]}
        - action: Allow
          protocol: 17
          destination: {ports: [53]}
        """));
    assertThat(p.allowed(world, db, web).toString()).isEqualTo("TCP 22,8080,9000-9010,UDP 53");
    assertThat(p.evaluate(world, udp(db, web, 8080)).allowed()).isFalse();
  }

  @Test
  void sourcePortsAreUnknownAndNeverMatch() {
    PolicyEvaluator p = evaluator("calico", policy("p", """
        selector: app == 'web'
        types: [Ingress]
        ingress: [{action: Allow, protocol: TCP, source: {ports: [8080]}}]
        """));
    assertThat(p.evaluate(world, tcp(db, web, 8080)).allowed()).isFalse();
  }

  @Test
  void theKubernetesServiceIsTheApiServer() {
    Endpoint api = new Endpoint.ApiServer(IpAddress.parse("172.18.0.2"), 6443);
    PolicyEvaluator p = evaluator("calico", policy("p", """
        selector: app == 'web'
        types: [Egress]
        egress:
        - action: Allow
          protocol: TCP
          destination: {services: {name: kubernetes, namespace: default}}
        """));
    assertThat(p.evaluate(world, tcp(web, api, 6443)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(web, api, 443)).allowed()).isFalse();
    assertThat(p.evaluate(world, tcp(web, outside("172.18.0.2"), 6443)).allowed()).isFalse();
  }

  @Test
  void networkPoliciesSitInTheDefaultTierAtOrder1000() {
    String k8s = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress: [{from: [{podSelector: {matchLabels: {app: db}}}]}]
        ---
        """;
    PolicyEvaluator before = evaluator("calico", k8s + policy("deny-db", """
        order: 500
        selector: app == 'web'
        types: [Ingress]
        ingress: [{action: Deny, source: {selector: app == 'db'}}]
        """));
    assertThat(before.evaluate(world, tcp(db, web, 8080)).allowed()).isFalse();
    PolicyEvaluator after = evaluator("calico", k8s + policy("allow-ops", """
        order: 2000
        selector: app == 'web'
        types: [Ingress]
        ingress: [{action: Allow, source: {namespaceSelector: team == 'ops'}}]
        """));
    Verdict db2web = after.evaluate(world, tcp(db, web, 8080));
    assertThat(db2web.allowed()).isTrue();
    assertThat(db2web.ingress().reason().describe())
        .isEqualTo("Allow: NetworkPolicy shop/web spec.ingress[0]");
    assertThat(after.evaluate(world, tcp(prom, web, 8080)).allowed()).isTrue();
    Workload other = pod("shop", "other", Map.of("app", "other"));
    World w = World.builder().workload(web).workload(other).build();
    assertThat(after.evaluate(w, tcp(other, web, 8080)).allowed()).isFalse();
  }

  @Test
  void theLocalNodeIsNotPoliced() {
    PolicyEvaluator p = evaluator("calico", policy("deny", """
        selector: all()
        types: [Ingress]
        ingress: [{action: Deny}]
        """));
    Endpoint local = new Endpoint.Node("n1", Map.of(), IpAddress.parse("192.168.0.1"), true);
    Endpoint remote = new Endpoint.Node("n2", Map.of(), IpAddress.parse("192.168.0.2"), false);
    assertThat(p.evaluate(world, tcp(local, web, 8080)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(remote, web, 8080)).allowed()).isFalse();
  }

  @Test
  void globalPoliciesSelectByNamespaceSelector() {
    PolicyEvaluator p = evaluator("calico", """
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata: {name: ops-isolation}
        spec:
          namespaceSelector: team == 'ops'
          types: [Egress]
          egress: [{action: Allow, destination: {selector: projectcalico.org/namespace == 'ops'}}]
        """);
    assertThat(p.evaluate(world, tcp(prom, web, 8080)).allowed()).isFalse();
    assertThat(p.evaluate(world, tcp(web, prom, 9090)).allowed()).isTrue();
  }
}
