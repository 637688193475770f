package dev.jnp.flows.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.Direction;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.PolicyRef;
import dev.jnp.flows.Protocol;
import dev.jnp.flows.RuleRef;
import dev.jnp.flows.Tree;
import dev.jnp.flows.World;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * One ingress or egress rule of a NetworkPolicy: it allows a connection when a peer matches the
 * other end (an empty or missing {@code from}/{@code to} matches every pod and every address) and
 * a {@code ports} entry matches the destination port (an empty or missing {@code ports} matches
 * every protocol and port).
 */
public final class KubernetesRule {
  private final RuleRef ref;
  private final List<KubernetesPeer> peers;
  private final List<KubernetesPort> ports;

  private KubernetesRule(RuleRef ref, List<KubernetesPeer> peers, List<KubernetesPort> ports) {
    this.ref = ref;
    this.peers = peers;
    this.ports = ports;
  }

  static KubernetesRule parse(
      PolicyRef policy, Direction direction, int index, JsonNode node, List<String> problems) {
    String path = "spec." + direction.word() + "[" + index + "]";
    String where = policy + " " + path;
    String peerField = direction == Direction.INGRESS ? "from" : "to";
    List<JsonNode> peerNodes = Tree.list(node, peerField);
    List<KubernetesPeer> peers = null;
    if (!peerNodes.isEmpty()) {
      peers = new ArrayList<>();
      for (int i = 0; i < peerNodes.size(); i++) {
        peers.add(KubernetesPeer.parse(peerNodes.get(i), where + "." + peerField + "[" + i + "]",
            problems));
      }
    }
    List<KubernetesPort> ports = new ArrayList<>();
    List<JsonNode> portNodes = Tree.list(node, "ports");
    for (int i = 0; i < portNodes.size(); i++) {
      ports.add(KubernetesPort.parse(portNodes.get(i), where + ".ports[" + i + "]", problems));
    }
    return new KubernetesRule(new RuleRef(policy, path, index), peers, ports);
  }

  /** Where the rule is. */
  public RuleRef ref() {
    return ref;
  }

  /**
   * Whether the rule allows {@code protocol}/{@code port} with {@code peer} at the other end;
   * {@code destination} is the end whose named ports count.
   */
  boolean matches(
      World world, String policyNamespace, Endpoint peer, Endpoint destination,
      Protocol protocol, int port, IpBlockScope scope) {
    if (!ports.isEmpty()) {
      boolean portMatches = false;
      for (KubernetesPort p : ports) {
        if (p.matches(protocol, port, destination)) {
          portMatches = true;
          break;
        }
      }
      if (!portMatches) {
        return false;
      }
    }
    if (peers == null) {
      return true;
    }
    for (KubernetesPeer p : peers) {
      if (p.matches(world, policyNamespace, peer, scope)) {
        return true;
      }
    }
    return false;
  }

  void addBoundaries(SortedSet<Integer> cuts) {
    ports.forEach(p -> p.addBoundaries(cuts));
  }

  void addBlocks(List<IpRange> out) {
    if (peers != null) {
      peers.forEach(p -> out.addAll(p.block()));
    }
  }
}
