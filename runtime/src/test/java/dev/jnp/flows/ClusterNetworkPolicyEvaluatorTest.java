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

class ClusterNetworkPolicyEvaluatorTest {
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

  private static String cnp(String name, String spec) {
    return "apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\n"
        + "metadata: {name: " + name + "}\nspec:\n" + spec.indent(2) + "---\n";
  }

  private static final String NP_WEB_FROM_DB = """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: web}}
        ingress: [{from: [{podSelector: {matchLabels: {app: db}}}]}]
      ---
      """;

  @Test
  void selectingAPodIsolatesNothing() {
    PolicyEvaluator p = evaluator("clusterNetworkPolicy", cnp("accept-db", """
        tier: Baseline
        priority: 10
        subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}}
        ingress:
        - action: Accept
          from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: db}}}}]
        """));
    Verdict v = p.evaluate(world, tcp(prom, web, 8080));
    assertThat(v.allowed()).isTrue();
    assertThat(v.ingress().reason()).isInstanceOf(Reason.NoDecision.class);
    assertThat(p.evaluate(world, tcp(db, web, 8080)).ingress().reason().describe())
        .isEqualTo("Accept: ClusterNetworkPolicy accept-db spec.ingress[0]");
  }

  @Test
  void adminRulesComeBeforeNetworkPolicies() {
    PolicyEvaluator p = evaluator("clusterNetworkPolicy", NP_WEB_FROM_DB + cnp("admin", """
        tier: Admin
        priority: 5
        subject: {namespaces: {matchLabels: {team: shop}}}
        ingress:
        - action: Deny
          from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: db}}}}]
        - action: Accept
          from: [{namespaces: {matchLabels: {team: ops}}}]
        """));
    assertThat(p.evaluate(world, tcp(db, web, 8080)).allowed()).isFalse();
    Verdict fromOps = p.evaluate(world, tcp(prom, web, 8080));
    assertThat(fromOps.allowed()).isTrue();
    assertThat(fromOps.ingress().reason().describe())
        .isEqualTo("Accept: ClusterNetworkPolicy admin spec.ingress[1]");
  }

  @Test
  void passHandsTheDecisionToNetworkPolicies() {
    PolicyEvaluator p = evaluator("clusterNetworkPolicy", NP_WEB_FROM_DB + cnp("admin", """
        tier: Admin
        priority: 5
        subject: {namespaces: {}}
        ingress:
        - action: Pass
          from: [{namespaces: {matchLabels: {team: shop}}}]
        - action: Deny
          from: [{namespaces: {}}]
        """));
    assertThat(p.evaluate(world, tcp(db, web, 8080)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(db, web, 8080)).ingress().reason().describe())
        .isEqualTo("Allow: NetworkPolicy shop/web spec.ingress[0]");
    assertThat(p.evaluate(world, tcp(prom, web, 8080)).allowed()).isFalse();
    assertThat(p.evaluate(world, tcp(web, db, 5432)).allowed()).isTrue();
  }

  @Test
  void baselineIsSkippedForPodsANetworkPolicyIsolatesInThatDirection() {
    PolicyEvaluator p = evaluator("clusterNetworkPolicy", NP_WEB_FROM_DB + cnp("baseline", """
        tier: Baseline
        priority: 1
        subject: {namespaces: {}}
        ingress: [{action: Deny, from: [{namespaces: {}}]}]
        egress: [{action: Deny, to: [{namespaces: {}}]}]
        """));
    assertThat(p.evaluate(world, tcp(db, web, 8080)).allowed()).isFalse();
    Verdict v = p.evaluate(world, tcp(db, web, 8080));
    assertThat(v.deciding().direction()).isEqualTo(Direction.EGRESS);
    assertThat(p.evaluate(world, tcp(web, db, 5432)).allowed()).isFalse();
    assertThat(p.evaluate(world, tcp(prom, db, 5432)).ingress().reason().describe())
        .isEqualTo("Deny: ClusterNetworkPolicy baseline spec.ingress[0]");
    PolicyEvaluator ingressOnly = evaluator("clusterNetworkPolicy", NP_WEB_FROM_DB
        + cnp("baseline", """
            tier: Baseline
            priority: 1
            subject: {namespaces: {}}
            ingress: [{action: Deny, from: [{namespaces: {}}]}]
            """));
    Verdict dbToWeb = ingressOnly.evaluate(world, tcp(db, web, 8080));
    assertThat(dbToWeb.allowed()).isTrue();
    assertThat(dbToWeb.ingress().reason()).isInstanceOf(Reason.RuleMatched.class);
    assertThat(ingressOnly.evaluate(world, tcp(web, db, 5432)).allowed()).isFalse();
  }

