package dev.jnp.equivalence;

import dev.jnp.flows.Connection;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpAddress;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.World;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.Direction;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@link PolicySet} means, read from {@code LANGUAGE.md} and the IR Javadoc rather than
 * from any engine: the oracle the equivalence property holds every engine's rendered output to.
 * It shares no code with the backends or the evaluators (only address arithmetic, {@link IpRange}).
 *
 * <p>A connection is allowed when its source may send it and its destination may receive it. One
 * side of it, for a pod:
 *
 * <ul>
 *   <li>the pod is <em>governed</em> in a direction by every allowlist of its namespace whose
 *       labels it carries: always for ingress ("ingress is always allowlisted"), for egress only
 *       when the allowlist has an {@code egress} block ("egress is opt-in");
 *   <li>a {@code default deny} of its namespace governs it in the directions the deny names, with
 *       no rules of its own: the allowlists win over it, so it only takes away what no allowlist
 *       gives;
 *   <li>a pod governed by nothing is unrestricted; a governed pod gets the union of the rules of
 *       the allowlists governing it;
 *   <li>the pod's own node always reaches it: no engine can stop kubelet probes
 *       (engine-semantics.md §1 "the traffic source is the pod's local node", §2 {@code
 *       allow-localhost}; Felix does not police host-to-local-pod traffic). This is the platform,
 *       not the policy, so it holds whatever the IR says.
 * </ul>
 *
 * An endpoint that is not a pod (an outside address, a node, the API server, a DNS name) has no
 * side of its own: the allowlists only ever select pods.
 *
 * <p>A rule matches when the connection's protocol and port are among its ports (none: every port
 * of every protocol) and one of its peers is the other end:
 *
 * <ul>
 *   <li>{@code any}: everything, in or outside the cluster;
 *   <li>{@code ns …}: pods in the selected namespaces ({@code Own} is the allowlist's namespace,
 *       {@code Labelled} matches namespace labels, which include {@code
 *       kubernetes.io/metadata.name});
 *   <li>{@code pods …}: pods with all those labels, in the selected namespaces;
 *   <li>{@code cidr C except …}: outside addresses (an {@code External} endpoint, or a DNS name's
 *       address) in C and in none of the excepts; never pods;
 *   <li>{@code nodes}: the nodes' own addresses: node endpoints, and the API server, which runs on
 *       the control-plane nodes' network ({@code docs/flows.md}, "The API server");
 *   <li>{@code apiserver}: the API server endpoint; as a destination, at an address in one of the
 *       CIDRs when the peer names any;
 *   <li>{@code fqdn N}: as a destination, the DNS name N; a {@code *.} pattern covers one more
 *       label in front of its suffix.
 * </ul>
 *
 * <p>A {@link Widening} makes the oracle read some peers or ports more widely, as an engine's
 * output documentedly does; the property accepts an engine's extra allowance only when the widened
 * oracle allows it too.
 */
final class IntendedFlows {
  private final PolicySet policies;
  private final Widening widening;

  IntendedFlows(PolicySet policies) {
    this(policies, Widening.NONE);
  }

  IntendedFlows(PolicySet policies, Widening widening) {
    this.policies = policies;
    this.widening = widening;
  }

  /** Whether the IR allows {@code connection} in {@code world}. */
  boolean allowed(World world, Connection connection) {
    return side(world, connection, Direction.EGRESS, connection.source(), false).allowed()
        && side(world, connection, Direction.INGRESS, connection.destination(), false).allowed();
  }

  /** Both sides' verdicts, with the reason for each: for reports, where speed does not matter. */
  Judgement judge(World world, Connection connection) {
    return new Judgement(
        side(world, connection, Direction.EGRESS, connection.source(), true),
        side(world, connection, Direction.INGRESS, connection.destination(), true));
  }

  /** The oracle's verdict: both sides, each allowed or not, and why. */
  record Judgement(Side egress, Side ingress) {
    boolean allowed() {
      return egress.allowed() && ingress.allowed();
    }

    @Override
    public String toString() {
      return (allowed() ? "allowed" : "denied")
          + "; egress: "
          + egress.why()
          + "; ingress: "
          + ingress.why();
    }
  }

  /** One side's verdict. */
  record Side(boolean allowed, String why) {}

  private static final Side ALLOWED = new Side(true, "");
  private static final Side DENIED = new Side(false, "");

