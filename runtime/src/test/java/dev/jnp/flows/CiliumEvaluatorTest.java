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

class CiliumEvaluatorTest {
  private final Workload web = pod("shop", "web", Map.of("app", "web"), Fixtures.tcp("http", 8080));
  private final Workload db = pod("shop", "db", Map.of("app", "db"));
  private final Workload prom = pod("ops", "prom", Map.of("app", "prom"));
  private final Workload dns = pod("kube-system", "coredns", Map.of("k8s-app", "kube-dns"));
  private final World world =
      World.builder()
          .namespace("shop", Map.of("team", "shop"))
          .namespace("ops", Map.of("team", "ops"))
          .workload(web)
          .workload(db)
          .workload(prom)
          .workload(dns)
          .build();
  private final Endpoint host = new Endpoint.Node("n1", Map.of(), IpAddress.parse("192.168.0.1"), true);
  private final Endpoint remoteNode =
      new Endpoint.Node("n2", Map.of("role", "infra"), IpAddress.parse("192.168.0.2"), false);
  private final Endpoint apiServer = new Endpoint.ApiServer(IpAddress.parse("192.168.0.9"), 6443);

  private static String cnp(String namespace, String spec) {
    return "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: "
        + namespace + "}\nspec:\n" + spec.indent(2);
  }

  @Test
  void anEmptyIngressListDeniesNothingButAnEmptyRuleDeniesAll() {
    PolicyEvaluator inert = evaluator("cilium", cnp("shop", """
        endpointSelector: {}
        ingress: []
        """));
    assertThat(inert.evaluate(world, tcp(prom, web, 8080)).allowed()).isTrue();
    assertThat(inert.warnings().get(0)).contains("rejected");

    PolicyEvaluator denyAll = evaluator("cilium", cnp("shop", """
        endpointSelector: {}
        ingress: [{}]
        """));
    Verdict v = denyAll.evaluate(world, tcp(prom, web, 8080));
    assertThat(v.allowed()).isFalse();
    assertThat(v.ingress().reason().describe()).contains("CiliumNetworkPolicy shop/p");
    assertThat(denyAll.evaluate(world, tcp(db, web, 8080)).allowed()).isFalse();
    assertThat(denyAll.evaluate(world, tcp(host, web, 8080)).allowed()).isTrue();
    assertThat(denyAll.evaluate(world, tcp(web, prom, 80)).allowed()).isTrue();
  }

  @Test
  void fromEndpointsStayInThePolicyNamespaceUnlessTheyNameOne() {
    PolicyEvaluator own = evaluator("cilium", cnp("shop", """
        endpointSelector: {matchLabels: {app: web}}
        ingress: [{fromEndpoints: [{}]}]
        """));
    assertThat(own.evaluate(world, tcp(db, web, 8080)).allowed()).isTrue();
    assertThat(own.evaluate(world, tcp(prom, web, 8080)).allowed()).isFalse();

    PolicyEvaluator other = evaluator("cilium", cnp("shop", """
        endpointSelector: {matchLabels: {app: web}}
        ingress:
        - fromEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": ops}}]
        """));
    assertThat(other.evaluate(world, tcp(prom, web, 8080)).allowed()).isTrue();
    assertThat(other.evaluate(world, tcp(db, web, 8080)).allowed()).isFalse();

    PolicyEvaluator byNamespaceLabel = evaluator("cilium", cnp("shop", """
        endpointSelector: {matchLabels: {app: web}}
        ingress:
        - fromEndpoints:
          - matchLabels: {io.cilium.k8s.namespace.labels.team: ops}
        """));
    assertThat(byNamespaceLabel.evaluate(world, tcp(prom, web, 8080)).allowed()).isTrue();
    assertThat(byNamespaceLabel.evaluate(world, tcp(db, web, 8080)).allowed()).isFalse();

    PolicyEvaluator anyNamespace = evaluator("cilium", cnp("shop", """
        endpointSelector: {matchLabels: {app: web}}
        ingress:
        - fromEndpoints:
          - matchExpressions: [{key: k8s:io.kubernetes.pod.namespace, operator: Exists}]
        """));
    assertThat(anyNamespace.evaluate(world, tcp(prom, web, 8080)).allowed()).isTrue();
    assertThat(anyNamespace.evaluate(world, tcp(outside("1.1.1.1"), web, 8080)).allowed())
        .isFalse();
  }

