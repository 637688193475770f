package dev.jnp.flows.cilium;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.Direction;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpAddress;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.Protocol;
import dev.jnp.flows.RuleRef;
import dev.jnp.flows.Tree;
import dev.jnp.flows.kubernetes.IpBlockScope;
import dev.jnp.flows.selector.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One element of {@code ingress}, {@code ingressDeny}, {@code egress} or {@code egressDeny}
 * (engine-semantics.md §2 "Shape", "Namespace peers", "CIDR peers", "FQDN egress"). Its L3 part
 * (endpoints, CIDRs, entities, nodes, FQDNs, services) says who the peer may be and its {@code
 * toPorts} which ports; the two are ANDed.
 *
 * <ul>
 *   <li>No L3 member but {@code toPorts}: every peer, on those ports.
 *   <li>No L3 member and no {@code toPorts}, e.g. the empty rule {@code {}}: nothing (the
 *       default-deny idiom).
 *   <li>An L3 member written as an empty list selects nothing.
 *   <li>{@code fromEndpoints}/{@code toEndpoints} of a CiliumNetworkPolicy stay in the policy's
 *       namespace unless they name {@code io.kubernetes.pod.namespace} or a {@code
 *       io.cilium.k8s.namespace.labels.*} key; a clusterwide policy's match pods of any
 *       namespace; selectors of {@code reserved:} labels are left alone (upstream {@code
 *       getEndpointSelector}).
 *   <li>CIDRs match only {@code world} (outside addresses and DNS names), never pods, nodes or
 *       the in-cluster API server.
 *   <li>{@code toFQDNs} match a DNS name only if a DNS rule of the pod lets the proxy see the
 *       lookup.
 *   <li>{@code toServices} can name {@code default/kubernetes}: the API server. Other services,
 *       groups and {@code *Requires} are not modelled and match nothing.
 *   <li>{@code icmps} without {@code toPorts} match no TCP, UDP or SCTP connection.
 * </ul>
 */
final class CiliumPeerRule {
  private final RuleRef ref;
  private final boolean hasL3;
  private final List<CiliumSelector> endpoints = new ArrayList<>();
  private final List<IpRange> cidrs = new ArrayList<>();
  private final Set<String> entities = new TreeSet<>();
  private final List<LabelSelector> nodes = new ArrayList<>();
  private final List<FqdnSelector> fqdns = new ArrayList<>();
  private boolean apiServerService;
  private final List<CiliumPortRule> toPorts = new ArrayList<>();
  private final boolean icmpOnly;

  private CiliumPeerRule(RuleRef ref, JsonNode node, Direction direction, String policyNamespace,
      List<String> problems) {
    this.ref = ref;
    String where = ref.toString();
    String p = direction == Direction.INGRESS ? "from" : "to";
    boolean l3 = false;
    for (String field : List.of(p + "Endpoints", p + "CIDR", p + "CIDRSet", p + "Entities",
        p + "Nodes", p + "Groups", p + "Requires", "toFQDNs", "toServices")) {
      if (Tree.has(node, field) && (direction == Direction.EGRESS || !field.startsWith("to"))) {
        l3 = true;
      }
    }
    this.hasL3 = l3;
    for (JsonNode selector : Tree.list(node, p + "Endpoints")) {
      endpoints.add(scoped(CiliumSelector.parse(selector, problems), policyNamespace));
    }
    for (String cidr : Tree.texts(node, p + "CIDR")) {
      Optional<IpRange> range = IpRange.tryParseCidr(cidr);
      if (range.isEmpty()) {
        problems.add(where + ": '" + cidr + "' is not a CIDR block; it matches nothing");
      }
      range.ifPresent(cidrs::add);
    }
    for (JsonNode set : Tree.list(node, p + "CIDRSet")) {
      Optional<IpRange> range = Tree.text(set, "cidr").flatMap(IpRange::tryParseCidr);
      if (range.isEmpty()) {
        problems.add(where + ": a CIDRSet entry without a CIDR block (cidrGroupRef is not"
            + " modelled) matches nothing");
        continue;
      }
      List<IpRange> holes = new ArrayList<>();
      for (String except : Tree.texts(set, "except")) {
        IpRange.tryParseCidr(except).ifPresent(holes::add);
      }
      cidrs.addAll(range.get().minus(holes));
    }
    entities.addAll(Tree.texts(node, p + "Entities"));
    for (JsonNode selector : Tree.list(node, p + "Nodes")) {
      nodes.add(LabelSelector.parse(selector, problems));
    }
    if (Tree.has(node, p + "Groups") || Tree.has(node, p + "Requires")) {
      problems.add(where + ": " + p + "Groups/" + p + "Requires are not modelled; they match"
          + " nothing");
    }
    if (direction == Direction.EGRESS) {
      for (JsonNode f : Tree.list(node, "toFQDNs")) {
        FqdnSelector.parse(f).ifPresent(fqdns::add);
      }
      for (JsonNode s : Tree.list(node, "toServices")) {
        JsonNode svc = Tree.object(s, "k8sService").orElse(null);
        if (Tree.text(svc, "serviceName", "").equals("kubernetes")
            && Tree.text(svc, "namespace", "").equals("default")) {
          apiServerService = true;
        } else {
          problems.add(where + ": toServices other than default/kubernetes are not modelled;"
              + " they match nothing");
        }
      }
    }
    List<JsonNode> ports = Tree.list(node, "toPorts");
    for (int i = 0; i < ports.size(); i++) {
      toPorts.add(CiliumPortRule.parse(ports.get(i), where + ".toPorts[" + i + "]", problems));
    }
    this.icmpOnly = toPorts.isEmpty() && Tree.has(node, "icmps");
  }

