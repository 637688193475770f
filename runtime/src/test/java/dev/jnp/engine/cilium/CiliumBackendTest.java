package dev.jnp.engine.cilium;

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
import static dev.jnp.engine.Trees.hasKeyAnywhere;
import static dev.jnp.engine.Trees.list;

import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Severity;
import dev.jnp.engine.Backends;
import dev.jnp.engine.Capability;
import dev.jnp.engine.PolicyObject;
import dev.jnp.ir.Direction;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Rule;
import dev.jnp.testing.SchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CiliumBackendTest {
  private final CiliumBackend backend = new CiliumBackend();

  /** One workload that uses every construct Cilium can spell, and a default-deny. */
  private static PolicySet everything() {
    List<Rule> ingress =
        List.of(
            allow(List.of(tcp(8080)), any(3)),
            allow(List.of(tcp(8081)), nodes(4)),
            allow(List.of(tcp(8082)), ns("flux-system", 5), nsWhere(Map.of("team", "a"), 5)),
            allow(List.of(tcp(9443)), apiserver(List.of(), 6)),
            allow(
                List.of(tcp(8083), tcp(30000, 32767), udp(8125)),
                pods(Map.of("app", "web"), new NamespaceSelector.Own(), 7),
                pods(Map.of("app", "prom"), new NamespaceSelector.Named("monitoring"), 7),
                pods(Map.of("app", "x"), new NamespaceSelector.Labelled(Map.of("team", "b")), 7),
                pods(Map.of("app", "y"), new NamespaceSelector.All(), 7)),
            allow(List.of(), cidr("10.0.0.0/8", List.of("10.1.0.0/16"), 8)));
    List<Rule> egress =
        List.of(
            dns(11),
            allow(List.of(tcp(443)), apiserver(List.of("10.0.0.1/32"), 12)),
            allow(List.of(tcp(443)), fqdn("bucket.example.com", 13), fqdn("*.example.org", 13)),
            allow(List.of(tcp(4317)), cidr("198.51.100.10/32", List.of(), 14)),
            allow(List.of(), ns("flux-system", 15)));
    return new PolicySet(
        List.of(
            workload(
                "jaas",
                "jaas",
                ingress,
                Optional.of(egress),
                List.of(
                    nativeRules(
                        "cilium",
                        Direction.INGRESS,
                        map("fromEntities", List.of("health"))),
                    nativeRules("calico", Direction.INGRESS, map("action", "Allow"))))),
        List.of(deny("jaas", 20)));
  }

  @Test
  void aFieldNamesEachItemOnceInTheOrderThePeersFirstNameIt() {
    Rule rule = allow(
        List.of(tcp(8080)),
        ns("a", 3), nodes(3), pods(Map.of("app", "web"), new NamespaceSelector.Own(), 3), ns("b", 3),
        nodes(3), ns("a", 3), pods(Map.of("app", "web"), new NamespaceSelector.Own(), 3), any(3));
    PolicySet policies = new PolicySet(List.of(workload("w", "shop", List.of(rule), Optional.empty())), List.of());
    Map<String, Object> tree = render(policies).get(0).tree();
    List<Object> ingress = list(tree, "spec", "ingress");
    assertThat(ingress).hasSize(2);
    assertThat(list(ingress.get(0), "fromEndpoints")).hasSize(3);
    assertThat(list(ingress.get(1), "fromEntities")).containsExactly("host", "remote-node", "all").inOrder();
  }

  private List<PolicyObject> render(PolicySet policies) {
    assertThat(backend.check(policies).stream().filter(Diagnostic::isError).toList()).isEmpty();
    return backend.render(policies);
  }

  @Test
  void isDiscoveredByItsEngineName() {
    assertThat(Backends.forEngine("cilium").map(b -> b.getClass().getName()))
        .hasValue(CiliumBackend.class.getName());
  }

  @Test
  void everyConstructRendersToValidObjects() {
    List<PolicyObject> objects = render(everything());
    assertThat(objects).hasSize(2);
    for (PolicyObject object : objects) {
      assertThat(SchemaValidator.shared().validate("cilium", object.tree())).isEmpty();
    }
  }

  @Test
  void objectsHaveKubectlKeyOrderAndTheManagedByLabel() {
    PolicyObject allowlist = render(everything()).get(0);
    assertThat(allowlist.tree().keySet())
        .containsExactly("apiVersion", "kind", "metadata", "spec")
        .inOrder();
    assertThat(at(allowlist.tree(), "apiVersion")).isEqualTo("cilium.io/v2");
    assertThat(at(allowlist.tree(), "kind")).isEqualTo("CiliumNetworkPolicy");
    assertThat(((Map<?, ?>) at(allowlist.tree(), "metadata")).keySet())
        .containsExactly("name", "namespace", "labels")
        .inOrder();
    assertThat(at(allowlist.tree(), "metadata", "labels"))
        .isEqualTo(Map.of("app.kubernetes.io/managed-by", "jnp"));
    assertThat(at(allowlist.tree(), "spec", "endpointSelector", "matchLabels"))
        .isEqualTo(Map.of("app.kubernetes.io/instance", "jaas", "app.kubernetes.io/name", "jaas"));
    assertThat(allowlist.namespace()).hasValue("jaas");
  }

  @Test
  void peersAreSpelledAsEntitiesEndpointsAndCidrSets() {
    List<Object> ingress = list(render(everything()).get(0).tree(), "spec", "ingress");
    assertThat(at(ingress, 0)).isEqualTo(
        map(
            "fromEntities", List.of("all"),
            "toPorts", List.of(map("ports", List.of(map("port", "8080", "protocol", "TCP"))))));
    assertThat(at(ingress, 1, "fromEntities")).isEqualTo(List.of("host", "remote-node"));
    assertThat(at(ingress, 2, "fromEndpoints"))
        .isEqualTo(
            List.of(
                map("matchLabels", map("k8s:io.kubernetes.pod.namespace", "flux-system")),
                map("matchLabels", map("io.cilium.k8s.namespace.labels.team", "a"))));
    assertThat(at(ingress, 3, "fromEntities")).isEqualTo(List.of("kube-apiserver"));
    assertThat(at(ingress, 4, "fromEndpoints"))
        .isEqualTo(
            List.of(
                map("matchLabels", map("app", "web", "k8s:io.kubernetes.pod.namespace", "jaas")),
                map(
                    "matchLabels",
                    map("app", "prom", "k8s:io.kubernetes.pod.namespace", "monitoring")),
                map("matchLabels", map("app", "x", "io.cilium.k8s.namespace.labels.team", "b")),
                map(
                    "matchLabels",
                    map("app", "y"),
                    "matchExpressions",
                    List.of(map("key", "k8s:io.kubernetes.pod.namespace", "operator", "Exists")))));
    assertThat(at(ingress, 5))
        .isEqualTo(
            map("fromCIDRSet", List.of(map("cidr", "10.0.0.0/8", "except", List.of("10.1.0.0/16")))));
  }

  @Test
  void portsAreStringsAndRangesUseEndPort() {
    Object toPorts = at(render(everything()).get(0).tree(), "spec", "ingress", 4, "toPorts");
    assertThat(toPorts)
        .isEqualTo(
            List.of(
                map(
                    "ports",
                    List.of(
                        map("port", "8083", "protocol", "TCP"),
                        map("port", "30000", "endPort", 32767, "protocol", "TCP"),
                        map("port", "8125", "protocol", "UDP")))));
  }

  @Test
  void moreThanFortyPortsAreSplitAcrossPortRules() {
    List<PortRange> ports = new ArrayList<>();
    for (int p = 1000; p < 1045; p++) {
      ports.add(tcp(p));
    }
    PolicySet policies =
        new PolicySet(
            List.of(workload("w", "n", List.of(allow(ports, any(3))), Optional.empty())),
            List.of());
    PolicyObject object = render(policies).get(0);
    assertThat(list(object.tree(), "spec", "ingress", 0, "toPorts", 0, "ports")).hasSize(40);
    assertThat(list(object.tree(), "spec", "ingress", 0, "toPorts", 1, "ports")).hasSize(5);
    assertThat(SchemaValidator.shared().validate("cilium", object.tree())).isEmpty();
  }

  @Test
  void dnsRuleUsesBothKeysPortFiftyThreeAnyAndTheDnsProxyWhenFqdnsAreUsed() {
    List<Object> egress = list(render(everything()).get(0).tree(), "spec", "egress");
    assertThat(at(egress, 0))
        .isEqualTo(
            map(
                "toEndpoints",
                List.of(
                    map(
                        "matchLabels",
                        map("k8s-app", "kube-dns", "k8s:io.kubernetes.pod.namespace", "kube-system"))),
                "toPorts",
                List.of(
                    map(
                        "ports",
                        List.of(map("port", "53", "protocol", "ANY")),
                        "rules",
                        map("dns", List.of(map("matchPattern", "*")))))));
    assertThat(at(egress, 1, "toEntities")).isEqualTo(List.of("kube-apiserver"));
    assertThat(at(egress, 2, "toFQDNs"))
        .isEqualTo(List.of(map("matchName", "bucket.example.com"), map("matchPattern", "*.example.org")));
    assertThat(at(egress, 2, "toPorts", 0, "ports"))
        .isEqualTo(List.of(map("port", "443", "protocol", "TCP")));
  }

  @Test
  void dnsRuleHasNoL7RulesWithoutFqdnPeers() {
    PolicySet policies =
        new PolicySet(
            List.of(workload("w", "n", List.of(), Optional.of(List.of(dns(5))))), List.of());
    Object toPorts = at(render(policies).get(0).tree(), "spec", "egress", 0, "toPorts");
    assertThat(toPorts).isEqualTo(List.of(map("ports", List.of(map("port", "53", "protocol", "ANY")))));
  }

  @Test
  void oneRuleWithPeersOfSeveralKindsBecomesOneCiliumRulePerKind() {
    PolicySet policies =
        new PolicySet(
            List.of(
                workload(
                    "w",
                    "n",
                    List.of(
                        allow(
                            List.of(tcp(80)),
                            ns("a", 3),
                            cidr("192.0.2.0/24", List.of(), 3),
                            nodes(3),
                            ns("b", 3),
                            any(3))),
                    Optional.empty())),
            List.of());
    List<Object> ingress = list(render(policies).get(0).tree(), "spec", "ingress");
    assertThat(ingress).hasSize(3);
    assertThat(list(ingress, 0, "fromEndpoints")).hasSize(2);
    assertThat(list(ingress, 1, "fromCIDRSet")).hasSize(1);
    assertThat(at(ingress, 2, "fromEntities")).isEqualTo(List.of("host", "remote-node", "all"));
    for (Object rule : ingress) {
      assertThat(at(rule, "toPorts", 0, "ports", 0, "port")).isEqualTo("80");
    }
  }

  @Test
  void nativeItemsOfThisEngineFollowTheGeneratedRules() {
    List<Object> ingress = list(render(everything()).get(0).tree(), "spec", "ingress");
    assertThat(ingress).hasSize(7);
    assertThat(ingress.get(6)).isEqualTo(map("fromEntities", List.of("health")));
  }

  @Test
  void governedDirectionWithoutRulesIsTheEmptyRuleNeverAnEmptyList() {
    PolicySet policies =
        new PolicySet(List.of(workload("w", "n", List.of(), Optional.of(List.of()))), List.of());
    PolicyObject object = render(policies).get(0);
    assertThat(at(object.tree(), "spec", "ingress")).isEqualTo(List.of(map()));
    assertThat(at(object.tree(), "spec", "egress")).isEqualTo(List.of(map()));
    assertThat(SchemaValidator.shared().validate("cilium", object.tree())).isEmpty();
  }

  @Test
  void ungovernedEgressIsLeftOut() {
    PolicySet policies =
        new PolicySet(
            List.of(workload("w", "n", List.of(allow(List.of(), any(3))), Optional.empty())),
            List.of());
    assertThat(at(render(policies).get(0).tree(), "spec")).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) at(render(policies).get(0).tree(), "spec")).containsKey("egress"))
        .isFalse();
  }

  @Test
  void defaultDenyIsSubordinateToTheAllowlists() {
    List<PolicyObject> objects = render(everything());
    PolicyObject deny = objects.get(1);
    assertThat(deny.name()).isEqualTo("default-deny");
    assertThat(deny.namespace()).hasValue("jaas");
    assertThat(at(deny.tree(), "spec"))
        .isEqualTo(
            map(
                "endpointSelector", map(),
                "ingress", List.of(map()),
                "egress", List.of(map())));
    // Deny rules would beat every allow; the deny-all must only isolate, as an empty rule does.
    for (PolicyObject object : objects) {
      assertThat(hasKeyAnywhere(object.tree(), "ingressDeny")).isFalse();
      assertThat(hasKeyAnywhere(object.tree(), "egressDeny")).isFalse();
    }
    assertThat(SchemaValidator.shared().validate("cilium", deny.tree())).isEmpty();
  }

  @Test
  void aDefaultDenyForOneDirectionIsolatesOnlyThatDirection() {
    PolicySet policies =
        new PolicySet(
            List.of(),
            List.of(
                new dev.jnp.ir.DefaultDeny(
                    "n", java.util.Set.of(Direction.EGRESS), 2000, false, dev.jnp.engine.Ir.line(4))));
    PolicyObject deny = render(policies).get(0);
    assertThat(at(deny.tree(), "spec")).isEqualTo(map("endpointSelector", map(), "egress", List.of(map())));
  }

  @Test
  void everythingCiliumCanSpellGivesNoDiagnostics() {
    assertThat(backend.check(everything())).isEmpty();
  }

  @Test
  void fqdnWithoutAllowDnsIsAnErrorAtThePeer() {
    PolicySet policies =
        new PolicySet(
            List.of(
                workload(
                    "w",
                    "n",
                    List.of(),
                    Optional.of(List.of(allow(List.of(tcp(443)), fqdn("example.com", 7)))))),
            List.of());
    List<Diagnostic> found = backend.check(policies);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).code()).isEqualTo(Capability.FQDN_NEEDS_DNS_RULE);
    assertThat(found.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(found.get(0).span().line()).isEqualTo(7);
    assertThat(found.get(0).message()).contains("allow dns");
  }

  @Test
  void fqdnAsASourceIsAnError() {
    PolicySet policies =
        new PolicySet(
            List.of(
                workload(
                    "w", "n", List.of(allow(List.of(), fqdn("example.com", 4))), Optional.empty())),
            List.of());
    List<Diagnostic> found = backend.check(policies);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).code()).isEqualTo(Capability.UNSUPPORTED_PEER);
    assertThat(found.get(0).span().line()).isEqualTo(4);
  }
}
