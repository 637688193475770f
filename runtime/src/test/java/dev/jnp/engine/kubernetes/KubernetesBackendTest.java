package dev.jnp.engine.kubernetes;

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

import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.engine.Capability;
import dev.jnp.engine.Ir;
import dev.jnp.engine.PolicyObject;
import dev.jnp.ir.Direction;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.Rule;
import dev.jnp.testing.SchemaValidator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The existing kubernetes backend, checked against the Kubernetes 1.35 OpenAPI schema. */
class KubernetesBackendTest {
  private final KubernetesBackend backend = new KubernetesBackend();

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
                pods(Map.of("app", "y"), new NamespaceSelector.All(), 7)),
            allow(List.of(), cidr("10.0.0.0/8", List.of("10.1.0.0/16"), 8)));
    List<Rule> egress =
        List.of(
            dns(11),
            allow(List.of(tcp(6443)), apiserver(List.of("10.0.0.1/32", "10.0.0.2/32"), 12)),
            allow(List.of(tcp(4317)), cidr("198.51.100.10/32", List.of(), 14)));
    return new PolicySet(
        List.of(
            workload(
                "jaas",
                "jaas",
                ingress,
                Optional.of(egress),
                List.of(nativeRules("kubernetes", Direction.EGRESS, map("ports", List.of(map("port", 123, "protocol", "UDP"))))))),
        List.of(deny("jaas", 20)));
  }

  @Test
  void everyConstructRendersToValidObjects() {
    assertThat(backend.check(everything()).stream().filter(Diagnostic::isError).toList()).isEmpty();
    List<PolicyObject> objects = backend.render(everything());
    assertThat(objects).hasSize(2);
    for (PolicyObject object : objects) {
      assertThat(SchemaValidator.shared().validate("kubernetes", object.tree())).isEmpty();
    }
  }

  @Test
  void defaultDenyHasNoRulesOnlyPolicyTypes() {
    PolicyObject deny = backend.render(everything()).get(1);
    assertThat(at(deny.tree(), "spec"))
        .isEqualTo(map("podSelector", map(), "policyTypes", List.of("Ingress", "Egress")));
  }

  @Test
  void nodesAsADestinationIsNotedAsOpenToEveryDestination() {
    PolicySet policies =
        new PolicySet(
            List.of(workload("w", "n", List.of(), Optional.of(List.of(dns(5), allow(List.of(tcp(10250)), nodes(6)))))),
            List.of());
    List<Diagnostic> found = backend.check(policies);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).code()).isEqualTo(Capability.NODES_WIDENED);
    assertThat(found.get(0).span().line()).isEqualTo(6);
    assertThat(found.get(0).message()).contains("every destination");
  }

  @Test
  void everyPodOfTheOwnNamespaceIsAnEmptyPodSelector() {
    // The IR admits 'ns' of the allowlist's own namespace; it used to throw here.
    PolicySet policies =
        new PolicySet(
            List.of(
                workload(
                    "w",
                    "n",
                    List.of(
                        allow(
                            List.of(tcp(80)),
                            new Peer.Namespaces(new NamespaceSelector.Own(), Ir.line(3)))),
                    Optional.empty())),
            List.of());
    PolicyObject object = backend.render(policies).get(0);
    assertThat(at(object.tree(), "spec", "ingress", 0, "from"))
        .isEqualTo(List.of(map("podSelector", map())));
    assertThat(SchemaValidator.shared().validate("kubernetes", object.tree())).isEmpty();
  }

  @Test
  void fqdnIsAnError() {
    PolicySet policies =
        new PolicySet(
            List.of(workload("w", "n", List.of(), Optional.of(List.of(dns(5), allow(List.of(), fqdn("example.com", 6)))))),
            List.of());
    assertThat(backend.check(policies).stream().map(d -> d.code() + "@" + d.span().line()).toList())
        .containsExactly(Capability.UNSUPPORTED_PEER + "@6");
  }
}
