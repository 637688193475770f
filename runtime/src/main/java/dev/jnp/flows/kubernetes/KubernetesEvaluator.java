package dev.jnp.flows.kubernetes;

import dev.jnp.flows.Connection;
import dev.jnp.flows.Decision;
import dev.jnp.flows.Direction;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.PolicyDocument;
import dev.jnp.flows.PolicyEvaluator;
import dev.jnp.flows.Reason;
import dev.jnp.flows.Verdict;
import dev.jnp.flows.World;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@code kubernetes} engine: only {@code networking.k8s.io/v1} NetworkPolicies, combined as
 * {@link KubernetesPolicies} says, with {@code ipBlock} never matching pods. A connection is
 * allowed when the source's egress side and the destination's ingress side both allow it; an
 * endpoint that is not a pod has no policy side. Other policy kinds are ignored with a warning.
 */
public final class KubernetesEvaluator implements PolicyEvaluator {
  private final KubernetesPolicies policies;
  private final List<String> warnings;

  /** An evaluator for the NetworkPolicies among {@code documents}. */
  public KubernetesEvaluator(List<PolicyDocument> documents) {
    List<String> problems = new ArrayList<>();
    this.policies = KubernetesPolicies.of(documents, IpBlockScope.NOT_PODS, problems);
    for (PolicyDocument d : documents) {
      if (d.dialect() != PolicyDocument.Dialect.KUBERNETES) {
        problems.add(d.ref() + ": ignored, the kubernetes engine reads only networking.k8s.io/v1"
            + " NetworkPolicy");
      }
    }
    this.warnings = List.copyOf(problems);
  }

  @Override
  public String engine() {
    return "kubernetes";
  }

  @Override
  public Verdict evaluate(World world, Connection connection) {
    return new Verdict(
        connection,
        side(world, connection, Direction.EGRESS, connection.source()),
        side(world, connection, Direction.INGRESS, connection.destination()));
  }

  private Decision side(World world, Connection connection, Direction direction, Endpoint self) {
    if (self.asWorkload().isEmpty()) {
      return Decision.allow(direction, self, new Reason.NotAPod());
    }
    return policies.decide(world, self.asWorkload().get(), direction, connection);
  }

  @Override
  public SortedSet<Integer> portBoundaries(World world, Endpoint destination) {
    SortedSet<Integer> cuts = new TreeSet<>();
    policies.addBoundaries(cuts);
    destination.asWorkload().ifPresent(w -> w.ports().forEach(p -> {
      cuts.add(p.port());
      cuts.add(p.port() + 1);
    }));
    return cuts;
  }

  @Override
  public SortedSet<Integer> sideBoundaries(World world, Endpoint.Workload pod, Direction direction) {
    SortedSet<Integer> cuts = new TreeSet<>();
    policies.isolating(pod, direction).forEach(p -> p.addBoundaries(cuts));
    return cuts;
  }

  @Override
  public List<IpRange> addressBlocks(Direction direction) {
    return policies.addressBlocks(direction);
  }

  @Override
  public List<String> warnings() {
    return warnings;
  }
}