  /** One side of the connection; {@code explain} says whether to spell out why. */
  private Side side(
      World world, Connection connection, Direction direction, Endpoint self, boolean explain) {
    if (!(self instanceof Endpoint.Workload pod)) {
      return explain ? new Side(true, "not a pod") : ALLOWED;
    }
    List<Allowlist> governing = new ArrayList<>();
    for (Allowlist allowlist : policies.allowlists()) {
      if (allowlist.governs(direction) && selects(allowlist, pod)) {
        governing.add(allowlist);
      }
    }
    boolean denied =
        policies.defaultDeny(pod.namespace()).map(d -> d.covers(direction)).orElse(false);
    if (governing.isEmpty() && !denied) {
      return explain ? new Side(true, "not governed") : ALLOWED;
    }
    Endpoint other = direction == Direction.INGRESS ? connection.source() : connection.destination();
    if (direction == Direction.INGRESS && other instanceof Endpoint.Node node && node.local()) {
      return explain ? new Side(true, "the pod's own node") : ALLOWED;
    }
    for (Allowlist allowlist : governing) {
      List<Rule> rules = allowlist.rules(direction);
      for (int i = 0; i < rules.size(); i++) {
        Rule rule = rules.get(i);
        for (Peer peer : rule.peers()) {
          if (portMatches(direction, rule, peer, connection)
              && peerMatches(world, allowlist, direction, peer, other)) {
            return !explain
                ? ALLOWED
                : new Side(
                    true,
                    "allowed by "
                        + allowlist.namespace()
                        + "/"
                        + allowlist.name()
                        + " "
                        + direction.title().toLowerCase(Locale.ROOT)
                        + "["
                        + i
                        + "] peer "
                        + Scenario.peer(peer));
          }
        }
      }
      if (direction == Direction.INGRESS
          && !(other instanceof Endpoint.Workload)
          && widening.admitsSourcesNotPods(allowlist)) {
        return explain
            ? new Side(true, "widened: " + allowlist.name() + " admits every source not a pod")
            : ALLOWED;
      }
    }
    if (!explain) {
      return DENIED;
    }
    List<String> governors = new ArrayList<>();
    governing.forEach(a -> governors.add(a.namespace() + "/" + a.name()));
    if (denied) {
      governors.add("default deny of " + pod.namespace());
    }
    return new Side(false, "no rule allows it (governed by " + String.join(", ", governors) + ")");
  }

  private static boolean selects(Allowlist allowlist, Endpoint.Workload pod) {
    return allowlist.namespace().equals(pod.namespace())
        && hasAll(pod.labels(), allowlist.podLabels());
  }

  private static boolean hasAll(Map<String, String> labels, Map<String, String> wanted) {
    return labels.entrySet().containsAll(wanted.entrySet());
  }

  private boolean portMatches(Direction direction, Rule rule, Peer peer, Connection connection) {
    if (rule.allPorts()) {
      return true;
    }
    for (PortRange range : rule.ports()) {
      if (range.protocol().name().equals(connection.protocol().name())
          && range.contains(connection.port())) {
        return true;
      }
    }
    return widening.opensPorts(direction, rule, peer, connection.protocol(), connection.port());
  }

  private boolean peerMatches(
      World world, Allowlist allowlist, Direction direction, Peer peer, Endpoint other) {
    if (widening.opensPeer(peer)) {
      return true;
    }
    return peer.accept(
        new Peer.Cases<Boolean>() {
          @Override
          public Boolean any(Peer.Any any) {
            return true;
          }

          @Override
          public Boolean namespaces(Peer.Namespaces namespaces) {
            return other instanceof Endpoint.Workload pod
                && inNamespaces(world, allowlist, namespaces.namespaces(), pod);
          }

          @Override
          public Boolean pods(Peer.Pods pods) {
            return other instanceof Endpoint.Workload pod
                && hasAll(pod.labels(), pods.labels())
                && inNamespaces(world, allowlist, pods.namespaces(), pod);
          }

          @Override
          public Boolean cidr(Peer.Cidr cidr) {
            IpAddress address;
            if (other instanceof Endpoint.External external) {
              address = external.address();
            } else if (other instanceof Endpoint.Fqdn fqdn) {
              address = fqdn.address();
            } else {
              return false;
            }
            if (!IpRange.parseCidr(cidr.cidr()).contains(address)) {
              return false;
            }
            return cidr.except().stream().noneMatch(e -> IpRange.parseCidr(e).contains(address));
          }

          @Override
          public Boolean fqdn(Peer.Fqdn fqdn) {
            return direction == Direction.EGRESS
                && other instanceof Endpoint.Fqdn name
                && nameMatches(fqdn.name(), name.name());
          }

          @Override
          public Boolean nodes(Peer.Nodes nodes) {
            return other instanceof Endpoint.Node || other instanceof Endpoint.ApiServer;
          }

          @Override
          public Boolean apiServer(Peer.ApiServer apiServer) {
            if (!(other instanceof Endpoint.ApiServer server)) {
              return false;
            }
            if (direction == Direction.INGRESS || apiServer.cidrs().isEmpty()) {
              return true;
            }
            return apiServer.cidrs().stream()
                .anyMatch(c -> IpRange.parseCidr(c).contains(server.address()));
          }
        });
  }

  private static boolean inNamespaces(
      World world, Allowlist allowlist, NamespaceSelector selector, Endpoint.Workload pod) {
    String namespace = pod.namespace();
    return selector.accept(
        new NamespaceSelector.Cases<Boolean>() {
          @Override
          public Boolean own(NamespaceSelector.Own own) {
            return namespace.equals(allowlist.namespace());
          }

          @Override
          public Boolean named(NamespaceSelector.Named named) {
            return namespace.equals(named.name());
          }

          @Override
          public Boolean labelled(NamespaceSelector.Labelled labelled) {
            return hasAll(world.namespace(namespace).labels(), labelled.labels());
          }

          @Override
          public Boolean all(NamespaceSelector.All all) {
            return true;
          }
        });
  }

  /** A DNS name against a name or a {@code *.suffix} pattern, without case. */
  static boolean nameMatches(String pattern, String name) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String n = name.toLowerCase(Locale.ROOT);
    if (!p.startsWith("*.")) {
      return p.equals(n);
    }
    String suffix = p.substring(1);
    return n.endsWith(suffix)
        && n.length() > suffix.length()
        && n.substring(0, n.length() - suffix.length()).indexOf('.') < 0;
  }
}
