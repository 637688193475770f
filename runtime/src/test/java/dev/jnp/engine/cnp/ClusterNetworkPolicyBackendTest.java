package dev.jnp.engine.cnp;

import static com.google.common.truth.Truth.assertThat;
import static dev.jnp.engine.Ir.allow;
import static dev.jnp.engine.Ir.any;
import static dev.jnp.engine.Ir.apiserver;
import static dev.jnp.engine.Ir.cidr;
import static dev.jnp.engine.Ir.deny;
import static dev.jnp.engine.Ir.dns;
import static dev.jnp.engine.Ir.fqdn;
import static dev.jnp.engine.Ir.nativeRules;
import static dev.jnp.engine.Ir.nodes;
import static dev.jnp.engine.Ir.ns;
import static dev.jnp.engine.Ir.nsWhere;
import static dev.jnp.engine.Ir.pods;
import static dev.jnp.engine.Ir.tcp;
import static dev.jnp.engine.Ir.udp;
import static dev.jnp.engine.Ir.workload;
import static dev.jnp.engine.ObjectTree.map;
import static dev.jnp.engine.Trees.at;
import static dev.jnp.engine.Trees.list;

import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Severity;
import dev.jnp.engine.Backends;
import dev.jnp.engine.Capability;
import dev.jnp.engine.PolicyObject;
import dev.jnp.ir.DefaultDeny;
import dev.jnp.ir.Direction;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.Rule;
import dev.jnp.testing.SchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterNetworkPolicyBackendTest {
  private static final String ENGINE = "clusterNetworkPolicy";
  private static final Map<String, Object> EVERY_POD = map("namespaces", map());
  private static final Map<String, Object> EVERY_ADDRESS =
      map("networks", List.of("0.0.0.0/0", "::/0"));

  private final ClusterNetworkPolicyBackend backend = new ClusterNetworkPolicyBackend();

  /** One workload that uses every construct ClusterNetworkPolicy can spell, and a deny. */
  private static PolicySet everything(DefaultDeny deny) {
    List<Rule> ingress =
        List.of(
            allow(List.of(tcp(8080)), any(3)),
            allow(List.of(tcp(8081)), nodes(4)),
            allow(List.of(tcp(8082)), ns("flux-system", 5), nsWhere(Map.of("team", "a"), 5)),
            allow(List.of(tcp(9443)), apiserver(List.of(), 6)),
            allow(
                List.of(tcp(8083), tcp(30000, 32767), udp(8125)),
                pods(Map.of("app", "web"), new NamespaceSelector.Own(), 7),
                pods(Map.of("app", "y"), new NamespaceSelector.All(), 7)));
    List<Rule> egress =
        List.of(
            dns(11),
            allow(List.of(tcp(6443)), apiserver(List.of("10.0.0.1/32"), 12)),
            allow(List.of(tcp(443)), cidr("10.0.0.0/8", List.of("10.1.0.0/16"), 13)),
            allow(List.of(), any(14)));
    return new PolicySet(
        List.of(
            workload(
                "jaas",
                "jaas",
                ingress,
                Optional.of(egress),
                List.of(
                    nativeRules(
                        ENGINE,
                        Direction.INGRESS,
                        map("action", "Accept", "from", List.of(map("namespaces", map("matchLabels", map("x", "y")))))),
                    nativeRules("cilium", Direction.INGRESS, map("fromEntities", List.of("health")))))),
        List.of(deny));
  }

  private List<PolicyObject> render(PolicySet policies) {
    assertThat(backend.check(policies).stream().filter(Diagnostic::isError).toList()).isEmpty();
    return backend.render(policies);
  }

  @Test
  void allowlistsThatMaySelectTheSamePodsAreAWarning() {
    dev.jnp.ir.Allowlist web = new dev.jnp.ir.Allowlist("web", "shop", java.util.Map.of("app", "web"),
        List.of(), java.util.Optional.empty(), List.of(), dev.jnp.engine.Ir.line(3));
    dev.jnp.ir.Allowlist tier = new dev.jnp.ir.Allowlist("front", "shop", java.util.Map.of("tier", "front"),
        List.of(allow(List.of(), any(9))), java.util.Optional.empty(), List.of(), dev.jnp.engine.Ir.line(8));
    dev.jnp.ir.Allowlist api = new dev.jnp.ir.Allowlist("api", "shop", java.util.Map.of("app", "api"),
        List.of(), java.util.Optional.empty(), List.of(), dev.jnp.engine.Ir.line(12));
    dev.jnp.ir.Allowlist elsewhere = new dev.jnp.ir.Allowlist("web", "other", java.util.Map.of("app", "web"),
        List.of(), java.util.Optional.empty(), List.of(), dev.jnp.engine.Ir.line(15));
    List<Diagnostic> found = new ClusterNetworkPolicyBackend().check(new PolicySet(List.of(web, tier, api, elsewhere), List.of()));
    // app=web and tier=front can be one pod, and so can app=api and tier=front; app=api is never
    // app=web; another namespace never overlaps.
    List<Diagnostic> overlaps = found.stream().filter(d -> d.code().equals(Capability.OVERLAPPING_ALLOWLISTS)).toList();
    assertThat(overlaps.stream().map(d -> d.span().line()).toList()).containsExactly(8, 12);
    assertThat(overlaps.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(overlaps.get(0).message()).contains("workloads 'web' and 'front' may select the same pods");
  }

  @Test
  void isDiscoveredByItsEngineName() {
    assertThat(Backends.forEngine(ENGINE).map(b -> b.getClass().getName()))
        .hasValue(ClusterNetworkPolicyBackend.class.getName());
    assertThat(Backends.available()).isEqualTo(Backends.ENGINES);
  }

  @Test
  void everyConstructRendersToValidObjects() {
    List<PolicyObject> objects = render(everything(deny("jaas", 20)));
    assertThat(objects).hasSize(2);
    for (PolicyObject object : objects) {
      assertThat(SchemaValidator.shared().validate(ENGINE, object.tree())).isEmpty();
    }
  }

  @Test
  void objectsAreClusterScopedAndNamedAfterTheirNamespace() {
    List<PolicyObject> objects = render(everything(deny("jaas", 20)));
    assertThat(objects.get(0).name()).isEqualTo("jaas-jaas");
    assertThat(objects.get(1).name()).isEqualTo("jaas-default-deny");
    for (PolicyObject object : objects) {
      assertThat(object.namespace()).isEmpty();
      assertThat(object.tree().keySet()).containsExactly("apiVersion", "kind", "metadata", "spec").inOrder();
      assertThat(at(object.tree(), "metadata"))
          .isEqualTo(map("name", object.name(), "labels", map("app.kubernetes.io/managed-by", "jnp")));
      assertThat(at(object.tree(), "apiVersion")).isEqualTo("policy.networking.k8s.io/v1alpha2");
      assertThat(at(object.tree(), "spec", "tier")).isEqualTo("Baseline");
    }
  }

  @Test
  void subjectIsTheWorkloadsPodsInItsNamespace() {
    Map<?, ?> spec = (Map<?, ?>) at(render(everything(deny("jaas", 20))).get(0).tree(), "spec");
    assertThat(spec.keySet()).containsExactly("tier", "priority", "subject", "ingress", "egress").inOrder();
    assertThat(spec.get("subject"))
        .isEqualTo(
            map(
                "pods",
                map(
                    "namespaceSelector", map("matchLabels", map("kubernetes.io/metadata.name", "jaas")),
                    "podSelector",
                    map("matchLabels", map("app.kubernetes.io/instance", "jaas", "app.kubernetes.io/name", "jaas")))));
  }

  @Test
  void ingressAcceptsThenNativesThenTheClosingDeny() {
    List<Object> ingress = list(render(everything(deny("jaas", 20))).get(0).tree(), "spec", "ingress");
    assertThat(at(ingress, 0))
        .isEqualTo(
            map(
                "action", "Accept",
                "from", List.of(EVERY_POD),
                "protocols", List.of(map("tcp", map("destinationPort", map("number", 8080))))));
    // nodes and the API server are not pods: the closing Deny never stops them; no rule needed.
    assertThat(at(ingress, 1, "from"))
        .isEqualTo(
            List.of(
                map("namespaces", map("matchLabels", map("kubernetes.io/metadata.name", "flux-system"))),
                map("namespaces", map("matchLabels", map("team", "a")))));
    assertThat(at(ingress, 2))
        .isEqualTo(
            map(
                "action", "Accept",
                "from",
                List.of(
                    map(
                        "pods",
                        map(
                            "namespaceSelector", map("matchLabels", map("kubernetes.io/metadata.name", "jaas")),
                            "podSelector", map("matchLabels", map("app", "web")))),
                    map(
                        "pods",
                        map("namespaceSelector", map(), "podSelector", map("matchLabels", map("app", "y"))))),
                "protocols",
                List.of(
                    map("tcp", map("destinationPort", map("number", 8083))),
                    map("tcp", map("destinationPort", map("range", map("start", 30000, "end", 32767)))),
                    map("udp", map("destinationPort", map("number", 8125))))));
    assertThat(at(ingress, 3, "from", 0, "namespaces", "matchLabels")).isEqualTo(map("x", "y"));
    assertThat(at(ingress, 4)).isEqualTo(map("action", "Deny", "from", List.of(EVERY_POD)));
    assertThat(ingress).hasSize(5);
  }

  @Test
  void egressNetworksListWhatRemainsOfACidrAndEndWithTheClosingDeny() {
    List<Object> egress = list(render(everything(deny("jaas", 20))).get(0).tree(), "spec", "egress");
    assertThat(at(egress, 0))
        .isEqualTo(
            map(
                "action", "Accept",
                "to",
                List.of(
                    map(
                        "pods",
                        map(
                            "namespaceSelector", map("matchLabels", map("kubernetes.io/metadata.name", "kube-system")),
                            "podSelector", map("matchLabels", map("k8s-app", "kube-dns"))))),
                "protocols",
                List.of(
                    map("udp", map("destinationPort", map("number", 53))),
                    map("tcp", map("destinationPort", map("number", 53))))));
    assertThat(at(egress, 1, "to")).isEqualTo(List.of(map("networks", List.of("10.0.0.1/32"))));
    assertThat(at(egress, 2, "to"))
        .isEqualTo(
            List.of(
                map(
                    "networks",
                    List.of(
                        "10.0.0.0/16",
                        "10.2.0.0/15",
                        "10.4.0.0/14",
                        "10.8.0.0/13",
                        "10.16.0.0/12",
                        "10.32.0.0/11",
                        "10.64.0.0/10",
                        "10.128.0.0/9"))));
    assertThat(at(egress, 3)).isEqualTo(map("action", "Accept", "to", List.of(EVERY_POD, EVERY_ADDRESS)));
    assertThat(at(egress, 4)).isEqualTo(map("action", "Deny", "to", List.of(EVERY_POD, EVERY_ADDRESS)));
    assertThat(egress).hasSize(5);
  }

  @Test
  void defaultDenyIsSubordinateToTheAllowlists() {
    for (int order : new int[] {1000, 101, 100, 61, 2, 1}) {
      List<PolicyObject> objects = render(everything(deny("jaas", order, 20)));
      PolicyObject deny = objects.get(1);
      int allowlistPriority = (Integer) at(objects.get(0).tree(), "spec", "priority");
      int denyPriority = (Integer) at(deny.tree(), "spec", "priority");
      assertThat(denyPriority).isEqualTo(order);
      assertThat(allowlistPriority).isLessThan(denyPriority);
      assertThat(allowlistPriority).isEqualTo(order <= 100 ? order / 2 : 100);
      assertThat(at(deny.tree(), "spec"))
          .isEqualTo(
              map(
                  "tier", "Baseline",
                  "priority", order,
                  "subject", map("namespaces", map("matchLabels", map("kubernetes.io/metadata.name", "jaas"))),
                  "ingress", List.of(map("action", "Deny", "from", List.of(EVERY_POD))),
                  "egress", List.of(map("action", "Deny", "to", List.of(EVERY_POD, EVERY_ADDRESS)))));
      assertThat(SchemaValidator.shared().validate(ENGINE, deny.tree())).isEmpty();
    }
  }

  @Test
  void withoutAWrittenOrderTheDenyPriorityIsOneThousand() {
    List<PolicyObject> objects = render(everything(deny("jaas", 20)));
    assertThat(at(objects.get(1).tree(), "spec", "priority")).isEqualTo(1000);
    assertThat(at(objects.get(0).tree(), "spec", "priority")).isEqualTo(100);
  }

  @Test
  void aWrittenOrderAboveOneThousandIsAnErrorWithAHint() {
    List<Diagnostic> found = backend.check(everything(deny("jaas", 2000, 20)));
    List<Diagnostic> errors = found.stream().filter(Diagnostic::isError).toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).code()).isEqualTo(Capability.ORDER_OUT_OF_RANGE);
    assertThat(errors.get(0).span().line()).isEqualTo(20);
    assertThat(errors.get(0).message()).contains("0–1000, not 2000");
    assertThat(errors.get(0).hint().orElseThrow()).contains("'order 1000' or less");
  }

  @Test
  void orderZeroIsAnErrorNothingCanPrecedeIt() {
    List<Diagnostic> errors =
        backend.check(everything(deny("jaas", 0, 20))).stream().filter(Diagnostic::isError).toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).code()).isEqualTo(Capability.ORDER_PRECEDES_ALL);
    assertThat(errors.get(0).span().line()).isEqualTo(20);
  }

  @Test
  void nodesAndApiServerSourcesAreNoted() {
    List<Diagnostic> found = backend.check(everything(deny("jaas", 20)));
    assertThat(found.stream().map(d -> d.code() + "@" + d.span().line() + ":" + d.severity()).toList())
        .containsExactly(Capability.NODES_WIDENED + "@4:INFO", Capability.APISERVER_WIDENED + "@6:INFO");
    assertThat(found.get(0).message()).contains("not pods");
  }

  @Test
  void nodesAsADestinationOpensTheRuleToEveryDestination() {
    PolicySet policies =
        new PolicySet(
            List.of(workload("w", "n", List.of(), Optional.of(List.of(dns(5), allow(List.of(tcp(10250)), nodes(6)))))),
            List.of());
    List<Diagnostic> found = backend.check(policies);
    assertThat(found.stream().map(d -> d.code() + "@" + d.span().line()).toList())
        .containsExactly(Capability.NODES_WIDENED + "@6");
    assertThat(found.get(0).message()).contains("every destination");
    assertThat(at(render(policies).get(0).tree(), "spec", "egress", 1, "to"))
        .isEqualTo(List.of(EVERY_POD, EVERY_ADDRESS));
  }

  @Test
  void fqdnIsAnError() {
    PolicySet policies =
        new PolicySet(
            List.of(workload("w", "n", List.of(), Optional.of(List.of(dns(5), allow(List.of(), fqdn("example.com", 6)))))),
            List.of());
    List<Diagnostic> found = backend.check(policies);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).code()).isEqualTo(Capability.UNSUPPORTED_PEER);
    assertThat(found.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(found.get(0).span().line()).isEqualTo(6);
    assertThat(found.get(0).message()).contains("domainNames is experimental");
  }

  @Test
  void anIngressCidrIsAnError() {
    PolicySet policies =
        new PolicySet(
            List.of(workload("w", "n", List.of(allow(List.of(), cidr("10.0.0.0/8", List.of(), 4))), Optional.empty())),
            List.of());
    List<Diagnostic> found = backend.check(policies);
    assertThat(found.stream().map(d -> d.code() + "@" + d.span().line()).toList())
        .containsExactly(Capability.UNSUPPORTED_PEER + "@4");
    assertThat(found.get(0).message()).contains("no CIDR peer for ingress");
  }

  @Test
  void egressToTheApiServerNeedsItsCidrs() {
    PolicySet policies =
        new PolicySet(
            List.of(workload("w", "n", List.of(), Optional.of(List.of(dns(5), allow(List.of(tcp(443)), apiserver(List.of(), 8)))))),
            List.of());
    List<Diagnostic> found = backend.check(policies);
    assertThat(found.stream().map(d -> d.code() + "@" + d.span().line()).toList())
        .containsExactly(Capability.APISERVER_NEEDS_CIDRS + "@8");
  }

  @Test
  void anExceptThatLeavesMoreThanTwentyFiveCidrsIsAnError() {
    PolicySet policies =
        new PolicySet(
            List.of(
                workload(
                    "w",
                    "n",
                    List.of(),
                    Optional.of(List.of(dns(5), allow(List.of(), cidr("0.0.0.0/0", List.of("192.0.2.1/32"), 9)))))),
            List.of());
    List<Diagnostic> found = backend.check(policies);
    assertThat(found.stream().map(d -> d.code() + "@" + d.span().line()).toList())
        .containsExactly(Capability.EXCEPT_TOO_FRAGMENTED + "@9");
    assertThat(found.get(0).message()).contains("32 CIDRs");
  }

  @Test
  void moreThanTwentyFiveRulesIsAnError() {
    List<Rule> ingress = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      ingress.add(allow(List.of(tcp(1000 + i)), ns("n" + i, 10 + i)));
    }
    PolicySet policies = new PolicySet(List.of(workload("w", "n", ingress, Optional.empty())), List.of());
    List<Diagnostic> found = backend.check(policies);
    assertThat(found.stream().map(d -> d.code() + "@" + d.span().line()).toList())
        .containsExactly(Capability.OVER_ENGINE_LIMIT + "@1");
    assertThat(found.get(0).message()).contains("at most 25 ingress rules in one policy, this needs 26");
  }

  @Test
  void moreThanTwentyFivePortsInOneRuleIsAnError() {
    List<dev.jnp.ir.PortRange> ports = new ArrayList<>();
    for (int p = 1000; p < 1026; p++) {
      ports.add(tcp(p));
    }
    PolicySet policies =
        new PolicySet(List.of(workload("w", "n", List.of(allow(ports, ns("a", 6))), Optional.empty())), List.of());
    List<Diagnostic> found = backend.check(policies);
    assertThat(found.stream().map(d -> d.code() + "@" + d.span().line()).toList())
        .containsExactly(Capability.OVER_ENGINE_LIMIT + "@6");
    assertThat(found.get(0).message()).contains("at most 25 ports in one rule, this needs 26");
  }

  @Test
  void moreThanTwentyFivePeersInOneRuleIsAnError() {
    Peer[] peers = new Peer[26];
    for (int i = 0; i < peers.length; i++) {
      peers[i] = ns("n" + i, 6);
    }
    PolicySet policies =
        new PolicySet(List.of(workload("w", "n", List.of(allow(List.of(tcp(80)), peers)), Optional.empty())), List.of());
    List<Diagnostic> found = backend.check(policies);
    assertThat(found.stream().map(d -> d.code() + "@" + d.span().line()).toList())
        .containsExactly(Capability.OVER_ENGINE_LIMIT + "@6");
    assertThat(found.get(0).message()).contains("at most 25 peers in one rule, this needs 26");
  }

  @Test
  void peersThatSpellAlikeAreCountedOnce() {
    // 13 'any' sources: 26 peers if each spelled two, one ({namespaces: {}}) as spelled.
    Peer[] peers = new Peer[13];
    for (int i = 0; i < peers.length; i++) {
      peers[i] = any(6);
    }
    PolicySet policies =
        new PolicySet(List.of(workload("w", "n", List.of(allow(List.of(tcp(80)), peers)), Optional.empty())), List.of());
    assertThat(backend.check(policies)).isEmpty();
  }
}
