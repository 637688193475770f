package dev.jnp.flows.clusternetworkpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.Connection;
import dev.jnp.flows.Direction;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.PolicyRef;
import dev.jnp.flows.RuleRef;
import dev.jnp.flows.Tree;
import dev.jnp.flows.World;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * One ingress or egress rule of a ClusterNetworkPolicy: {@code action} ({@code Accept}, {@code
 * Deny}, {@code Pass}) when a peer matches and a protocol entry matches. Fail-closed
 * (engine-semantics.md §4 "Evaluation"): with a peer of no known field, an {@code Accept} rule
 * matches nothing and a {@code Deny} or {@code Pass} rule denies everything. {@code domainNames}
 * count only in {@code Accept} rules.
 */
final class ClusterRule {
  private final RuleRef ref;
  private final String action;
  private final List<ClusterPeer> peers;
  private final ClusterPorts ports;
  private final boolean failClosed;

  private ClusterRule(RuleRef ref, String action, List<ClusterPeer> peers, ClusterPorts ports,
      boolean failClosed) {
    this.ref = ref;
    this.action = action;
    this.peers = peers;
    this.ports = ports;
    this.failClosed = failClosed;
  }

  static ClusterRule parse(PolicyRef policy, Direction direction, int index, JsonNode node,
      List<String> problems) {
    RuleRef ref = new RuleRef(policy, "spec." + direction.word() + "[" + index + "]", index);
    String where = ref.toString();
    String action = Tree.text(node, "action", "");
    if (!List.of("Accept", "Deny", "Pass").contains(action)) {
      problems.add(where + ": unknown action '" + action + "'; the rule is ignored");
      action = "";
    }
    String field = direction == Direction.INGRESS ? "from" : "to";
    List<ClusterPeer> peers = new ArrayList<>();
    boolean unknownPeer = false;
    List<JsonNode> items = Tree.list(node, field);
    if (items.isEmpty()) {
      problems.add(where + ": no '" + field + "' peers; the rule matches nothing");
    }
    for (int i = 0; i < items.size(); i++) {
      ClusterPeer peer = ClusterPeer.parse(items.get(i), where + "." + field + "[" + i + "]",
          problems);
      unknownPeer |= peer.unknown();
      if (peer.hasDomainNames() && !action.equals("Accept")) {
        problems.add(where + ": domainNames are allowed in Accept rules only; ignored");
      }
      peers.add(peer);
    }
    ClusterPorts ports = ClusterPorts.parse(node, where, problems);
    return new ClusterRule(ref, action, peers, ports, unknownPeer && !action.equals("Accept"));
  }

  RuleRef ref() {
    return ref;
  }

  /** The action taken when the rule matches; a fail-closed {@code Pass} denies. */
  String action() {
    return failClosed ? "Deny" : action;
  }

  boolean matches(World world, Endpoint peer, Connection connection) {
    if (action.isEmpty()) {
      return false;
    }
    if (failClosed) {
      return true;
    }
    if (!ports.matches(connection.protocol(), connection.port(), connection.destination())) {
      return false;
    }
    for (ClusterPeer p : peers) {
      if (p.matches(world, peer)) {
        return true;
      }
    }
    return false;
  }

  void addBoundaries(SortedSet<Integer> cuts) {
    ports.addBoundaries(cuts);
  }

  void addBlocks(List<IpRange> out) {
    peers.forEach(p -> out.addAll(p.networks()));
  }
}
