package dev.jnp.engine.cilium;

import static dev.jnp.engine.ObjectTree.labels;
import static dev.jnp.engine.ObjectTree.list;
import static dev.jnp.engine.ObjectTree.map;
import static dev.jnp.engine.ObjectTree.object;

import dev.jnp.engine.PolicyObject;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.DefaultDeny;
import dev.jnp.ir.Direction;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns the IR into CiliumNetworkPolicy object trees.
 *
 * <p>Each IR rule becomes one Cilium rule per kind of peer it names (Cilium's L3 fields are
 * exclusive within a rule): {@code fromEndpoints}/{@code toEndpoints} for namespaces and pods,
 * {@code fromCIDRSet}/{@code toCIDRSet} for CIDRs, {@code fromEntities}/{@code toEntities} for
 * {@code any} ({@code all}), {@code nodes} ({@code host}, {@code remote-node}) and {@code
 * apiserver} ({@code kube-apiserver}), and {@code toFQDNs}. Each carries the rule's {@code
 * toPorts}. A governed direction with no rules is {@code [{}]}: one empty rule, Cilium's deny-all,
 * never {@code []} (which Cilium ignores) and never {@code ingressDeny} (which beats every allow).
 *
 * <p>Endpoint selectors always name the namespace: {@code k8s:io.kubernetes.pod.namespace} for
 * one namespace (the workload's own one included, though the agent would add it), {@code
 * io.cilium.k8s.namespace.labels.K} for namespace labels, and an {@code Exists} expression on the
 * namespace key for every namespace. Pod label keys are written as in the source (Cilium's {@code
 * any:} source, which k8s labels match).
 */
final class CiliumConverter {
  static final String API_VERSION = "cilium.io/v2";
  static final String KIND = "CiliumNetworkPolicy";
  static final String NAMESPACE_KEY = "k8s:io.kubernetes.pod.namespace";
  /** The prefix of namespace labels in endpoint selectors. */
  static final String LABEL_PREFIX = "io.cilium.k8s.namespace.labels.";
  /** The schema's {@code maxItems} for the ports of one {@code toPorts} entry. */
  static final int MAX_PORTS = 40;

  PolicyObject allowlist(Allowlist allowlist) {
    Map<String, Object> spec =
        map("endpointSelector", map("matchLabels", labels(allowlist.podLabels())));
    for (Direction direction : Direction.values()) {
      if (allowlist.governs(direction)) {
        spec.put(key(direction), rules(allowlist, direction));
      }
    }
    Map<String, Object> tree = object(API_VERSION, KIND, allowlist.name(), allowlist.namespace());
    tree.put("spec", spec);
    return new PolicyObject(KIND, allowlist.name(), Optional.of(allowlist.namespace()), tree);
  }

  PolicyObject defaultDeny(DefaultDeny deny) {
    Map<String, Object> spec = map("endpointSelector", map());
    for (Direction direction : Direction.values()) {
      if (deny.covers(direction)) {
        spec.put(key(direction), list(map()));
      }
    }
    Map<String, Object> tree = object(API_VERSION, KIND, "default-deny", deny.namespace());
    tree.put("spec", spec);
    return new PolicyObject(KIND, "default-deny", Optional.of(deny.namespace()), tree);
  }

  private static String key(Direction direction) {
    return direction == Direction.INGRESS ? "ingress" : "egress";
  }

  /** The rules of one governed direction: generated, then native, else the empty rule. */
  private List<Object> rules(Allowlist allowlist, Direction direction) {
    boolean dnsProxy =
        allowlist.rules(Direction.EGRESS).stream()
            .flatMap(r -> r.peers().stream())
            .anyMatch(p -> p instanceof Peer.Fqdn);
    List<Object> rules = new ArrayList<>();
    for (Rule rule : allowlist.rules(direction)) {
      rules.addAll(rule(rule, direction, allowlist.namespace(), dnsProxy));
    }
    rules.addAll(allowlist.nativeItems(CiliumBackend.ENGINE, direction));
    if (rules.isEmpty()) {
      rules.add(map());
    }
    return rules;
  }

  /** One Cilium rule per L3 field the rule's peers need, in the order the peers name them. */
  private List<Object> rule(Rule rule, Direction direction, String namespace, boolean dnsProxy) {
    Map<String, LinkedHashSet<Object>> byField = new LinkedHashMap<>();
    String prefix = direction == Direction.INGRESS ? "from" : "to";
    for (Peer peer : rule.peers()) {
      peer.accept(new PeerSpelling(namespace))
          .ifPresent(
              s ->
                  byField
                      .computeIfAbsent(prefix + s.field(), f -> new LinkedHashSet<>())
                      .addAll(s.items()));
    }
    List<Object> toPorts = rule.dns() ? dnsPorts(dnsProxy) : ports(rule.ports());
    List<Object> out = new ArrayList<>();
    byField.forEach(
        (field, items) -> out.add(map(field, new ArrayList<>(items), "toPorts", toPorts)));
    return out;
  }