  @Test
  void theSubjectIsPinnedToThePolicyNamespace() {
    PolicyEvaluator p = evaluator("cilium", cnp("shop", """
        endpointSelector:
          matchLabels: {app: prom, "k8s:io.kubernetes.pod.namespace": ops}
        ingress: [{}]
        """));
    assertThat(p.evaluate(world, tcp(web, prom, 9090)).allowed()).isTrue();
  }

  @Test
  void clusterwideEndpointsMeanEveryPodButNotTheWorld() {
    PolicyEvaluator p = evaluator("cilium", """
        apiVersion: cilium.io/v2
        kind: CiliumClusterwideNetworkPolicy
        metadata: {name: all-pods}
        spec:
          endpointSelector: {matchLabels: {app: web}}
          ingress: [{fromEndpoints: [{}]}]
        """);
    assertThat(p.evaluate(world, tcp(prom, web, 8080)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(dns, web, 8080)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(outside("8.8.8.8"), web, 8080)).allowed()).isFalse();
    assertThat(p.evaluate(world, tcp(remoteNode, web, 8080)).allowed()).isFalse();
  }

  @Test
  void entitiesClassifyEndpoints() {
    PolicyEvaluator world1 = evaluator("cilium", cnp("shop", """
        endpointSelector: {matchLabels: {app: web}}
        egress: [{toEntities: [world]}]
        """));
    assertThat(world1.evaluate(world, tcp(web, outside("8.8.8.8"), 443)).allowed()).isTrue();
    assertThat(world1.evaluate(world, tcp(web, db, 5432)).allowed()).isFalse();
    assertThat(world1.evaluate(world, tcp(web, remoteNode, 10250)).allowed()).isFalse();
    assertThat(world1.evaluate(world, tcp(web, apiServer, 6443)).allowed()).isFalse();

    PolicyEvaluator api = evaluator("cilium", cnp("shop", """
        endpointSelector: {matchLabels: {app: web}}
        egress: [{toEntities: [kube-apiserver]}]
        ingress: [{fromEntities: [host, remote-node]}]
        """));
    assertThat(api.evaluate(world, tcp(web, apiServer, 6443)).allowed()).isTrue();
    assertThat(api.evaluate(world, tcp(web, outside("8.8.8.8"), 443)).allowed()).isFalse();
    assertThat(api.evaluate(world, tcp(remoteNode, web, 8080)).allowed()).isTrue();
    assertThat(api.evaluate(world, tcp(prom, web, 8080)).allowed()).isFalse();

    PolicyEvaluator cluster = evaluator("cilium", cnp("shop", """
        endpointSelector: {matchLabels: {app: web}}
        egress: [{toEntities: [cluster]}]
        """));
    assertThat(cluster.evaluate(world, tcp(web, prom, 9090)).allowed()).isTrue();
    assertThat(cluster.evaluate(world, tcp(web, remoteNode, 10250)).allowed()).isTrue();
    assertThat(cluster.evaluate(world, tcp(web, outside("8.8.8.8"), 443)).allowed()).isFalse();
  }

  @Test
  void cidrRulesNeverMatchPodsOrNodes() {
    Workload cache = Fixtures.podAt("shop", "cache", Map.of("app", "cache"), "10.0.5.5");
    World w = World.builder().workload(web).workload(cache).build();
    PolicyEvaluator p = evaluator("cilium", cnp("shop", """
        endpointSelector: {matchLabels: {app: web}}
        egress:
        - toCIDRSet: [{cidr: 10.0.0.0/8, except: [10.9.0.0/16]}]
        - toCIDR: [192.168.0.0/16]
        """));
    assertThat(p.evaluate(w, tcp(web, outside("10.1.1.1"), 80)).allowed()).isTrue();
    assertThat(p.evaluate(w, tcp(web, outside("10.9.1.1"), 80)).allowed()).isFalse();
    assertThat(p.evaluate(w, tcp(web, cache, 80)).allowed()).isFalse();
    assertThat(p.evaluate(w, tcp(web, remoteNode, 80)).allowed()).isFalse();
    assertThat(p.addressBlocks(Direction.EGRESS)).hasSize(3);
  }

