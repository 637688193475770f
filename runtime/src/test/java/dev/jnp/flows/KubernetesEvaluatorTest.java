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

class KubernetesEvaluatorTest {
  private final Workload web = pod("shop", "web", Map.of("app", "web"), tcp("http", 8080));
  private final Workload db = pod("shop", "db", Map.of("app", "db"), tcp("sql", 5432));
  private final Workload monitor = pod("ops", "prom", Map.of("app", "prom"));
  private final World world =
      World.builder()
          .namespace("shop", Map.of("team", "shop"))
          .namespace("ops", Map.of("team", "ops"))
          .workload(web)
          .workload(db)
          .workload(monitor)
          .build();

  @Test
  void egressRulesWithoutPolicyTypesAlsoIsolateIngress() {
    PolicyEvaluator k8s =
        evaluator("kubernetes", """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: egress-only, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              egress:
              - to: [{podSelector: {matchLabels: {app: db}}}]
            """);
    Verdict in = k8s.evaluate(world, tcp(monitor, web, 8080));
    assertThat(in.allowed()).isFalse();
    assertThat(in.ingress().reason()).isInstanceOf(Reason.NoRuleAllows.class);
    assertThat(((Reason.NoRuleAllows) in.ingress().reason()).policies().toString()).contains("shop/egress-only");
    Verdict out = k8s.evaluate(world, tcp(web, db, 5432));
    assertThat(out.allowed()).isTrue();
    assertThat(out.egress().reason().describe())
        .isEqualTo("Allow: NetworkPolicy shop/egress-only spec.egress[0]");
    assertThat(k8s.evaluate(world, tcp(web, monitor, 9090)).allowed()).isFalse();
  }

  @Test
  void aDefaultDenyEgressNeedsPolicyTypes() {
    PolicyEvaluator withoutTypes =
        evaluator("kubernetes", """
            kind: NetworkPolicy
            apiVersion: networking.k8s.io/v1
            metadata: {name: deny, namespace: shop}
            spec: {podSelector: {}}
            """);
    assertThat(withoutTypes.evaluate(world, tcp(web, monitor, 80)).allowed()).isTrue();
    PolicyEvaluator withTypes =
        evaluator("kubernetes", """
            kind: NetworkPolicy
            apiVersion: networking.k8s.io/v1
            metadata: {name: deny, namespace: shop}
            spec: {podSelector: {}, policyTypes: [Egress]}
            """);
    Verdict v = withTypes.evaluate(world, tcp(web, monitor, 80));
    assertThat(v.allowed()).isFalse();
    assertThat(v.deciding().direction()).isEqualTo(Direction.EGRESS);
    assertThat(v.ingress().reason()).isInstanceOf(Reason.NotIsolated.class);
  }

  @Test
  void selectorsInOnePeerAreAndedInTwoPeersOred() {
    String and = """
        kind: NetworkPolicy
        apiVersion: networking.k8s.io/v1
        metadata: {name: p, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
          - from:
            - namespaceSelector: {matchLabels: {team: ops}}
              podSelector: {matchLabels: {app: web}}
        """;
    String or = """
        kind: NetworkPolicy
        apiVersion: networking.k8s.io/v1
        metadata: {name: p, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
          - from:
            - namespaceSelector: {matchLabels: {team: ops}}
            - podSelector: {matchLabels: {app: web}}
        """;
    assertThat(evaluator("kubernetes", and).evaluate(world, tcp(web, db, 5432)).allowed()).isFalse();
    assertThat(evaluator("kubernetes", and).evaluate(world, tcp(monitor, db, 5432)).allowed())
        .isFalse();
    assertThat(evaluator("kubernetes", or).evaluate(world, tcp(web, db, 5432)).allowed()).isTrue();
    assertThat(evaluator("kubernetes", or).evaluate(world, tcp(monitor, db, 5432)).allowed())
        .isTrue();
  }

  @Test
  void ipBlocksMatchOutsideAddressesNodesAndTheApiServerButNeverPods() {
    PolicyEvaluator k8s =
        evaluator("kubernetes", """
            kind: NetworkPolicy
            apiVersion: networking.k8s.io/v1
            metadata: {name: p, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Egress]
              egress:
              - to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.10.0.0/16]}}]
                ports: [{port: 443}]
            """);
    Workload podIn10 = Fixtures.podAt("shop", "cache", Map.of("app", "cache"), "10.1.1.1");
    World w = World.builder().workload(web).workload(podIn10).build();
    assertThat(k8s.evaluate(w, tcp(web, outside("10.1.2.3"), 443)).allowed()).isTrue();
    assertThat(k8s.evaluate(w, tcp(web, outside("10.10.2.3"), 443)).allowed()).isFalse();
    assertThat(k8s.evaluate(w, tcp(web, outside("10.1.2.3"), 80)).allowed()).isFalse();
    assertThat(k8s.evaluate(w, tcp(web, podIn10, 443)).allowed()).isFalse();
    Endpoint api = new Endpoint.ApiServer(IpAddress.parse("10.0.0.1"), 443);
    assertThat(k8s.evaluate(w, tcp(web, api, 443)).allowed()).isTrue();
    Endpoint node = new Endpoint.Node("n1", Map.of(), IpAddress.parse("10.0.0.2"), false);
    assertThat(k8s.evaluate(w, tcp(web, node, 443)).allowed()).isTrue();
  }

