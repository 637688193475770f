package dev.jnp.testing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The validator must accept what the API server accepts, and reject what it would not. */
class SchemaValidatorTest {
  private static final SchemaValidator VALIDATOR = SchemaValidator.shared();

  private static final String KUBERNETES =
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: web
        namespace: shop
        labels:
          app.kubernetes.io/managed-by: jnp
      spec:
        podSelector:
          matchLabels:
            app: web
        policyTypes: [Ingress, Egress]
        ingress:
        - from:
          - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
            podSelector: {matchLabels: {app: prom}}
          - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
          ports:
          - {protocol: TCP, port: 8080}
          - {protocol: TCP, port: 30000, endPort: 32767}
          - {port: metrics}
        egress:
        - to:
          - podSelector: {}
      """;

  /** Cilium's own FQDN example (examples/policies/l3/fqdn/fqdn.yaml), plus a deny-all. */
  private static final String CILIUM =
      """
      apiVersion: cilium.io/v2
      kind: CiliumNetworkPolicy
      metadata:
        name: fqdn
        namespace: default
      spec:
        endpointSelector:
          matchLabels:
            org: empire
        ingress:
        - {}
        egress:
        - toEndpoints:
          - matchLabels:
              "k8s:io.kubernetes.pod.namespace": kube-system
              "k8s:k8s-app": kube-dns
          toPorts:
          - ports:
            - port: "53"
              protocol: ANY
            rules:
              dns:
              - matchPattern: "*"
        - toFQDNs:
          - matchName: "my-remote-service.com"
        - toCIDRSet:
          - {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
          toPorts:
          - ports: [{port: "8000", endPort: 8100, protocol: TCP}]
      """;

  private static final String CALICO =
      """
      apiVersion: projectcalico.org/v3
      kind: NetworkPolicy
      metadata:
        name: web
        namespace: shop
      spec:
        order: 1000
        selector: app == 'web'
        types: [Ingress, Egress]
        ingress:
        - action: Allow
          protocol: TCP
          source: {nets: [10.0.0.0/8], notNets: [10.1.0.0/16]}
          destination: {ports: [8080, "30000:32767"]}
        egress:
        - action: Allow
          protocol: TCP
          destination: {services: {name: kubernetes, namespace: default}}
        - action: Allow
          protocol: UDP
          destination:
            selector: k8s-app == 'kube-dns'
            namespaceSelector: kubernetes.io/metadata.name == 'kube-system'
            ports: [53]
      """;

  private static final String CLUSTER_NETWORK_POLICY =
      """
      apiVersion: policy.networking.k8s.io/v1alpha2
      kind: ClusterNetworkPolicy
      metadata:
        name: shop-web
        labels: {app.kubernetes.io/managed-by: jnp}
      spec:
        tier: Baseline
        priority: 100
        subject:
          pods:
            namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: shop}}
            podSelector: {matchLabels: {app: web}}
        ingress:
        - action: Accept
          from: [{namespaces: {}}]
          protocols: [{tcp: {destinationPort: {number: 8080}}}]
        - action: Deny
          from: [{namespaces: {}}]
        egress:
        - action: Accept
          to: [{networks: [10.0.0.0/9, "2001:db8::/32"]}]
          protocols: [{udp: {destinationPort: {range: {start: 30000, end: 32767}}}}]
        - action: Deny
          to: [{namespaces: {}}, {networks: [0.0.0.0/0, "::/0"]}]
      """;

  @Test
  void knownGoodObjectsPass() {
    assertThat(VALIDATOR.validateYaml("kubernetes", KUBERNETES)).isEmpty();
    assertThat(VALIDATOR.validateYaml("cilium", CILIUM)).isEmpty();
    assertThat(VALIDATOR.validateYaml("calico", CALICO)).isEmpty();
    assertThat(VALIDATOR.validateYaml("clusterNetworkPolicy", CLUSTER_NETWORK_POLICY)).isEmpty();
  }

  @Test
  void everyDocumentOfAStreamIsChecked() {
    assertThat(VALIDATOR.validateYaml("kubernetes", KUBERNETES + "---\n" + KUBERNETES)).isEmpty();
    assertThat(
            VALIDATOR.validateYaml(
                "kubernetes", KUBERNETES + "---\n" + KUBERNETES.replace("podSelector: {}", "podSelectr: {}")))
        .hasSize(1);
  }

  @Test
  void unknownFieldsAreRejected() {
    assertThat(VALIDATOR.validateYaml("kubernetes", KUBERNETES.replace("policyTypes", "policyType")))
        .containsExactly(
            "NetworkPolicy/web: $.spec: property 'policyType' is not defined in the schema and the"
                + " schema does not allow additional properties");
    assertThat(VALIDATOR.validateYaml("cilium", CILIUM.replace("- {}", "- {fromEverywhere: true}")))
        .hasSize(1);
    assertThat(VALIDATOR.validateYaml("calico", CALICO.replace("nets: [10.0.0.0/8]", "net: [10.0.0.0/8]")))
        .hasSize(1);
    assertThat(
            VALIDATOR.validateYaml(
                "clusterNetworkPolicy", CLUSTER_NETWORK_POLICY.replace("tier: Baseline", "tier: Baseline\n  name: x")))
        .hasSize(1);
  }

  @Test
  void unknownMetadataFieldsOfCustomResourcesAreRejected() {
    assertThat(VALIDATOR.validateYaml("cilium", CILIUM.replace("namespace: default", "namespace: default\n  nmae: x")))
        .hasSize(1);
  }

  @Test
  void wrongTypesAreRejected() {
    assertThat(VALIDATOR.validateYaml("cilium", CILIUM.replace("port: \"53\"", "port: 53")))
        .containsExactly(
            "CiliumNetworkPolicy/fqdn: $.spec.egress[0].toPorts[0].ports[0].port: integer found,"
                + " string expected");
    assertThat(VALIDATOR.validateYaml("kubernetes", KUBERNETES.replace("endPort: 32767", "endPort: \"32767\"")))
        .isNotEmpty();
    assertThat(VALIDATOR.validateYaml("calico", CALICO.replace("order: 1000", "order: first"))).isNotEmpty();
    assertThat(
            VALIDATOR.validateYaml(
                "clusterNetworkPolicy", CLUSTER_NETWORK_POLICY.replace("priority: 100", "priority: 2000")))
        .isNotEmpty();
  }

  @Test
  void enumsAndFormatsAreChecked() {
    assertThat(VALIDATOR.validateYaml("cilium", CILIUM.replace("protocol: ANY", "protocol: ICMP"))).isNotEmpty();
    assertThat(VALIDATOR.validateYaml("cilium", CILIUM.replace("cidr: 10.0.0.0/8", "cidr: 10.0.0.0/80")))
        .isNotEmpty();
    assertThat(
            VALIDATOR.validateYaml(
                "clusterNetworkPolicy", CLUSTER_NETWORK_POLICY.replace("tier: Baseline", "tier: Base")))
        .isNotEmpty();
  }

  @Test
  void celRulesAreEvaluated() {
    assertThat(
            VALIDATOR.validateYaml(
                "cilium",
                "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: a, namespace: b}\n"))
        .containsExactly(
            "CiliumNetworkPolicy/a: $: spec or specs must be provided (x-kubernetes-validations:"
                + " has(self.spec) || has(self.specs))");
    assertThat(
            VALIDATOR.validateYaml(
                "calico",
                CALICO.replace(
                    "{services: {name: kubernetes, namespace: default}}",
                    "{services: {name: kubernetes, namespace: default}, ports: [443]}")))
        .containsExactly(
            "NetworkPolicy/web: $.spec.egress[0]: ports and notPorts cannot be specified with services"
                + " (x-kubernetes-validations: !has(self.destination) ||"
                + " !has(self.destination.services) || (!has(self.destination.ports) ||"
                + " size(self.destination.ports) == 0) && (!has(self.destination.notPorts) ||"
                + " size(self.destination.notPorts) == 0))");
    assertThat(VALIDATOR.validateYaml("calico", CALICO.replace("selector: app == 'web'", "selector: global()")))
        .hasSize(1);
    assertThat(
            VALIDATOR.validateYaml(
                "clusterNetworkPolicy", CLUSTER_NETWORK_POLICY.replace("start: 30000", "start: 32767")))
        .containsExactly(
            "ClusterNetworkPolicy/shop-web: $.spec.egress[0].protocols[0].udp.destinationPort.range:"
                + " Start port must be less than End port (x-kubernetes-validations: self.start <"
                + " self.end)");
    assertThat(
            VALIDATOR.validateYaml(
                "clusterNetworkPolicy", CLUSTER_NETWORK_POLICY.replace("10.0.0.0/9", "10.0.0.0.0/9")))
        .containsExactly(
            "ClusterNetworkPolicy/shop-web: $.spec.egress[0].to[0].networks[0]: Invalid CIDR format"
                + " provided (x-kubernetes-validations: isCIDR(self))");
  }

  @Test
  void everyCelRuleOfTheseCrdsIsEvaluatedNoneSkipped() {
    for (String engine : VALIDATOR.engines()) {
      System.out.println(engine + ": " + VALIDATOR.evaluatedRules(engine).size() + " CEL rules evaluated");
      VALIDATOR.skippedRules(engine).forEach(r -> System.out.println(engine + ": skipped " + r));
      assertThat(VALIDATOR.skippedRules(engine)).isEmpty();
    }
    assertThat(VALIDATOR.evaluatedRules("kubernetes")).isEmpty();
    assertThat(VALIDATOR.evaluatedRules("cilium")).containsExactly("has(self.spec) || has(self.specs)");
    assertThat(VALIDATOR.evaluatedRules("calico")).hasSize(16);
    assertThat(VALIDATOR.evaluatedRules("clusterNetworkPolicy"))
        .containsExactly("self.start < self.end", "isCIDR(self)");
  }

  @Test
  void apiVersionAndKindMustBeTheEngines() {
    assertThat(VALIDATOR.validateYaml("calico", KUBERNETES))
        .containsAtLeast(
            "NetworkPolicy/web: $.apiVersion: must be projectcalico.org/v3",
            "NetworkPolicy/web: $.spec: property 'podSelector' is not defined in the schema and the"
                + " schema does not allow additional properties");
    assertThat(VALIDATOR.validateYaml("cilium", CILIUM.replace("kind: CiliumNetworkPolicy", "kind: CiliumClusterwideNetworkPolicy")))
        .containsExactly(
            "CiliumClusterwideNetworkPolicy/fqdn: $.kind: must be CiliumNetworkPolicy");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Web", "web_1", "-web", "web-", "a..b", ""})
  void namesMustBeDns1123Subdomains(String name) {
    assertThat(VALIDATOR.validateYaml("kubernetes", KUBERNETES.replace("name: web", "name: \"" + name + "\"")))
        .contains(
            "NetworkPolicy/"
                + name
                + ": $.metadata.name: '"
                + name
                + "' is not a DNS-1123 subdomain");
  }

  @Test
  void dottedNamesAreFine() {
    assertThat(VALIDATOR.validateYaml("kubernetes", KUBERNETES.replace("name: web", "name: web.v1-2"))).isEmpty();
  }

  @Test
  void namespacesFollowTheScopeOfTheKind() {
    assertThat(VALIDATOR.validateYaml("calico", CALICO.replace("  namespace: shop\n", "")))
        .containsExactly(
            "NetworkPolicy/web: $.metadata.namespace: a namespaced object needs a DNS-1123 label, not ''");
    assertThat(
            VALIDATOR.validateYaml(
                "clusterNetworkPolicy",
                CLUSTER_NETWORK_POLICY.replace("name: shop-web", "name: shop-web\n  namespace: shop")))
        .containsExactly(
            "ClusterNetworkPolicy/shop-web: $.metadata.namespace: a cluster-scoped object has no namespace");
  }

  @Test
  void labelsMustBeValid() {
    assertThat(
            VALIDATOR.validateYaml(
                "clusterNetworkPolicy",
                CLUSTER_NETWORK_POLICY.replace("{app.kubernetes.io/managed-by: jnp}", "{\"bad key!\": \"-x\"}")))
        .containsExactly(
            "ClusterNetworkPolicy/shop-web: $.metadata.labels: 'bad key!' is not a valid label key",
            "ClusterNetworkPolicy/shop-web: $.metadata.labels.bad key!: '-x' is not a valid label value");
  }

  @Test
  void unknownEnginesAreAnError() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> VALIDATOR.validateYaml("istio", KUBERNETES));
    assertThat(error).hasMessageThat().contains("istio");
  }

  @Test
  void theFourEnginesAreKnown() {
    assertThat(VALIDATOR.engines())
        .containsExactly("kubernetes", "cilium", "calico", "clusterNetworkPolicy")
        .inOrder();
    assertThat(List.copyOf(VALIDATOR.engines())).isEqualTo(dev.jnp.engine.Backends.ENGINES);
  }
}
