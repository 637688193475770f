package dev.jnp.engine.cilium;

import static dev.jnp.engine.ObjectTree.head;
import static dev.jnp.engine.ObjectTree.labels;
import static dev.jnp.engine.ObjectTree.list;
import static dev.jnp.engine.ObjectTree.map;
import static dev.jnp.engine.ObjectTree.withoutDuplicates;

import dev.jnp.engine.ObjectId;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.DefaultDeny;
import dev.jnp.ir.Direction;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Rule;
import dev.jnp.yaml.YamlOut;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes the IR as CiliumNetworkPolicy objects.
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

  ObjectId allowlist(Allowlist allowlist, YamlOut out) {
    head(out, API_VERSION, KIND, allowlist.name(), allowlist.namespace());
    out.key("spec").beginMap();
    out.key("endpointSelector").beginMap().labels("matchLabels", allowlist.podLabels()).end();
    for (Direction direction : Direction.values()) {
      if (allowlist.governs(direction)) {
        rules(allowlist, direction, out);
      }
    }
    out.end();
    return new ObjectId(KIND, allowlist.name(), Optional.of(allowlist.namespace()));
  }

  ObjectId defaultDeny(DefaultDeny deny, YamlOut out) {
    head(out, API_VERSION, KIND, "default-deny", deny.namespace());
    out.key("spec").beginMap();
    out.key("endpointSelector").beginMap().end();
    for (Direction direction : Direction.values()) {
      if (deny.covers(direction)) {
        out.key(key(direction)).beginList().beginMap().end().end();
      }
    }
    out.end();
    return new ObjectId(KIND, "default-deny", Optional.of(deny.namespace()));
  }

  private static String key(Direction direction) {
    return direction == Direction.INGRESS ? "ingress" : "egress";
  }

  /** The rules of one governed direction: generated, then native, else the empty rule. */
  private static void rules(Allowlist allowlist, Direction direction, YamlOut out) {
    boolean dnsProxy = false;
    List<Rule> egress = allowlist.rules(Direction.EGRESS);
    for (int r = 0; r < egress.size(); r++) {
      Rule rule = egress.get(r);
      for (int p = 0; p < rule.peers().size(); p++) {
        Peer peer = rule.peers().get(p);
        dnsProxy |= peer instanceof Peer.Fqdn;
      }
    }
    out.key(key(direction)).beginList();
    int written = 0;
    List<Rule> rules = allowlist.rules(direction);
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      written += rule(rule, direction, allowlist.namespace(), dnsProxy, out);
    }
    List<Object> natives = allowlist.nativeItems(CiliumBackend.ENGINE, direction);
    for (int i = 0; i < natives.size(); i++) {
      Object item = natives.get(i);
      out.value(item);
      written++;
    }
    if (written == 0) {
      out.beginMap().end();
    }
    out.end();
  }

  /**
   * One Cilium rule per L3 field the rule's peers need, in the order the peers name them; how
   * many were written.
   */
  private static int rule(Rule rule, Direction direction, String namespace, boolean dnsProxy, YamlOut out) {
    // The fields in the order the peers first name them, and the items of each: a rule names a
    // field or two, so lists rather than a map of sets, whose hashing of whole trees was a fifth
    // of writing a Cilium policy.
    List<String> fields = new ArrayList<>(2);
    List<List<Object>> items = new ArrayList<>(2);
    PeerSpelling spelling = new PeerSpelling(namespace);
    for (int p = 0; p < rule.peers().size(); p++) {
      Peer peer = rule.peers().get(p);
      Spelling spelled = peer.accept(spelling);
      int field = fields.indexOf(spelled.field());
      if (field < 0) {
        field = fields.size();
        fields.add(spelled.field());
        items.add(new ArrayList<>(spelled.items().size()));
      }
      items.get(field).addAll(spelled.items());
    }
    String prefix = direction == Direction.INGRESS ? "from" : "to";
    for (int field = 0; field < fields.size(); field++) {
      out.beginMap().key(prefix + fields.get(field)).beginList();
      List<Object> distinct = withoutDuplicates(items.get(field));
      for (int i = 0; i < distinct.size(); i++) {
        Object item = distinct.get(i);
        out.value(item);
      }
      out.end();
      if (rule.dns()) {
        dnsPorts(dnsProxy, out);
      } else if (!rule.ports().isEmpty()) {
        ports(rule.ports(), out);
      }
      out.end();
    }
    return fields.size();
  }

  /** The DNS rule's port: 53 on any protocol, through the DNS proxy when toFQDNs needs it. */
  private static void dnsPorts(boolean dnsProxy, YamlOut out) {
    out.key("toPorts").beginList().beginMap();
    out.key("ports").beginList().beginMap().field("port", "53").field("protocol", "ANY").end().end();
    if (dnsProxy) {
      out.key("rules").beginMap();
      out.key("dns").beginList().beginMap().field("matchPattern", "*").end().end();
      out.end();
    }
    out.end().end();
  }

  /** {@code toPorts} for the rule's ports, at most {@link #MAX_PORTS} to an entry. */
  private static void ports(List<PortRange> ranges, YamlOut out) {
    out.key("toPorts").beginList();
    for (int i = 0; i < ranges.size(); i += MAX_PORTS) {
      out.beginMap().key("ports").beginList();
      for (int j = i; j < Math.min(ranges.size(), i + MAX_PORTS); j++) {
        PortRange range = ranges.get(j);
        out.beginMap().field("port", Integer.toString(range.first()));
        if (!range.isSingle()) {
          out.field("endPort", range.last());
        }
        out.field("protocol", range.protocol().name()).end();
      }
      out.end().end();
    }
    out.end();
  }

  /** A peer as items of one L3 field, named without its {@code from}/{@code to} prefix. */
  private record Spelling(String field, List<Object> items) {}

  private static final class PeerSpelling implements Peer.Cases<Spelling> {
    private final String ownNamespace;

    PeerSpelling(String ownNamespace) {
      this.ownNamespace = ownNamespace;
    }

    private static Spelling entities(String... entities) {
      return new Spelling("Entities", List.of((Object[]) entities));
    }

    @Override
    public Spelling any(Peer.Any any) {
      return entities("all");
    }

    @Override
    public Spelling nodes(Peer.Nodes nodes) {
      return entities("host", "remote-node");
    }

    @Override
    public Spelling apiServer(Peer.ApiServer apiServer) {
      return entities("kube-apiserver");
    }

    @Override
    public Spelling namespaces(Peer.Namespaces namespaces) {
      return new Spelling("Endpoints", List.of(endpoints(new TreeMap<>(), namespaces.namespaces())));
    }

    @Override
    public Spelling pods(Peer.Pods pods) {
      return new Spelling("Endpoints", List.of(endpoints(new TreeMap<>(pods.labels()), pods.namespaces())));
    }

    @Override
    public Spelling cidr(Peer.Cidr cidr) {
      List<Object> except = cidr.except().isEmpty() ? null : new ArrayList<>(cidr.except());
      return new Spelling("CIDRSet", List.of(map("cidr", cidr.cidr(), "except", except)));
    }

    @Override
    public Spelling fqdn(Peer.Fqdn fqdn) {
      String key = fqdn.name().contains("*") ? "matchPattern" : "matchName";
      return new Spelling("FQDNs", List.of(map(key, fqdn.name())));
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
                  for (Map.Entry<String, String> label : labelled.labels().entrySet()) {
                    matchLabels.put(LABEL_PREFIX.concat(label.getKey()), label.getValue());
                  }
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