  @Test
  void endPortAndProtocolDefaultToTcp() {
    PolicyEvaluator k8s =
        evaluator("kubernetes", """
            kind: NetworkPolicy
            apiVersion: networking.k8s.io/v1
            metadata: {name: p, namespace: shop}
            spec:
              podSelector: {}
              ingress:
              - ports: [{port: 30000, endPort: 30010}, {protocol: UDP}]
            """);
    assertThat(k8s.evaluate(world, tcp(monitor, db, 30000)).allowed()).isTrue();
    assertThat(k8s.evaluate(world, tcp(monitor, db, 30010)).allowed()).isTrue();
    assertThat(k8s.evaluate(world, tcp(monitor, db, 30011)).allowed()).isFalse();
    assertThat(k8s.evaluate(world, udp(monitor, db, 30011)).allowed()).isTrue();
    assertThat(k8s.allowed(world, monitor, db).toString()).isEqualTo("TCP 30000-30010,UDP 1-65535");
  }

  @Test
  void namedPortsResolveAgainstTheDestinationPodEvenForEgress() {
    PolicyEvaluator k8s =
        evaluator("kubernetes", """
            kind: NetworkPolicy
            apiVersion: networking.k8s.io/v1
            metadata: {name: p, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Egress]
              egress:
              - ports: [{port: sql}, {port: sql, protocol: UDP}]
            """);
    assertThat(k8s.evaluate(world, tcp(web, db, 5432)).allowed()).isTrue();
    assertThat(k8s.evaluate(world, udp(web, db, 5432)).allowed()).isFalse();
    assertThat(k8s.evaluate(world, tcp(web, monitor, 5432)).allowed()).isFalse();
    assertThat(k8s.evaluate(world, tcp(web, outside("1.2.3.4"), 5432)).allowed()).isFalse();
    assertThat(k8s.allowed(world, web, db).toString()).isEqualTo("TCP 5432");
  }

  @Test
  void theLocalNodeIsAlwaysLetIn() {
    PolicyEvaluator k8s =
        evaluator("kubernetes", """
            kind: NetworkPolicy
            apiVersion: networking.k8s.io/v1
            metadata: {name: deny, namespace: shop}
            spec: {podSelector: {}, policyTypes: [Ingress]}
            """);
    Endpoint local = new Endpoint.Node("n1", Map.of(), IpAddress.parse("192.168.1.10"), true);
    Endpoint remote = new Endpoint.Node("n2", Map.of(), IpAddress.parse("192.168.1.11"), false);
    Verdict probe = k8s.evaluate(world, tcp(local, web, 8080));
    assertThat(probe.allowed()).isTrue();
    assertThat(probe.ingress().reason()).isInstanceOf(Reason.LocalNode.class);
    assertThat(k8s.evaluate(world, tcp(remote, web, 8080)).allowed()).isFalse();
  }

  @Test
  void anEmptyPeerMatchesNothingAndIsReported() {
    PolicyEvaluator k8s =
        evaluator("kubernetes", """
            kind: NetworkPolicy
            apiVersion: networking.k8s.io/v1
            metadata: {name: p, namespace: shop}
            spec:
              podSelector: {}
              ingress: [{from: [{}]}]
            """);
    assertThat(k8s.evaluate(world, tcp(monitor, web, 8080)).allowed()).isFalse();
    assertThat(k8s.warnings()).hasSize(1);
    assertThat(k8s.warnings().get(0)).contains("spec.ingress[0].from[0]");
  }

  @Test
  void emptyFromMatchesEverythingAndMatchExpressionsWork() {
    PolicyEvaluator k8s =
        evaluator("kubernetes", """
            kind: NetworkPolicy
            apiVersion: networking.k8s.io/v1
            metadata: {name: p, namespace: shop}
            spec:
              podSelector:
                matchExpressions: [{key: app, operator: In, values: [db, cache]}]
              ingress: [{from: [], ports: []}]
            """);
    assertThat(k8s.evaluate(world, udp(outside("8.8.8.8"), db, 53)).allowed()).isTrue();
    assertThat(k8s.evaluate(world, tcp(monitor, db, 1)).allowed()).isTrue();
  }

  @Test
  void otherKindsAreIgnoredWithAWarning() {
    PolicyEvaluator k8s =
        evaluator("kubernetes", """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: c, namespace: shop}
            spec: {endpointSelector: {}, ingress: [{}]}
            """);
    assertThat(k8s.evaluate(world, tcp(monitor, web, 8080)).allowed()).isTrue();
    assertThat(k8s.warnings().get(0)).contains("CiliumNetworkPolicy shop/c");
  }
}