  @Test
  void lowerPriorityFirstThenRuleOrder() {
    PolicyEvaluator p = evaluator("clusterNetworkPolicy",
        cnp("late", """
            tier: Admin
            priority: 20
            subject: {namespaces: {}}
            ingress: [{action: Deny, from: [{namespaces: {}}]}]
            """)
        + cnp("early", """
            tier: Admin
            priority: 10
            subject: {namespaces: {}}
            ingress:
            - action: Accept
              from: [{namespaces: {matchLabels: {team: ops}}}]
              protocols: [{tcp: {destinationPort: {range: {start: 8000, end: 8100}}}}]
            """));
    assertThat(p.evaluate(world, tcp(prom, web, 8080)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(prom, web, 8101)).allowed()).isFalse();
    assertThat(p.evaluate(world, udp(prom, web, 8080)).allowed()).isFalse();
    assertThat(p.allowed(world, prom, web).toString()).isEqualTo("TCP 8000-8100");
  }

  @Test
  void networksMatchPodAddressesToo() {
    PolicyEvaluator p = evaluator("clusterNetworkPolicy", cnp("egress", """
        tier: Baseline
        priority: 1
        subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}}
        egress:
        - action: Accept
          to: [{networks: [203.0.113.0/24]}]
          protocols: [{destinationNamedPort: http}, {tcp: {destinationPort: {number: 443}}}]
        - action: Deny
          to: [{networks: [0.0.0.0/0, "::/0"]}]
        """));
    assertThat(p.evaluate(world, tcp(web, outside("203.0.113.9"), 443)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(web, outside("203.0.113.9"), 80)).allowed()).isFalse();
    assertThat(p.evaluate(world, tcp(web, db, 5432)).allowed()).isFalse();
    assertThat(p.evaluate(world, tcp(web, prom, 9090)).allowed()).isTrue();
    assertThat(p.addressBlocks(Direction.EGRESS)).hasSize(3);
  }

  @Test
  void unknownPeersFailClosed() {
    PolicyEvaluator deny = evaluator("clusterNetworkPolicy", cnp("future", """
        tier: Admin
        priority: 1
        subject: {namespaces: {}}
        ingress: [{action: Pass, from: [{somethingNew: {}}]}]
        """));
    assertThat(deny.evaluate(world, tcp(prom, web, 8080)).allowed()).isFalse();
    assertThat(deny.warnings()).isNotEmpty();
    PolicyEvaluator accept = evaluator("clusterNetworkPolicy", cnp("future", """
        tier: Admin
        priority: 1
        subject: {namespaces: {}}
        ingress:
        - {action: Accept, from: [{somethingNew: {}}]}
        - {action: Deny, from: [{namespaces: {}}]}
        """));
    assertThat(accept.evaluate(world, tcp(prom, web, 8080)).allowed()).isFalse();
    assertThat(accept.evaluate(world, tcp(prom, web, 8080)).ingress().reason().describe())
        .endsWith("spec.ingress[1]");
  }

  @Test
  void domainNamesAcceptByName() {
    Endpoint bucket = new Endpoint.Fqdn("bucket.example.com", IpAddress.parse("203.0.113.7"));
    Endpoint apex = new Endpoint.Fqdn("example.com", IpAddress.parse("203.0.113.8"));
    PolicyEvaluator p = evaluator("clusterNetworkPolicy", cnp("fqdn", """
        tier: Admin
        priority: 1
        subject: {namespaces: {matchLabels: {team: shop}}}
        egress:
        - {action: Accept, to: [{domainNames: ["*.example.com"]}]}
        - {action: Deny, to: [{networks: [0.0.0.0/0]}]}
        """));
    assertThat(p.evaluate(world, tcp(web, bucket, 443)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(web, apex, 443)).allowed()).isFalse();
  }

  @Test
  void hostTrafficIsOutsidePeersAndTheLocalNodeStaysReachable() {
    PolicyEvaluator p = evaluator("clusterNetworkPolicy", cnp("deny", """
        tier: Baseline
        priority: 1
        subject: {namespaces: {}}
        ingress: [{action: Deny, from: [{namespaces: {}}]}]
        """));
    Endpoint local = new Endpoint.Node("n1", Map.of(), IpAddress.parse("192.168.0.1"), true);
    Endpoint remote = new Endpoint.Node("n2", Map.of(), IpAddress.parse("192.168.0.2"), false);
    assertThat(p.evaluate(world, tcp(local, web, 8080)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(remote, web, 8080)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(prom, web, 8080)).allowed()).isFalse();
  }

  @Test
  void whatSelectsAPodIsWorkedOutAgainInAnotherWorld() {
    PolicyEvaluator p = evaluator("clusterNetworkPolicy", cnp("admin", """
        tier: Admin
        priority: 5
        subject: {namespaces: {matchLabels: {team: shop}}}
        ingress:
        - action: Deny
          from: [{namespaces: {matchLabels: {team: ops}}}]
        """));
    World relabelled = Fixtures.teams("retail", web, prom);
    assertThat(p.evaluate(world, tcp(prom, web, 8080)).allowed()).isFalse();
    assertThat(p.evaluate(relabelled, tcp(prom, web, 8080)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(prom, web, 8080)).allowed()).isFalse();
  }
}