  @Test
  void denyRulesBeatEveryAllowIncludingNetworkPolicy() {
    PolicyEvaluator p = evaluator("cilium", cnp("shop", """
        endpointSelector: {matchLabels: {app: web}}
        ingress: [{fromEntities: [all]}]
        ingressDeny:
        - fromEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": ops}}]
          toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
        """) + """
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-ops, namespace: shop}
        spec:
          podSelector: {}
          ingress: [{from: [{namespaceSelector: {}}]}]
        """);
    Verdict denied = p.evaluate(world, tcp(prom, web, 8080));
    assertThat(denied.allowed()).isFalse();
    assertThat(denied.ingress().reason().describe())
        .isEqualTo("Deny: CiliumNetworkPolicy shop/p spec.ingressDeny[0]");
    assertThat(p.evaluate(world, tcp(prom, web, 8081)).allowed()).isTrue();
    assertThat(p.evaluate(world, udp(prom, web, 8080)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(db, web, 8080)).allowed()).isTrue();
  }

  @Test
  void networkPoliciesAloneIsolateUnderCilium() {
    PolicyEvaluator p = evaluator("cilium", """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
          - from: [{ipBlock: {cidr: 0.0.0.0/0}}]
        """);
    assertThat(p.evaluate(world, tcp(outside("1.2.3.4"), web, 8080)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(remoteNode, web, 8080)).allowed()).isFalse();
    assertThat(p.evaluate(world, tcp(db, web, 8080)).allowed()).isFalse();
  }

  @Test
  void toPortsReadStringPortsRangesAnyAndNamedPorts() {
    PolicyEvaluator p = evaluator("cilium", cnp("shop", """
        endpointSelector: {matchLabels: {app: web}}
        ingress:
        - toPorts:
          - ports:
            - {port: "53"}
            - {port: "9000", endPort: 9010, protocol: TCP}
            - {port: http, protocol: TCP}
        """));
    assertThat(p.evaluate(world, udp(prom, web, 53)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(outside("1.1.1.1"), web, 53)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(prom, web, 9010)).allowed()).isTrue();
    assertThat(p.evaluate(world, udp(prom, web, 9010)).allowed()).isFalse();
    assertThat(p.evaluate(world, tcp(prom, web, 8080)).allowed()).isTrue();
    assertThat(p.allowed(world, prom, web).toString())
        .isEqualTo("SCTP 53,TCP 53,8080,9000-9010,UDP 53");
  }

  @Test
  void toFqdnsNeedADnsRuleThatSeesTheLookup() {
    Endpoint bucket = new Endpoint.Fqdn("bucket.example.com", IpAddress.parse("203.0.113.7"));
    Endpoint other = new Endpoint.Fqdn("evil.example.org", IpAddress.parse("198.51.100.1"));
    String fqdnOnly = cnp("shop", """
        endpointSelector: {matchLabels: {app: web}}
        egress:
        - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, k8s-app: kube-dns}}]
          toPorts: [{ports: [{port: "53", protocol: ANY}]}]
        - toFQDNs: [{matchPattern: "*.example.com"}]
        """);
    PolicyEvaluator withoutProxy = evaluator("cilium", fqdnOnly);
    assertThat(withoutProxy.evaluate(world, tcp(web, bucket, 443)).allowed()).isFalse();
    assertThat(withoutProxy.evaluate(world, udp(web, dns, 53)).allowed()).isTrue();

    PolicyEvaluator withProxy = evaluator("cilium", cnp("shop", """
        endpointSelector: {matchLabels: {app: web}}
        egress:
        - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, k8s-app: kube-dns}}]
          toPorts:
          - ports: [{port: "53", protocol: ANY}]
            rules: {dns: [{matchPattern: "*"}]}
        - toFQDNs: [{matchPattern: "*.example.com"}]
          toPorts: [{ports: [{port: "443", protocol: TCP}]}]
        """));
    Verdict v = withProxy.evaluate(world, tcp(web, bucket, 443));
    assertThat(v.allowed()).isTrue();
    assertThat(v.egress().reason().describe())
        .isEqualTo("Allow: CiliumNetworkPolicy shop/p spec.egress[1]");
    assertThat(withProxy.evaluate(world, tcp(web, bucket, 80)).allowed()).isFalse();
    assertThat(withProxy.evaluate(world, tcp(web, other, 443)).allowed()).isFalse();

    PolicyEvaluator narrowProxy = evaluator("cilium", cnp("shop", """
        endpointSelector: {matchLabels: {app: web}}
        egress:
        - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system}}]
          toPorts:
          - ports: [{port: "53", protocol: UDP}]
            rules: {dns: [{matchName: "cilium.io"}]}
        - toFQDNs: [{matchName: "bucket.example.com"}]
        """));
    assertThat(narrowProxy.evaluate(world, tcp(web, bucket, 443)).allowed()).isFalse();
  }

