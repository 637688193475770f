package dev.jnp.flows.calico;

import dev.jnp.flows.Connection;
import dev.jnp.flows.Decision;
import dev.jnp.flows.Direction;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.PodSelections;
import dev.jnp.flows.PolicyDocument;
import dev.jnp.flows.PolicyEvaluator;
import dev.jnp.flows.PolicyRef;
import dev.jnp.flows.Reason;
import dev.jnp.flows.SelectorIndex;
import dev.jnp.flows.Tree;
import dev.jnp.flows.Verdict;
import dev.jnp.flows.World;
import dev.jnp.flows.kubernetes.KubernetesPolicies;
import dev.jnp.flows.kubernetes.KubernetesPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code calico} engine (engine-semantics.md §3 "Precedence", "Default deny"). For a pod and
 * a direction, tiers are visited by ascending order ({@code kube-admin} 1000, {@code default}
 * 1,000,000, {@code kube-baseline} 10,000,000, or a Tier object's {@code order}; ties by name). A
 * tier counts only if one of its policies applies to the pod for the direction. Inside it the
 * applying policies run by ascending {@code order} (missing: last; ties by name) and their rules
 * in order: the first {@code Allow} or {@code Deny} decides, {@code Pass} goes to the next tier,
 * {@code Log} goes on. A tier that decides nothing takes its default action: {@code Deny} for
 * {@code default}, {@code Pass} for {@code kube-admin} and {@code kube-baseline} (or the Tier's
 * {@code defaultAction}). When no tier decides, the namespace profile allows.
 *
 * <p>v1 NetworkPolicies join the {@code default} tier ({@link NetworkPolicyInCalico}). Felix does
 * not police traffic from a node to its own pods, so the local node is always let in. Endpoints
 * that are not pods have no policy here (host endpoints are not modelled).
 */
public final class CalicoEvaluator implements PolicyEvaluator {
  private static final Map<String, Double> BUILT_IN_TIERS =
      Map.of("kube-admin", 1000.0, "default", 1_000_000.0, "kube-baseline", 10_000_000.0);

  private final List<TieredPolicy> policies = new ArrayList<>();
  /** The policies, in order, by a label the pods they apply to carry. */
  private final SelectorIndex<TieredPolicy> bySelector;
  private final Map<String, Double> tierOrder = new HashMap<>(BUILT_IN_TIERS);
  private final Map<String, String> tierDefault = new HashMap<>();
  private final List<String> warnings;
  private final PodSelections<List<Tier>> selections = new PodSelections<>();

  /** An evaluator for the Calico policies, Tiers and v1 NetworkPolicies among {@code documents}. */
  public CalicoEvaluator(List<PolicyDocument> documents) {
    List<String> problems = new ArrayList<>();
    tierDefault.put("kube-admin", "Pass");
    tierDefault.put("kube-baseline", "Pass");
    tierDefault.put("default", "Deny");
    for (PolicyDocument d : documents) {
      if (d.dialect() == PolicyDocument.Dialect.CALICO) {
        if (d.kind().equals("Tier")) {
          Tree.field(d.spec(), "order").flatMap(CalicoPolicy::number)
              .ifPresent(o -> tierOrder.put(d.name(), o));
          Tree.text(d.spec(), "defaultAction").ifPresent(a -> tierDefault.put(d.name(), a));
        } else {
          policies.add(CalicoPolicy.parse(d, problems));
        }
      } else if (d.dialect() != PolicyDocument.Dialect.KUBERNETES) {
        problems.add(d.ref() + ": ignored, the calico engine reads projectcalico.org/v3 policies"
            + " and networking.k8s.io/v1 NetworkPolicy");
      }
    }
    for (PolicyDocument d : documents) {
      if (d.dialect() == PolicyDocument.Dialect.KUBERNETES) {
        policies.add(new NetworkPolicyInCalico(KubernetesPolicy.parse(d, problems)));
      }
    }
    for (TieredPolicy p : policies) {
      if (!tierOrder.containsKey(p.tier())) {
        problems.add(p.ref() + ": tier '" + p.tier() + "' has no Tier object; it runs last");
        tierOrder.put(p.tier(), Double.POSITIVE_INFINITY);
      }
    }
    this.bySelector = new SelectorIndex<>(policies, TieredPolicy::requiredLabel);
    this.warnings = List.copyOf(problems);
  }

  @Override
  public String engine() {
    return "calico";
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
    List<Tier> tiers = selections.of(world, pod.get(), direction, () -> tiers(world, pod.get(), direction));
    if (tiers.isEmpty()) {
      return Decision.allow(direction, self, new Reason.NotIsolated());
    }
    if (KubernetesPolicies.isFromLocalNode(direction, connection)) {
      return Decision.allow(direction, self, new Reason.LocalNode());
    }
    for (Tier tier : tiers) {
      List<TieredPolicy> applying = tier.applying();
      boolean passed = false;
      for (TieredPolicy p : applying) {
        Optional<TieredPolicy.Outcome> outcome = p.firstMatch(world, direction, connection);
        if (outcome.isEmpty()) {
          continue;
        }
        Reason reason = new Reason.RuleMatched(outcome.get().rule(), outcome.get().action());
        if (outcome.get().action().equals("Allow")) {
          return Decision.allow(direction, self, reason);
        }
        if (outcome.get().action().equals("Deny")) {
          return Decision.deny(direction, self, reason);
        }
        passed = true;
        break;
      }
      if (passed) {
        continue;
      }
      String defaultAction = tierDefault.getOrDefault(tier.name(), "Deny");
      if (defaultAction.equals("Deny")) {
        List<PolicyRef> refs = applying.stream().map(TieredPolicy::ref).toList();
        return Decision.deny(direction, self,
            new Reason.TierDefault(tier.name(), defaultAction, refs));
      }
    }
    return Decision.allow(direction, self,
        new Reason.NoDecision("no tier decided; the namespace profile allows"));
  }

  /** A tier with a policy that applies to a pod, and those policies in the order they run. */
  private record Tier(String name, List<TieredPolicy> applying) {}

  /** The tiers that count for {@code pod} in {@code direction}, in the order they are visited. */
  private List<Tier> tiers(World world, Endpoint.Workload pod, Direction direction) {
    Map<String, List<TieredPolicy>> byTier = new TreeMap<>(
        Comparator.comparing((String t) -> tierOrder.get(t)).thenComparing(t -> t));
    for (TieredPolicy p : bySelector.candidates(CalicoLabels.of(pod))) {
      if (p.appliesTo(world, pod, direction)) {
        byTier.computeIfAbsent(p.tier(), t -> new ArrayList<>()).add(p);
      }
    }
    List<Tier> tiers = new ArrayList<>();
    byTier.forEach((name, applying) -> {
      applying.sort(Comparator
          .comparing((TieredPolicy p) -> p.order().orElse(Double.POSITIVE_INFINITY))
          .thenComparing(TieredPolicy::sortName)
          .thenComparing(p -> p.ref().namespace()));
      tiers.add(new Tier(name, List.copyOf(applying)));
    });
    return List.copyOf(tiers);
  }

  @Override
  public SortedSet<Integer> portBoundaries(World world, Endpoint destination) {
    SortedSet<Integer> cuts = new TreeSet<>();
    policies.forEach(p -> p.addBoundaries(cuts));
    destination.asWorkload().ifPresent(w -> w.ports().forEach(p -> {
      cuts.add(p.port());
      cuts.add(p.port() + 1);
    }));
    if (destination instanceof Endpoint.ApiServer api) {
      cuts.add(api.port());
      cuts.add(api.port() + 1);
    }
    return cuts;
  }

  @Override
  public SortedSet<Integer> sideBoundaries(World world, Endpoint.Workload pod, Direction direction) {
    SortedSet<Integer> cuts = new TreeSet<>();
    for (Tier tier : selections.of(world, pod, direction, () -> tiers(world, pod, direction))) {
      tier.applying().forEach(p -> p.addBoundaries(cuts));
    }
    return cuts;
  }

  @Override
  public List<IpRange> addressBlocks(Direction direction) {
    List<IpRange> out = new ArrayList<>();
    policies.forEach(p -> p.addBlocks(direction, out));
    return out;
  }

  @Override
  public List<String> warnings() {
    return warnings;
  }
}
