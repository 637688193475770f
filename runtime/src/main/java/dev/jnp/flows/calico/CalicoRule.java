package dev.jnp.flows.calico;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.Connection;
import dev.jnp.flows.IpAddress;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.Protocol;
import dev.jnp.flows.RuleRef;
import dev.jnp.flows.Tree;
import dev.jnp.flows.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One Calico rule (engine-semantics.md §3 "Rule fields", "Precedence"): an {@code action}
 * ({@code Allow}, {@code Deny}, {@code Pass}, {@code Log}) taken when the protocol ({@code
 * protocol}, {@code notProtocol}; names or numbers), the IP version and both entity rules match.
 * ICMP and other protocols never match a TCP, UDP or SCTP connection. {@code http} matches
 * requests inside a connection and does not narrow the connection.
 */
final class CalicoRule {
  private final RuleRef ref;
  private final String action;
  private final String protocol;
  private final String notProtocol;
  /** The two protocols as read, once: a rule is matched at every port boundary of every pair. */
  private final Optional<Protocol> named;
  private final Optional<Protocol> notNamed;
  private final Integer ipVersion;
  private final CalicoEntityRule source;
  private final CalicoEntityRule destination;

  private CalicoRule(RuleRef ref, String action, String protocol, String notProtocol,
      Integer ipVersion, CalicoEntityRule source, CalicoEntityRule destination) {
    this.ref = ref;
    this.action = action;
    this.protocol = protocol;
    this.notProtocol = notProtocol;
    this.named = Protocol.parse(protocol);
    this.notNamed = Protocol.parse(notProtocol);
    this.ipVersion = ipVersion;
    this.source = source;
    this.destination = destination;
  }

  /** The rule, or empty (with a problem) when its action is unknown. */
  static Optional<CalicoRule> parse(RuleRef ref, JsonNode node, String policyNamespace,
      List<String> problems) {
    String where = ref.toString();
    String action = canonicalAction(Tree.text(node, "action", ""));
    if (action == null) {
      problems.add(where + ": unknown action '" + Tree.text(node, "action", "")
          + "'; the rule is ignored");
      return Optional.empty();
    }
    JsonNode empty = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    CalicoEntityRule source = CalicoEntityRule.parse(
        Tree.object(node, "source").orElse(empty), policyNamespace, true, where + ".source",
        problems);
    CalicoEntityRule destination = CalicoEntityRule.parse(
        Tree.object(node, "destination").orElse(empty), policyNamespace, false,
        where + ".destination", problems);
    return Optional.of(new CalicoRule(ref, action,
        Tree.text(node, "protocol").orElse(null),
        Tree.text(node, "notProtocol").orElse(null),
        Tree.integer(node, "ipVersion").orElse(null),
        source, destination));
  }

  private static String canonicalAction(String word) {
    switch (word.toLowerCase(Locale.ROOT)) {
      case "allow":
        return "Allow";
      case "deny":
        return "Deny";
      case "pass":
        return "Pass";
      case "log":
        return "Log";
      default:
        return null;
    }
  }

  RuleRef ref() {
    return ref;
  }

  String action() {
    return action;
  }

  boolean matches(World world, Connection connection) {
    if (protocol != null && named.orElse(null) != connection.protocol()) {
      return false;
    }
    if (notProtocol != null && notNamed.orElse(null) == connection.protocol()) {
      return false;
    }
    if (ipVersion != null && ipVersion != ipVersionOf(connection)) {
      return false;
    }
    return source.matches(world, connection.source(), named, connection.port())
        && destination.matches(world, connection.destination(), named, connection.port());
  }

  /** The connection's IP version: that of a known address of either end, else 4. */
  private static int ipVersionOf(Connection connection) {
    for (List<IpAddress> addresses :
        List.of(connection.destination().addresses(), connection.source().addresses())) {
      if (!addresses.isEmpty()) {
        return addresses.get(0).isIpv6() ? 6 : 4;
      }
    }
    return 4;
  }

  void addBoundaries(SortedSet<Integer> cuts) {
    source.addBoundaries(cuts);
    destination.addBoundaries(cuts);
  }

  /** The address blocks naming the peer: the source's for ingress, the destination's for egress. */
  List<IpRange> peerBlocks(boolean ingress) {
    List<IpRange> out = new ArrayList<>();
    (ingress ? source : destination).addBlocks(out);
    return out;
  }
}