  /** The DNS rule's port: 53 on any protocol, through the DNS proxy when toFQDNs needs it. */
  private static List<Object> dnsPorts(boolean dnsProxy) {
    Map<String, Object> portRule = map("ports", list(map("port", "53", "protocol", "ANY")));
    if (dnsProxy) {
      portRule.put("rules", map("dns", list(map("matchPattern", "*"))));
    }
    return list(portRule);
  }

  /** {@code toPorts} for the rule's ports, at most {@link #MAX_PORTS} to an entry; null: all. */
  private static List<Object> ports(List<PortRange> ranges) {
    if (ranges.isEmpty()) {
      return null;
    }
    List<Object> portRules = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i += MAX_PORTS) {
      List<Object> ports = new ArrayList<>();
      for (PortRange range : ranges.subList(i, Math.min(ranges.size(), i + MAX_PORTS))) {
        ports.add(
            map(
                "port",
                Integer.toString(range.first()),
                "endPort",
                range.isSingle() ? null : range.last(),
                "protocol",
                range.protocol().name()));
      }
      portRules.add(map("ports", ports));
    }
    return portRules;
  }

  /** A peer as items of one L3 field, named without its {@code from}/{@code to} prefix. */
  private record Spelling(String field, List<Object> items) {}

  private static final class PeerSpelling implements Peer.Cases<Optional<Spelling>> {
    private final String ownNamespace;

    PeerSpelling(String ownNamespace) {
      this.ownNamespace = ownNamespace;
    }

    private static Optional<Spelling> entities(String... entities) {
      return Optional.of(new Spelling("Entities", List.of((Object[]) entities)));
    }

    @Override
    public Optional<Spelling> any(Peer.Any any) {
      return entities("all");
    }

    @Override
    public Optional<Spelling> nodes(Peer.Nodes nodes) {
      return entities("host", "remote-node");
    }

    @Override
    public Optional<Spelling> apiServer(Peer.ApiServer apiServer) {
      return entities("kube-apiserver");
    }

    @Override
    public Optional<Spelling> namespaces(Peer.Namespaces namespaces) {
      return Optional.of(
          new Spelling(
              "Endpoints", List.of(endpoints(new TreeMap<>(), namespaces.namespaces()))));
    }

    @Override
    public Optional<Spelling> pods(Peer.Pods pods) {
      return Optional.of(
          new Spelling(
              "Endpoints", List.of(endpoints(new TreeMap<>(pods.labels()), pods.namespaces()))));
    }

    @Override
    public Optional<Spelling> cidr(Peer.Cidr cidr) {
      List<Object> except = cidr.except().isEmpty() ? null : new ArrayList<>(cidr.except());
      return Optional.of(
          new Spelling("CIDRSet", List.of(map("cidr", cidr.cidr(), "except", except))));
    }

    @Override
    public Optional<Spelling> fqdn(Peer.Fqdn fqdn) {
      String key = fqdn.name().contains("*") ? "matchPattern" : "matchName";
      return Optional.of(new Spelling("FQDNs", List.of(map(key, fqdn.name()))));
    }

    /** An endpoint selector: pod labels and the namespace keys, in key order. */
    private Map<String, Object> endpoints(
        SortedMap<String, String> matchLabels, NamespaceSelector namespaces) {
      List<Object> expressions =
          namespaces.accept(
              new NamespaceSelector.Cases<List<Object>>() {
                @Override
                public List<Object> own(NamespaceSelector.Own own) {
                  matchLabels.put(NAMESPACE_KEY, ownNamespace);
                  return null;
                }

                @Override
                public List<Object> named(NamespaceSelector.Named named) {
                  matchLabels.put(NAMESPACE_KEY, named.name());
                  return null;
                }

                @Override
                public List<Object> labelled(NamespaceSelector.Labelled labelled) {
                  labelled.labels().forEach((k, v) -> matchLabels.put(LABEL_PREFIX + k, v));
                  return null;
                }

                @Override
                public List<Object> all(NamespaceSelector.All all) {
                  return list(map("key", NAMESPACE_KEY, "operator", "Exists"));
                }
              });
      return map(
          "matchLabels",
          matchLabels.isEmpty() ? null : labels(matchLabels),
          "matchExpressions",
          expressions);
    }
  }
}