  @Test
  void fqdnPatternsMatchOneLabelPerStarAndSeveralWithDoubleStar() {
    String dnsRule = """
        - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system}}]
          toPorts:
          - ports: [{port: "53", protocol: ANY}]
            rules: {dns: [{matchPattern: "*"}]}
        """;
    PolicyEvaluator one = evaluator("cilium", cnp("shop", "endpointSelector: {}\negress:\n"
        + dnsRule + "- toFQDNs: [{matchPattern: \"*.example.com\"}]\n"));
    PolicyEvaluator many = evaluator("cilium", cnp("shop", "endpointSelector: {}\negress:\n"
        + dnsRule + "- toFQDNs: [{matchPattern: \"**.example.com\"}]\n"));
    Endpoint direct = new Endpoint.Fqdn("api.example.com.", IpAddress.parse("203.0.113.1"));
    Endpoint deep = new Endpoint.Fqdn("a.b.Example.com", IpAddress.parse("203.0.113.2"));
    Endpoint apex = new Endpoint.Fqdn("example.com", IpAddress.parse("203.0.113.3"));
    assertThat(one.evaluate(world, tcp(web, direct, 443)).allowed()).isTrue();
    assertThat(one.evaluate(world, tcp(web, deep, 443)).allowed()).isFalse();
    assertThat(many.evaluate(world, tcp(web, deep, 443)).allowed()).isTrue();
    assertThat(many.evaluate(world, tcp(web, apex, 443)).allowed()).isFalse();
  }

  @Test
  void enableDefaultDenyFalseAddsAllowsWithoutIsolating() {
    PolicyEvaluator p = evaluator("cilium", cnp("shop", """
        endpointSelector: {matchLabels: {app: web}}
        enableDefaultDeny: {ingress: false}
        ingress: [{fromEndpoints: [{matchLabels: {app: db}}]}]
        """));
    assertThat(p.evaluate(world, tcp(prom, web, 8080)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(prom, web, 8080)).ingress().reason())
        .isInstanceOf(Reason.NotIsolated.class);
  }

  @Test
  void specsAreSeveralRulesAndNodeSelectorsSelectNoPod() {
    PolicyEvaluator p = evaluator("cilium", """
        apiVersion: cilium.io/v2
        kind: CiliumClusterwideNetworkPolicy
        metadata: {name: two}
        specs:
        - nodeSelector: {}
          ingress: [{}]
        - endpointSelector: {matchLabels: {app: db}}
          ingress: [{fromNodes: [{matchLabels: {role: infra}}]}]
        """);
    assertThat(p.evaluate(world, tcp(remoteNode, db, 5432)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(web, db, 5432)).allowed()).isFalse();
    assertThat(p.evaluate(world, tcp(web, prom, 5432)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(web, db, 5432)).ingress().reason().describe())
        .contains("CiliumClusterwideNetworkPolicy two");
  }

  @Test
  void whatSelectsAPodIsWorkedOutAgainInAnotherWorld() {
    PolicyEvaluator p = evaluator("cilium", cnp("shop", """
        endpointSelector: {matchLabels: {io.cilium.k8s.namespace.labels.team: shop}}
        ingress: [{fromEndpoints: [{matchLabels: {app: db}}]}]
        """));
    World relabelled = Fixtures.teams("retail", web, prom);
    assertThat(p.evaluate(world, tcp(prom, web, 8080)).allowed()).isFalse();
    assertThat(p.evaluate(relabelled, tcp(prom, web, 8080)).allowed()).isTrue();
    assertThat(p.evaluate(world, tcp(prom, web, 8080)).allowed()).isFalse();
  }

  @Test
  void aPeersIdentityIsWorkedOutAgainInAnotherWorld() {
    PolicyEvaluator p = evaluator("cilium", cnp("shop", """
        endpointSelector: {matchLabels: {app: web}}
        ingress: [{fromEndpoints: [{matchLabels: {io.cilium.k8s.namespace.labels.team: ops}}]}]
        """));
    World relabelled = World.builder()
        .namespace("shop", Map.of("team", "shop"))
        .namespace("ops", Map.of("team", "retail"))
        .workload(web)
        .workload(prom)
        .build();
    assertThat(p.evaluate(world, tcp(prom, web, 8080)).allowed()).isTrue();
    assertThat(p.evaluate(relabelled, tcp(prom, web, 8080)).allowed()).isFalse();
    assertThat(p.evaluate(world, tcp(prom, web, 8080)).allowed()).isTrue();
  }
}
