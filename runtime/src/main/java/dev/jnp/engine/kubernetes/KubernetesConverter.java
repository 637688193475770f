package dev.jnp.engine.kubernetes;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the IR into NetworkPolicy object trees. */
final class KubernetesConverter {
  private static final String API_VERSION = "networking.k8s.io/v1";
  private static final String KIND = "NetworkPolicy";
  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  PolicyObject allowlist(Allowlist allowlist) {
    List<Object> policyTypes = list("Ingress");
    Map<String, Object> spec =
        map("podSelector", map("matchLabels", labels(allowlist.podLabels())));
    spec.put("policyTypes", policyTypes);
    List<Object> ingress = rules(allowlist, Direction.INGRESS);
    if (!ingress.isEmpty()) {
      spec.put("ingress", ingress);
    }
    if (allowlist.governs(Direction.EGRESS)) {
      policyTypes.add("Egress");
      List<Object> egress = rules(allowlist, Direction.EGRESS);
      if (!egress.isEmpty()) {
        spec.put("egress", egress);
      }
    }
    Map<String, Object> tree = object(API_VERSION, KIND, allowlist.name(), allowlist.namespace());
    tree.put("spec", spec);
    return new PolicyObject(KIND, allowlist.name(), Optional.of(allowlist.namespace()), tree);
  }

  PolicyObject defaultDeny(DefaultDeny deny) {
    List<Object> policyTypes = list();
    for (Direction direction : Direction.values()) {
      if (deny.covers(direction)) {
        policyTypes.add(direction.title());
      }
    }
    Map<String, Object> tree = object(API_VERSION, KIND, "default-deny", deny.namespace());
    tree.put("spec", map("podSelector", map(), "policyTypes", policyTypes));
    return new PolicyObject(KIND, "default-deny", Optional.of(deny.namespace()), tree);
  }

  private List<Object> rules(Allowlist allowlist, Direction direction) {
    List<Object> rules = new ArrayList<>();
    for (Rule rule : allowlist.rules(direction)) {
      rule(rule, direction).ifPresent(rules::add);
    }
    rules.addAll(allowlist.nativeItems(KubernetesBackend.ENGINE, direction));
    return rules;
  }

  /**
   * One rule, or nothing when none of its peers can be spelled here (the capability check has
   * already reported them). A peer that stands for every source makes the rule open: no
   * {@code from}/{@code to} at all.
   */
  private Optional<Object> rule(Rule rule, Direction direction) {
    List<Object> peers = new ArrayList<>();
    boolean open = false;
    for (Peer peer : rule.peers()) {
      Optional<List<Map<String, Object>>> spelled = peer.accept(new PeerSpelling(direction));
      if (spelled.isEmpty()) {
        open = true;
      } else {
        peers.addAll(spelled.get());
      }
    }
    if (!open && peers.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> out = map();
    if (!open) {
      out.put(direction == Direction.INGRESS ? "from" : "to", peers);
    }
    if (!rule.allPorts()) {
      List<Object> ports = new ArrayList<>();
      for (PortRange range : rule.ports()) {
        ports.add(
            map(
                "protocol",
                range.protocol().name(),
                "port",
                range.first(),
                "endPort",
                range.isSingle() ? null : range.last()));
      }
      out.put("ports", ports);
    }
    return Optional.of(out);
  }

  /**
   * A peer as NetworkPolicyPeer entries; empty when the peer can only be spelled as "every
   * source" (no {@code from}/{@code to}).
   */
  private static final class PeerSpelling implements Peer.Cases<Optional<List<Map<String, Object>>>> {
    private final Direction direction;

    PeerSpelling(Direction direction) {
      this.direction = direction;
    }

    private static Optional<List<Map<String, Object>>> entries(List<Map<String, Object>> list) {
      return Optional.of(list);
    }

    @Override
    public Optional<List<Map<String, Object>>> any(Peer.Any any) {
      return Optional.empty();
    }

    @Override
    public Optional<List<Map<String, Object>>> nodes(Peer.Nodes nodes) {
      return Optional.empty();
    }

    @Override
    public Optional<List<Map<String, Object>>> apiServer(Peer.ApiServer apiServer) {
      if (direction == Direction.INGRESS) {
        return Optional.empty();
      }
      return entries(
          apiServer.cidrs().stream().map(cidr -> map("ipBlock", map("cidr", cidr))).toList());
    }

    @Override
    public Optional<List<Map<String, Object>>> fqdn(Peer.Fqdn fqdn) {
      return entries(List.of());
    }

    @Override
    public Optional<List<Map<String, Object>>> cidr(Peer.Cidr cidr) {
      List<Object> except = cidr.except().isEmpty() ? null : new ArrayList<>(cidr.except());
      return entries(List.of(map("ipBlock", map("cidr", cidr.cidr(), "except", except))));
    }

    @Override
    public Optional<List<Map<String, Object>>> namespaces(Peer.Namespaces namespaces) {
      if (namespaces.namespaces() instanceof NamespaceSelector.Own) {
        // A podSelector alone stays in the policy's namespace, and {} selects every pod there.
        return entries(List.of(map("podSelector", map())));
      }
      return entries(List.of(map("namespaceSelector", namespaceSelector(namespaces.namespaces()))));
    }

    @Override
    public Optional<List<Map<String, Object>>> pods(Peer.Pods pods) {
      Map<String, Object> entry = map();
      if (!(pods.namespaces() instanceof NamespaceSelector.Own)) {
        entry.put("namespaceSelector", namespaceSelector(pods.namespaces()));
      }
      entry.put("podSelector", map("matchLabels", labels(pods.labels())));
      return entries(List.of(entry));
    }
  }

  private static Map<String, Object> namespaceSelector(NamespaceSelector selector) {
    return selector.accept(
        new NamespaceSelector.Cases<Map<String, Object>>() {
          @Override
          public Map<String, Object> named(NamespaceSelector.Named named) {
            return map("matchLabels", map(NAMESPACE_NAME_LABEL, named.name()));
          }

          @Override
          public Map<String, Object> labelled(NamespaceSelector.Labelled labelled) {
            return map("matchLabels", labels(labelled.labels()));
          }

          @Override
          public Map<String, Object> all(NamespaceSelector.All all) {
            return map();
          }

          @Override
          public Map<String, Object> own(NamespaceSelector.Own own) {
            throw new IllegalStateException("the own namespace has no selector of its own");
          }
        });
  }
}