  static CiliumPeerRule parse(RuleRef ref, JsonNode node, Direction direction,
      String policyNamespace, List<String> problems) {
    return new CiliumPeerRule(ref, node, direction, policyNamespace, problems);
  }

  /** A peer selector with the namespace restriction the agent adds. */
  private static CiliumSelector scoped(CiliumSelector selector, String policyNamespace) {
    if (selector.hasSource(CiliumLabel.RESERVED)) {
      return selector;
    }
    if (selector.hasKey(CiliumLabel.K8S, CiliumLabel.NAMESPACE)
        || selector.hasKey(CiliumLabel.ANY, CiliumLabel.NAMESPACE)) {
      return selector;
    }
    if (policyNamespace.isEmpty()) {
      return selector.withExists(CiliumLabel.K8S, CiliumLabel.NAMESPACE);
    }
    if (selector.hasKeyPrefix(CiliumLabel.K8S, CiliumLabel.NAMESPACE_LABELS)
        || selector.hasKeyPrefix(CiliumLabel.ANY, CiliumLabel.NAMESPACE_LABELS)) {
      return selector;
    }
    return selector.withMatch(CiliumLabel.K8S, CiliumLabel.NAMESPACE, policyNamespace);
  }

  RuleRef ref() {
    return ref;
  }

  /**
   * Whether the rule covers the connection with {@code peer} at the other end; {@code
   * dnsVisible} says whether the pod's DNS rules let the proxy see a name.
   */
  boolean matches(Supplier<CiliumIdentity> peerIdentity, Endpoint peer, Endpoint destination,
      Protocol protocol, int port, Predicate<String> dnsVisible) {
    if (!portsMatch(protocol, port, destination)) {
      return false;
    }
    if (!hasL3) {
      return !toPorts.isEmpty();
    }
    CiliumIdentity identity = peerIdentity.get();
    for (CiliumSelector s : endpoints) {
      if (s.matches(identity.labels())) {
        return true;
      }
    }
    for (String entity : entities) {
      if (identity.entities().contains(entity)) {
        return true;
      }
    }
    for (IpAddress address : IpBlockScope.WORLD.addresses(peer)) {
      for (IpRange r : cidrs) {
        if (r.contains(address)) {
          return true;
        }
      }
    }
    if (peer instanceof Endpoint.Node node) {
      for (LabelSelector s : nodes) {
        if (s.matches(node.labels())) {
          return true;
        }
      }
    }
    if (peer instanceof Endpoint.Fqdn fqdn && dnsVisible.test(fqdn.name())) {
      for (FqdnSelector s : fqdns) {
        if (s.matches(fqdn.name())) {
          return true;
        }
      }
    }
    return apiServerService && peer instanceof Endpoint.ApiServer;
  }

  private boolean portsMatch(Protocol protocol, int port, Endpoint destination) {
    if (icmpOnly) {
      return false;
    }
    if (toPorts.isEmpty()) {
      return true;
    }
    for (CiliumPortRule r : toPorts) {
      if (r.matches(protocol, port, destination)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a DNS rule of this rule lets the proxy see a lookup of {@code name}. */
  boolean allowsLookup(String name) {
    return toPorts.stream().anyMatch(r -> r.allowsLookup(name));
  }

  void addBoundaries(SortedSet<Integer> cuts) {
    toPorts.forEach(r -> r.addBoundaries(cuts));
  }

  List<IpRange> cidrs() {
    return cidrs;
  }
}
