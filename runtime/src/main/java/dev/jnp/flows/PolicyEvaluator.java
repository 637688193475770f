package dev.jnp.flows;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Answers "is this connection allowed?" under one engine's semantics, for the policy objects it
 * was built from ({@link PolicyEvaluators}). Implementations are immutable and thread-safe.
 */
public interface PolicyEvaluator {

  /** The engine: {@code kubernetes}, {@code cilium}, {@code calico}, {@code clusterNetworkPolicy}. */
  String engine();

  /** The verdict for one connection, with the rule (or the missing rule) that decides each side. */
  Verdict evaluate(World world, Connection connection);

  /**
   * Ports at which a verdict for a connection to {@code destination} may change: every start
   * and every end + 1 of a port or range the policies name, and every container port of {@code
   * destination} (named ports resolve to them). Between two neighbouring boundaries every port
   * gets the same verdict.
   */
  SortedSet<Integer> portBoundaries(World world, Endpoint destination);

  /**
   * Ports at which the decision of {@code pod}'s side of a connection in {@code direction} may
   * change: every start and end + 1 of a port or range named by the policies that can decide that
   * side, those that select the pod (a rule's named port resolves to the destination's container
   * ports, which {@link #portBoundaries} adds). A list of connections cuts a pair's ports at
   * these of its source's egress side and its destination's ingress side only, not at every port
   * any policy names.
   */
  SortedSet<Integer> sideBoundaries(World world, Endpoint.Workload pod, Direction direction);

  /**
   * The address blocks the policies name as peers in {@code direction} ({@code INGRESS}: the
   * sources of ingress rules; {@code EGRESS}: the destinations of egress rules), each block less
   * its exceptions, as contiguous ranges.
   */
  List<IpRange> addressBlocks(Direction direction);

  /** What the evaluator ignored or could not read in its policies, one message each. */
  List<String> warnings();

  /**
   * Every (protocol, port) that {@code source} may open to {@code destination}: the verdict is
   * evaluated once per protocol and per run of ports between {@link #portBoundaries}.
   */
  default ConnectionSet allowed(World world, Endpoint source, Endpoint destination) {
    SortedSet<Integer> cuts = new TreeSet<>(portBoundaries(world, destination));
    cuts.add(1);
    cuts.add(65536);
    return allowed(world, source, destination,
        cuts.stream().mapToInt(Integer::intValue).filter(c -> c >= 1 && c <= 65536).toArray());
  }

  /**
   * {@link #allowed(World, Endpoint, Endpoint)}, cut at {@code cuts} (ascending, within 1–65,536,
   * both ends included) instead: the verdict is evaluated at the first port of each run between
   * them, so they must hold every port at which it may change.
   */
  default ConnectionSet allowed(World world, Endpoint source, Endpoint destination, int[] cuts) {
    ConnectionSet.Builder out = ConnectionSet.builder();
    for (Protocol protocol : Protocol.values()) {
      for (int i = 1; i < cuts.length; i++) {
        if (evaluate(world, new Connection(source, destination, protocol, cuts[i - 1])).allowed()) {
          out.add(protocol, new PortRange(cuts[i - 1], cuts[i] - 1));
        }
      }
    }
    return out.build();
  }
}
