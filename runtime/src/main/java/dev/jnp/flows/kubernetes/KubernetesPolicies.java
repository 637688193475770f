package dev.jnp.flows.kubernetes;

import dev.jnp.flows.Connection;
import dev.jnp.flows.Decision;
import dev.jnp.flows.Direction;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.PodSelections;
import dev.jnp.flows.PolicyDocument;
import dev.jnp.flows.PolicyRef;
import dev.jnp.flows.Reason;
import dev.jnp.flows.SelectorIndex;
import dev.jnp.flows.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The v1 NetworkPolicies of a cluster and how they combine (engine-semantics.md §1 "Default deny
 * and precedence"; conformance README, item 7): a pod is isolated in a direction once a policy of
 * its namespace selects it and governs that direction; an isolated pod gets the union of the
 * rules of every such policy. There are no deny rules and no order.
 *
 * <p>Traffic from the pod's own node is always let in (the API reference: kubelet probes). The
 * other engines enforce v1 policies with these same rules, each matching {@code ipBlock} in its
 * own {@link IpBlockScope}.
 */
public final class KubernetesPolicies {
  private final List<KubernetesPolicy> policies;
  private final SelectorIndex<KubernetesPolicy> bySelector;
  private final IpBlockScope scope;
  private final PodSelections<Isolation> isolating = new PodSelections<>();

  /**
   * The policies that isolate a pod in a direction, and the references a denial names them by:
   * made once with the policies, not for every connection denied.
   */
  private record Isolation(List<KubernetesPolicy> policies, List<PolicyRef> refs) {}

  private KubernetesPolicies(List<KubernetesPolicy> policies, IpBlockScope scope) {
    this.policies = List.copyOf(policies);
    this.bySelector = new SelectorIndex<>(this.policies, KubernetesPolicy::requiredLabel);
    this.scope = scope;
  }

  /** The v1 NetworkPolicies among {@code documents}, in their order. */
  public static KubernetesPolicies of(
      List<PolicyDocument> documents, IpBlockScope scope, List<String> problems) {
    List<KubernetesPolicy> out = new ArrayList<>();
    for (PolicyDocument d : documents) {
      if (d.dialect() == PolicyDocument.Dialect.KUBERNETES) {
        out.add(KubernetesPolicy.parse(d, problems));
      }
    }
    return new KubernetesPolicies(out, scope);
  }

  /** Whether there are no policies at all. */
  public boolean isEmpty() {
    return policies.isEmpty();
  }

  /** The policies that select {@code pod} and govern {@code direction}: they isolate it. */
  public List<KubernetesPolicy> isolating(Endpoint.Workload pod, Direction direction) {
    return isolation(pod, direction).policies();
  }

  private Isolation isolation(Endpoint.Workload pod, Direction direction) {
    // A v1 policy selects by the pod's own namespace and labels; no world is read.
    return isolating.of(null, pod, direction, () -> {
      List<KubernetesPolicy> out = new ArrayList<>();
      List<PolicyRef> refs = new ArrayList<>();
      for (KubernetesPolicy p : bySelector.candidates(pod.labels())) {
        if (p.governs(direction) && p.selects(pod)) {
          out.add(p);
          refs.add(p.ref());
        }
      }
      return new Isolation(List.copyOf(out), List.copyOf(refs));
    });
  }

  /**
   * The first rule, of the policies isolating {@code self} in {@code direction}, that allows
   * {@code connection}.
   */
  public Optional<KubernetesRule> allowingRule(
      World world, Endpoint.Workload self, Direction direction, Connection connection) {
    Endpoint peer = direction == Direction.INGRESS ? connection.source() : connection.destination();
    for (KubernetesPolicy p : isolating(self, direction)) {
      Optional<KubernetesRule> rule =
          p.allowingRule(world, direction, peer, connection.destination(), connection.protocol(),
              connection.port(), scope);
      if (rule.isPresent()) {
        return rule;
      }
    }
    return Optional.empty();
  }

  /** The decision for the {@code direction} side of {@code connection}, where {@code self} is. */
  public Decision decide(
      World world, Endpoint.Workload self, Direction direction, Connection connection) {
    Isolation isolation = isolation(self, direction);
    if (isolation.policies().isEmpty()) {
      return Decision.allow(direction, self, new Reason.NotIsolated());
    }
    if (isFromLocalNode(direction, connection)) {
      return Decision.allow(direction, self, new Reason.LocalNode());
    }
    Optional<KubernetesRule> rule = allowingRule(world, self, direction, connection);
    if (rule.isPresent()) {
      return Decision.allow(direction, self, new Reason.RuleMatched(rule.get().ref(), "Allow"));
    }
    return Decision.deny(direction, self, new Reason.NoRuleAllows(isolation.refs()));
  }

  /** Whether the connection comes in from the destination pod's own node. */
  public static boolean isFromLocalNode(Direction direction, Connection connection) {
    return direction == Direction.INGRESS
        && connection.source() instanceof Endpoint.Node node
        && node.local();
  }

  /** Adds the port boundaries of every rule. */
  public void addBoundaries(SortedSet<Integer> cuts) {
    policies.forEach(p -> p.addBoundaries(cuts));
  }

  /** The ipBlock ranges of every rule of {@code direction}. */
  public List<IpRange> addressBlocks(Direction direction) {
    List<IpRange> out = new ArrayList<>();
    policies.forEach(p -> p.addBlocks(direction, out));
    return out;
  }
}
