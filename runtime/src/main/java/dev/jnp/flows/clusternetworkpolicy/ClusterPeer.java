package dev.jnp.flows.clusternetworkpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpAddress;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.Tree;
import dev.jnp.flows.World;
import dev.jnp.flows.kubernetes.IpBlockScope;
import dev.jnp.flows.selector.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One element of a ClusterNetworkPolicy rule's {@code from} or {@code to} (engine-semantics.md
 * §4 "Peers"):
 *
 * <ul>
 *   <li>{@code namespaces}: every pod of the matching namespaces ({@code {}}: all);
 *   <li>{@code pods}: pods matching {@code podSelector} in namespaces matching {@code
 *       namespaceSelector};
 *   <li>{@code networks} (egress): addresses in the CIDRs, pod addresses included;
 *   <li>{@code nodes} (egress, experimental): nodes with matching labels;
 *   <li>{@code domainNames} (egress, experimental): DNS names, {@code *.} matching one or more
 *       leading labels.
 * </ul>
 *
 * A peer with none of these is {@linkplain #unknown() unknown}: the rule fails closed.
 */
final class ClusterPeer {
  private LabelSelector namespaces;
  private LabelSelector podNamespaces;
  private LabelSelector pods;
  private final List<IpRange> networks = new ArrayList<>();
  private LabelSelector nodes;
  private final List<String> domains = new ArrayList<>();
  private boolean known;

  static ClusterPeer parse(JsonNode node, String where, List<String> problems) {
    ClusterPeer peer = new ClusterPeer();
    Optional<JsonNode> ns = Tree.object(node, "namespaces");
    if (ns.isPresent()) {
      peer.namespaces = LabelSelector.parse(ns.get(), problems);
      peer.known = true;
    }
    Optional<JsonNode> pods = Tree.object(node, "pods");
    if (pods.isPresent()) {
      peer.podNamespaces = Tree.object(pods.get(), "namespaceSelector")
          .map(n -> LabelSelector.parse(n, problems)).orElse(LabelSelector.EVERYTHING);
      peer.pods = Tree.object(pods.get(), "podSelector")
          .map(n -> LabelSelector.parse(n, problems)).orElse(LabelSelector.EVERYTHING);
      peer.known = true;
    }
    if (Tree.has(node, "networks")) {
      for (String cidr : Tree.texts(node, "networks")) {
        Optional<IpRange> range = IpRange.tryParseCidr(cidr);
        if (range.isEmpty()) {
          problems.add(where + ": network '" + cidr + "' is not a CIDR block; ignored");
        }
        range.ifPresent(peer.networks::add);
      }
      peer.known = true;
    }
    Optional<JsonNode> nodes = Tree.object(node, "nodes");
    if (nodes.isPresent()) {
      peer.nodes = LabelSelector.parse(nodes.get(), problems);
      peer.known = true;
    }
    if (Tree.has(node, "domainNames")) {
      for (String d : Tree.texts(node, "domainNames")) {
        peer.domains.add(normalise(d));
      }
      peer.known = true;
    }
    if (!peer.known) {
      problems.add(where + ": a peer with no known field; the rule fails closed");
    }
    return peer;
  }

  private static String normalise(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  boolean unknown() {
    return !known;
  }

  boolean hasDomainNames() {
    return !domains.isEmpty();
  }

  List<IpRange> networks() {
    return networks;
  }

  boolean matches(World world, Endpoint peer) {
    Optional<Endpoint.Workload> pod = peer.asWorkload();
    if (pod.isPresent()) {
      var nsLabels = world.namespace(pod.get().namespace()).labels();
      if (namespaces != null && namespaces.matches(nsLabels)) {
        return true;
      }
      if (pods != null && podNamespaces.matches(nsLabels) && pods.matches(pod.get().labels())) {
        return true;
      }
    }
    for (IpAddress a : IpBlockScope.ANY_ADDRESS.addresses(peer)) {
      for (IpRange r : networks) {
        if (r.contains(a)) {
          return true;
        }
      }
    }
    if (nodes != null && peer instanceof Endpoint.Node node && nodes.matches(node.labels())) {
      return true;
    }
    if (peer instanceof Endpoint.Fqdn fqdn) {
      String name = normalise(fqdn.name());
      for (String d : domains) {
        if (d.startsWith("*.")
            ? name.endsWith(d.substring(1)) && name.length() > d.length() - 1
            : name.equals(d)) {
          return true;
        }
      }
    }
    return false;
  }
}
