package dev.jnp.flows.calico;

import dev.jnp.flows.Connection;
import dev.jnp.flows.Direction;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.PolicyRef;
import dev.jnp.flows.RuleRef;
import dev.jnp.flows.World;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/** A policy as Calico orders it: in a tier, by {@code order} then name. */
interface TieredPolicy {
  /** A rule's action and where the rule is. */
  record Outcome(String action, RuleRef rule) {}

  PolicyRef ref();

  String tier();

  /** The {@code order}; empty sorts last. */
  Optional<Double> order();

  /** The name Calico breaks order ties with. */
  String sortName();

  /** Whether the policy applies to {@code pod} in {@code direction}. */
  boolean appliesTo(World world, Endpoint.Workload pod, Direction direction);

  /**
   * A label that every pod the policy applies to carries among its Calico labels ({@link
   * CalicoLabels#of}), if its selector names one.
   */
  Optional<Map.Entry<String, String>> requiredLabel();

  /** The first rule of {@code direction} that matches and decides ({@code Log} rules go on). */
  Optional<Outcome> firstMatch(World world, Direction direction, Connection connection);

  void addBoundaries(SortedSet<Integer> cuts);

  void addBlocks(Direction direction, List<IpRange> out);
}
