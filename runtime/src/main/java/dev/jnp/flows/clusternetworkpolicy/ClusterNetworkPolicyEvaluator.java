package dev.jnp.flows.clusternetworkpolicy;

import dev.jnp.flows.Connection;
import dev.jnp.flows.Decision;
import dev.jnp.flows.Direction;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.PodSelections;
import dev.jnp.flows.PolicyDocument;
import dev.jnp.flows.PolicyEvaluator;
import dev.jnp.flows.Reason;
import dev.jnp.flows.SelectorIndex;
import dev.jnp.flows.Verdict;
import dev.jnp.flows.World;
import dev.jnp.flows.kubernetes.IpBlockScope;
import dev.jnp.flows.kubernetes.KubernetesPolicies;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@code clusterNetworkPolicy} engine (engine-semantics.md §4 "Evaluation"). For a pod and a
 * direction:
 *
 * <ol>
 *   <li>Admin tier: the policies selecting the pod by ascending {@code priority} (ties by name),
 *       their rules in order; {@code Accept} and {@code Deny} are final, {@code Pass} skips the
 *       rest of the tier;
 *   <li>v1 NetworkPolicy: if one isolates the pod in that direction, the NetworkPolicies decide
 *       (allowed when one of their rules allows, else denied; {@link KubernetesPolicies});
 *   <li>Baseline tier, only for pods no NetworkPolicy isolates in that direction: as Admin,
 *       {@code Pass} ending the tier;
 *   <li>otherwise allowed: selecting a pod isolates nothing.
 * </ol>
 *
 * An egress {@code Accept} does not bypass the destination's ingress side. Endpoints that are not
 * pods have no policy side.
 */
public final class ClusterNetworkPolicyEvaluator implements PolicyEvaluator {
  private final List<ClusterPolicy> admin = new ArrayList<>();
  private final List<ClusterPolicy> baseline = new ArrayList<>();
  /** Each tier's policies, in its order, by a label the pods they select carry. */
  private final SelectorIndex<ClusterPolicy> adminBySelector;
  private final SelectorIndex<ClusterPolicy> baselineBySelector;
  private final KubernetesPolicies kubernetes;
  private final List<String> warnings;
  private final PodSelections<Selected> selections = new PodSelections<>();

  /** An evaluator for the ClusterNetworkPolicies and v1 NetworkPolicies among {@code documents}. */
  public ClusterNetworkPolicyEvaluator(List<PolicyDocument> documents) {
    List<String> problems = new ArrayList<>();
    for (PolicyDocument d : documents) {
      if (d.dialect() == PolicyDocument.Dialect.CLUSTER_NETWORK_POLICY) {
        ClusterPolicy.parse(d, problems).ifPresent(p ->
            (p.tier().equals("Admin") ? admin : baseline).add(p));
      } else if (d.dialect() != PolicyDocument.Dialect.KUBERNETES) {
        problems.add(d.ref() + ": ignored, the clusterNetworkPolicy engine reads"
            + " ClusterNetworkPolicy and networking.k8s.io/v1 NetworkPolicy");
      }
    }
    Comparator<ClusterPolicy> order =
        Comparator.comparingInt(ClusterPolicy::priority).thenComparing(p -> p.ref().name());
    admin.sort(order);
    baseline.sort(order);
    this.adminBySelector = new SelectorIndex<>(admin, ClusterPolicy::requiredLabel);
    this.baselineBySelector = new SelectorIndex<>(baseline, ClusterPolicy::requiredLabel);
    this.kubernetes = KubernetesPolicies.of(documents, IpBlockScope.NOT_PODS, problems);
    this.warnings = List.copyOf(problems);
  }

  @Override
  public String engine() {
    return "clusterNetworkPolicy";
  }

  @Override
  public Verdict evaluate(World world, Connection connection) {
    return new Verdict(
        connection,
        side(world, connection, Direction.EGRESS, connection.source()),
        side(world, connection, Direction.INGRESS, connection.destination()));
  }

