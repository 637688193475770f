package dev.jnp.flows.calico;

import dev.jnp.flows.Connection;
import dev.jnp.flows.Direction;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.PolicyRef;
import dev.jnp.flows.World;
import dev.jnp.flows.kubernetes.IpBlockScope;
import dev.jnp.flows.kubernetes.KubernetesPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A v1 NetworkPolicy as Calico runs it (engine-semantics.md §3 "Precedence"): in the {@code
 * default} tier at order 1000 under the name {@code knp.default.<name>}, every rule an {@code
 * Allow}; an {@code ipBlock} becomes {@code nets}/{@code notNets}, which match pod addresses too.
 */
final class NetworkPolicyInCalico implements TieredPolicy {
  private final KubernetesPolicy policy;

  NetworkPolicyInCalico(KubernetesPolicy policy) {
    this.policy = policy;
  }

  @Override
  public PolicyRef ref() {
    return policy.ref();
  }

  @Override
  public String tier() {
    return "default";
  }

  @Override
  public Optional<Double> order() {
    return Optional.of(1000.0);
  }

  @Override
  public String sortName() {
    return "knp.default." + policy.ref().name();
  }

  @Override
  public boolean appliesTo(World world, Endpoint.Workload pod, Direction direction) {
    return policy.governs(direction) && policy.selects(pod);
  }

  /**
   * The pod selector's required label, unless it is one of the {@code projectcalico.org/} labels
   * that {@link CalicoLabels#of} writes over a pod's own.
   */
  @Override
  public Optional<Map.Entry<String, String>> requiredLabel() {
    return policy.requiredLabel().filter(label -> !label.getKey().startsWith("projectcalico.org/"));
  }

  @Override
  public Optional<Outcome> firstMatch(World world, Direction direction, Connection connection) {
    Endpoint peer = direction == Direction.INGRESS ? connection.source() : connection.destination();
    return policy
        .allowingRule(world, direction, peer, connection.destination(), connection.protocol(),
            connection.port(), IpBlockScope.ANY_ADDRESS)
        .map(rule -> new Outcome("Allow", rule.ref()));
  }

  @Override
  public void addBoundaries(SortedSet<Integer> cuts) {
    policy.addBoundaries(cuts);
  }

  @Override
  public void addBlocks(Direction direction, List<IpRange> out) {
    policy.addBlocks(direction, out);
  }
}
