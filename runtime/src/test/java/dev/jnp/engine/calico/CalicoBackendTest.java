package dev.jnp.engine.calico;

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
import dev.jnp.ir.Direction;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.Rule;
import dev.jnp.testing.SchemaValidator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalicoBackendTest {
  private final CalicoBackend backend = new CalicoBackend();

  /** One workload that uses every construct Calico can spell, and a default-deny. */
  private static PolicySet everything(int denyOrder) {
    List<Rule> ingress =
        List.of(
            allow(List.of(tcp(8080)), any(3)),
            allow(List.of(tcp(8081)), nodes(4)),
            allow(List.of(tcp(8082)), ns("flux-system", 5), nsWhere(Map.of("team", "a"), 5)),
            allow(List.of(tcp(9443)), apiserver(List.of(), 6)),
            allow(
                List.of(tcp(8083), tcp(30000, 32767), udp(8125)),
                pods(Map.of("app", "web"), new NamespaceSelector.Own(), 7)),
            allow(List.of(), pods(Map.of("app", "y"), new NamespaceSelector.All(), 8)),
            allow(List.of(), cidr("10.0.0.0/8", List.of("10.1.0.0/16", "10.2.0.0/16"), 9)));
    List<Rule> egress =
        List.of(
            dns(11),
            allow(List.of(tcp(443)), apiserver(List.of("10.0.0.1/32"), 12)),
            allow(List.of(tcp(4317)), cidr("198.51.100.10/32", List.of(), 14)),
            allow(List.of(), pods(Map.of("app", "z"), new NamespaceSelector.Labelled(Map.of("team", "b")), 15)),
            allow(List.of(tcp(443)), any(16)));
    return new PolicySet(
        List.of(
            workload(
                "jaas",
                "jaas",
                ingress,
                Optional.of(egress),
                List.of(
                    nativeRules("calico", Direction.EGRESS, map("action", "Deny", "protocol", "TCP")),
                    nativeRules("cilium", Direction.EGRESS, map("toEntities", List.of("world")))))),
        List.of(deny("jaas", denyOrder, 20)));
  }

  private List<PolicyObject> render(PolicySet policies) {
    assertThat(backend.check(policies).stream().filter(Diagnostic::isError).toList()).isEmpty();
    return backend.render(policies);
  }

  @Test
  void isDiscoveredByItsEngineName() {
    assertThat(Backends.forEngine("calico").map(b -> b.getClass().getName()))
        .hasValue(CalicoBackend.class.getName());
  }

  @Test
  void everyConstructRendersToValidObjects() {
    List<PolicyObject> objects = render(everything(2000));
    assertThat(objects).hasSize(2);
    for (PolicyObject object : objects) {
      assertThat(SchemaValidator.shared().validate("calico", object.tree())).isEmpty();
    }
  }

  @Test
  void allowlistHasExplicitOrderSelectorAndTypes() {
    PolicyObject allowlist = render(everything(2000)).get(0);
    assertThat(allowlist.tree().keySet())
        .containsExactly("apiVersion", "kind", "metadata", "spec")
        .inOrder();
    assertThat(at(allowlist.tree(), "apiVersion")).isEqualTo("projectcalico.org/v3");
    assertThat(at(allowlist.tree(), "metadata"))
        .isEqualTo(
            map("name", "jaas", "namespace", "jaas", "labels", map("app.kubernetes.io/managed-by", "jnp")));
    Map<?, ?> spec = (Map<?, ?>) at(allowlist.tree(), "spec");
    assertThat(spec.keySet()).containsExactly("order", "selector", "types", "ingress", "egress").inOrder();
    assertThat(spec.get("order")).isEqualTo(1000);
    assertThat(spec.get("selector"))
        .isEqualTo("app.kubernetes.io/instance == 'jaas' && app.kubernetes.io/name == 'jaas'");
    assertThat(spec.get("types")).isEqualTo(List.of("Ingress", "Egress"));
  }

  @Test
  void ingressPeersAreSourcesAndPortsAreOnTheDestination() {
    List<Object> ingress = list(render(everything(2000)).get(0).tree(), "spec", "ingress");
    assertThat(at(ingress, 0))
        .isEqualTo(map("action", "Allow", "protocol", "TCP", "destination", map("ports", List.of(8080))));
    // nodes and the API server cannot be selected: the port is open to every source.
    assertThat(at(ingress, 1)).isEqualTo(
        map("action", "Allow", "protocol", "TCP", "destination", map("ports", List.of(8081))));
    assertThat(at(ingress, 2, "source"))
        .isEqualTo(map("namespaceSelector", "kubernetes.io/metadata.name == 'flux-system'"));
    assertThat(at(ingress, 3, "source")).isEqualTo(map("namespaceSelector", "team == 'a'"));
    assertThat(at(ingress, 4)).isEqualTo(
        map("action", "Allow", "protocol", "TCP", "destination", map("ports", List.of(9443))));
    // One rule per protocol; ranges are "A:B".
    assertThat(at(ingress, 5))
        .isEqualTo(
            map(
                "action", "Allow",
                "protocol", "TCP",
                "source", map("selector", "app == 'web'"),
                "destination", map("ports", List.of(8083, "30000:32767"))));
    assertThat(at(ingress, 6))
        .isEqualTo(
            map(
                "action", "Allow",
                "protocol", "UDP",
                "source", map("selector", "app == 'web'"),
                "destination", map("ports", List.of(8125))));
    assertThat(at(ingress, 7))
        .isEqualTo(map("action", "Allow", "source", map("selector", "app == 'y'", "namespaceSelector", "all()")));
    assertThat(at(ingress, 8))
        .isEqualTo(
            map(
                "action", "Allow",
                "source", map("nets", List.of("10.0.0.0/8"), "notNets", List.of("10.1.0.0/16", "10.2.0.0/16"))));
    assertThat(ingress).hasSize(9);
  }

  @Test
  void dnsIsOneRulePerProtocolToKubeDnsNeverFiftyThreeToAnywhere() {
    List<Object> egress = list(render(everything(2000)).get(0).tree(), "spec", "egress");
    Map<String, Object> kubeDns =
        map(
            "selector", "k8s-app == 'kube-dns'",
            "namespaceSelector", "kubernetes.io/metadata.name == 'kube-system'",
            "ports", List.of(53));
    assertThat(at(egress, 0)).isEqualTo(map("action", "Allow", "protocol", "UDP", "destination", kubeDns));
    assertThat(at(egress, 1)).isEqualTo(map("action", "Allow", "protocol", "TCP", "destination", kubeDns));
  }

  @Test
  void egressToTheApiServerIsTheKubernetesServiceWithoutPorts() {
    List<Object> egress = list(render(everything(2000)).get(0).tree(), "spec", "egress");
    assertThat(at(egress, 2))
        .isEqualTo(
            map(
                "action", "Allow",
                "protocol", "TCP",
                "destination", map("services", map("name", "kubernetes", "namespace", "default"))));
  }

  @Test
  void otherEgressPeersAndNativeItems() {
    List<Object> egress = list(render(everything(2000)).get(0).tree(), "spec", "egress");
    assertThat(at(egress, 3, "destination"))
        .isEqualTo(map("nets", List.of("198.51.100.10/32"), "ports", List.of(4317)));
    assertThat(at(egress, 4, "destination"))
        .isEqualTo(map("selector", "app == 'z'", "namespaceSelector", "team == 'b'"));
    assertThat(at(egress, 5))
        .isEqualTo(map("action", "Allow", "protocol", "TCP", "destination", map("ports", List.of(443))));
    assertThat(at(egress, 6)).isEqualTo(map("action", "Deny", "protocol", "TCP"));
    assertThat(egress).hasSize(7);
  }

  @Test
  void defaultDenyIsSubordinateToTheAllowlists() {
    for (int denyOrder : new int[] {2000, 1001, 1000, 601, 3, 1}) {
      List<PolicyObject> objects = render(everything(denyOrder));
      PolicyObject deny = objects.get(1);
      assertThat(deny.name()).isEqualTo("default-deny");
      assertThat(at(deny.tree(), "spec"))
          .isEqualTo(map("order", denyOrder, "selector", "all()", "types", List.of("Ingress", "Egress")));
      Number allowlistOrder = (Number) at(objects.get(0).tree(), "spec", "order");
      Number order = (Number) at(deny.tree(), "spec", "order");
      assertThat(allowlistOrder.doubleValue()).isLessThan(order.doubleValue());
      assertThat(allowlistOrder).isEqualTo(denyOrder <= 1000 ? denyOrder / 2 : 1000);
      assertThat(SchemaValidator.shared().validate("calico", deny.tree())).isEmpty();
    }
  }

  @Test
  void theDefaultDenyOrderIsTwoThousandWhenNoneIsWritten() {
    PolicySet policies =
        new PolicySet(
            List.of(workload("w", "n", List.of(), Optional.empty())), List.of(deny("n", 4)));
    List<PolicyObject> objects = render(policies);
    assertThat(at(objects.get(1).tree(), "spec", "order")).isEqualTo(2000);
    assertThat(at(objects.get(0).tree(), "spec", "order")).isEqualTo(1000);
    // An allowlist with no rules: explicit types, no rule lists: the tier's end denies.
    assertThat(at(objects.get(0).tree(), "spec"))
        .isEqualTo(
            map(
                "order", 1000,
                "selector", "app.kubernetes.io/instance == 'w' && app.kubernetes.io/name == 'w'",
                "types", List.of("Ingress")));
  }

  @Test
  void orderZeroIsAnErrorNothingCanPrecedeIt() {
    List<Diagnostic> found = backend.check(everything(0));
    assertThat(found.stream().filter(Diagnostic::isError).map(Diagnostic::code).toList())
        .containsExactly(Capability.ORDER_PRECEDES_ALL);
    Diagnostic error = found.stream().filter(Diagnostic::isError).findFirst().orElseThrow();
    assertThat(error.span().line()).isEqualTo(20);
    assertThat(error.message()).contains("nothing can precede it");
  }

  @Test
  void fqdnIsAnErrorBecauseOssCalicoHasNoFqdnEgress() {
    PolicySet policies =
        new PolicySet(
            List.of(
                workload(
                    "w",
                    "n",
                    List.of(),
                    Optional.of(List.of(dns(5), allow(List.of(tcp(443)), fqdn("example.com", 6)))))),
            List.of());
    List<Diagnostic> found = backend.check(policies);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).code()).isEqualTo(Capability.UNSUPPORTED_PEER);
    assertThat(found.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(found.get(0).span().line()).isEqualTo(6);
    assertThat(found.get(0).message()).contains("OSS Calico has no FQDN egress");
  }

  @Test
  void nodesAndApiServerSourcesAreNotedWhereTheOutputIsWider() {
    List<Diagnostic> found = backend.check(everything(2000));
    assertThat(found.stream().map(d -> d.code() + "@" + d.span().line() + ":" + d.severity()).toList())
        .containsExactly(
            Capability.NODES_WIDENED + "@4:INFO", Capability.APISERVER_WIDENED + "@6:INFO");
  }

  @Test
  void nodesAsADestinationIsNotedAsOpenToEveryDestination() {
    PolicySet policies =
        new PolicySet(
            List.of(
                workload(
                    "w", "n", List.of(), Optional.of(List.of(dns(5), allow(List.of(tcp(10250)), nodes(6)))))),
            List.of());
    List<Diagnostic> found = backend.check(policies);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).code()).isEqualTo(Capability.NODES_WIDENED);
    assertThat(found.get(0).message()).contains("every destination");
    assertThat(at(render(policies).get(0).tree(), "spec", "egress", 2))
        .isEqualTo(map("action", "Allow", "protocol", "TCP", "destination", map("ports", List.of(10250))));
  }

  @Test
  void moreExceptsThanNotNetsHoldsIsAnError() {
    List<String> except = new java.util.ArrayList<>();
    for (int i = 0; i < 257; i++) {
      except.add("10." + (i / 256) + "." + (i % 256) + ".0/24");
    }
    PolicySet policies =
        new PolicySet(
            List.of(workload("w", "n", List.of(allow(List.of(), cidr("10.0.0.0/8", except, 9))), Optional.empty())),
            List.of());
    List<Diagnostic> found = backend.check(policies);
    assertThat(found.stream().map(d -> d.code() + "@" + d.span().line()).toList())
        .containsExactly(Capability.OVER_ENGINE_LIMIT + "@9");
    assertThat(found.get(0).message()).contains("at most 256");
  }

  @Test
  void moreThanFiftyPortsAreSplitAcrossRules() {
    List<dev.jnp.ir.PortRange> ports = new java.util.ArrayList<>();
    for (int p = 1000; p < 1060; p++) {
      ports.add(tcp(p));
    }
    PolicySet policies =
        new PolicySet(List.of(workload("w", "n", List.of(allow(ports, any(3))), Optional.empty())), List.of());
    PolicyObject object = render(policies).get(0);
    assertThat(list(object.tree(), "spec", "ingress", 0, "destination", "ports")).hasSize(50);
    assertThat(list(object.tree(), "spec", "ingress", 1, "destination", "ports")).hasSize(10);
    assertThat(SchemaValidator.shared().validate("calico", object.tree())).isEmpty();
  }

  @Test
  void moreRulesThanAPolicyHoldsIsAnError() {
    List<Rule> ingress = new java.util.ArrayList<>();
    for (int i = 0; i < 1025; i++) {
      ingress.add(allow(List.of(tcp(1000 + i)), ns("n" + i, 10)));
    }
    List<Diagnostic> found = backend.check(new PolicySet(List.of(workload("w", "n", ingress, Optional.empty())), List.of()));
    assertThat(found.stream().map(d -> d.code() + "@" + d.span().line()).toList())
        .containsExactly(Capability.OVER_ENGINE_LIMIT + "@1");
    assertThat(found.get(0).message()).contains("at most 1024 ingress rules in one policy, this needs 1025");

    List<Rule> fewer = ingress.subList(0, 1024);
    assertThat(backend.check(new PolicySet(List.of(workload("w", "n", fewer, Optional.empty())), List.of()))).isEmpty();
  }

  @Test
  void manyPortsOfOneProtocolAreCountedAsTheRulesTheySpell() {
    // 9 rules x 120 ports: 1,080 rules if each port were one, 27 as spelled (50 ports a rule).
    List<dev.jnp.ir.PortRange> ports = new java.util.ArrayList<>();
    for (int p = 1000; p < 1120; p++) {
      ports.add(tcp(p));
    }
    List<Rule> ingress = new java.util.ArrayList<>();
    for (int i = 0; i < 9; i++) {
      ingress.add(allow(ports, ns("n" + i, 10)));
    }
    PolicySet policies = new PolicySet(List.of(workload("w", "n", ingress, Optional.empty())), List.of());
    assertThat(backend.check(policies)).isEmpty();
    assertThat(list(render(policies).get(0).tree(), "spec", "ingress")).hasSize(27);
  }
}