  private Decision side(World world, Connection connection, Direction direction, Endpoint self) {
    Optional<Endpoint.Workload> pod = self.asWorkload();
    if (pod.isEmpty()) {
      return Decision.allow(direction, self, new Reason.NotAPod());
    }
    Endpoint peer = direction == Direction.INGRESS ? connection.source() : connection.destination();
    Selected selected = selected(world, pod.get(), direction);
    Optional<Decision> decided = tier(selected.admin(), world, pod.get(), direction, peer, connection);
    if (decided.isPresent()) {
      return decided.get();
    }
    if (!kubernetes.isolating(pod.get(), direction).isEmpty()) {
      return kubernetes.decide(world, pod.get(), direction, connection);
    }
    decided = tier(selected.baseline(), world, pod.get(), direction, peer, connection);
    if (decided.isPresent()) {
      return decided.get();
    }
    return Decision.allow(direction, self, selected.admin().isEmpty() && selected.baseline().isEmpty()
        ? new Reason.NotIsolated()
        : new Reason.NoDecision("no ClusterNetworkPolicy rule decided; allowed by default"));
  }

  /** The policies of one tier that select a pod, in the tier's order. */
  private record Selected(List<ClusterPolicy> admin, List<ClusterPolicy> baseline) {}

  private Selected selected(World world, Endpoint.Workload pod, Direction direction) {
    return selections.of(world, pod, direction, () ->
        new Selected(selecting(adminBySelector, world, pod), selecting(baselineBySelector, world, pod)));
  }

  private static List<ClusterPolicy> selecting(SelectorIndex<ClusterPolicy> tier, World world, Endpoint.Workload pod) {
    List<ClusterPolicy> out = new ArrayList<>();
    for (ClusterPolicy p : tier.candidates(pod.labels())) {
      if (p.selects(world, pod)) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The decision of the first matching rule of {@code selecting} (a tier's policies that select
   * the pod); empty when none matches or one passes.
   */
  private static Optional<Decision> tier(List<ClusterPolicy> selecting, World world,
      Endpoint.Workload pod, Direction direction, Endpoint peer, Connection connection) {
    for (ClusterPolicy p : selecting) {
      for (ClusterRule rule : p.rules(direction)) {
        if (!rule.matches(world, peer, connection)) {
          continue;
        }
        Reason reason = new Reason.RuleMatched(rule.ref(), rule.action());
        switch (rule.action()) {
          case "Accept":
            return Optional.of(Decision.allow(direction, pod, reason));
          case "Deny":
            return Optional.of(Decision.deny(direction, pod, reason));
          default:
            return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public SortedSet<Integer> portBoundaries(World world, Endpoint destination) {
    SortedSet<Integer> cuts = new TreeSet<>();
    for (List<ClusterPolicy> tier : List.of(admin, baseline)) {
      for (ClusterPolicy p : tier) {
        addBoundaries(p, cuts);
      }
    }
    kubernetes.addBoundaries(cuts);
    destination.asWorkload().ifPresent(w -> w.ports().forEach(p -> {
      cuts.add(p.port());
      cuts.add(p.port() + 1);
    }));
    return cuts;
  }

  private static void addBoundaries(ClusterPolicy policy, SortedSet<Integer> cuts) {
    for (Direction d : Direction.values()) {
      policy.rules(d).forEach(r -> r.addBoundaries(cuts));
    }
  }

  @Override
  public SortedSet<Integer> sideBoundaries(World world, Endpoint.Workload pod, Direction direction) {
    SortedSet<Integer> cuts = new TreeSet<>();
    Selected selected = selected(world, pod, direction);
    for (List<ClusterPolicy> tier : List.of(selected.admin(), selected.baseline())) {
      for (ClusterPolicy p : tier) {
        addBoundaries(p, cuts);
      }
    }
    kubernetes.isolating(pod, direction).forEach(p -> p.addBoundaries(cuts));
    return cuts;
  }

  @Override
  public List<IpRange> addressBlocks(Direction direction) {
    List<IpRange> out = new ArrayList<>();
    for (List<ClusterPolicy> tier : List.of(admin, baseline)) {
      for (ClusterPolicy p : tier) {
        p.rules(direction).forEach(r -> r.addBlocks(out));
      }
    }
    out.addAll(kubernetes.addressBlocks(direction));
    return out;
  }

  @Override
  public List<String> warnings() {
    return warnings;
  }
}
