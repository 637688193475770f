package dev.jnp.flows.clusternetworkpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.Direction;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.PolicyDocument;
import dev.jnp.flows.PolicyRef;
import dev.jnp.flows.Tree;
import dev.jnp.flows.World;
import dev.jnp.flows.selector.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ClusterNetworkPolicy (engine-semantics.md §4 "Required spec fields"): its {@code tier}
 * ({@code Admin} or {@code Baseline}), {@code priority} (lower first) and {@code subject}: pods of
 * the namespaces {@code namespaces} selects, or {@code pods{namespaceSelector, podSelector}}.
 */
final class ClusterPolicy {
  private final PolicyRef ref;
  private final String tier;
  private final int priority;
  private final LabelSelector subjectNamespaces;
  private final LabelSelector subjectPods;
  private final List<ClusterRule> ingress;
  private final List<ClusterRule> egress;

  private ClusterPolicy(PolicyRef ref, String tier, int priority, LabelSelector subjectNamespaces,
      LabelSelector subjectPods, List<ClusterRule> ingress, List<ClusterRule> egress) {
    this.ref = ref;
    this.tier = tier;
    this.priority = priority;
    this.subjectNamespaces = subjectNamespaces;
    this.subjectPods = subjectPods;
    this.ingress = ingress;
    this.egress = egress;
  }

  static Optional<ClusterPolicy> parse(PolicyDocument document, List<String> problems) {
    PolicyRef ref = document.ref();
    JsonNode spec = document.spec();
    String tier = Tree.text(spec, "tier", "");
    if (!tier.equals("Admin") && !tier.equals("Baseline")) {
      problems.add(ref + ": tier '" + tier + "' is neither Admin nor Baseline; ignored");
      return Optional.empty();
    }
    int priority = Tree.integer(spec, "priority").orElse(1000);
    LabelSelector namespaces = null;
    LabelSelector pods = null;
    JsonNode subject = Tree.object(spec, "subject").orElse(null);
    Optional<JsonNode> ns = Tree.object(subject, "namespaces");
    Optional<JsonNode> podSubject = Tree.object(subject, "pods");
    if (ns.isPresent()) {
      namespaces = LabelSelector.parse(ns.get(), problems);
    } else if (podSubject.isPresent()) {
      namespaces = Tree.object(podSubject.get(), "namespaceSelector")
          .map(n -> LabelSelector.parse(n, problems)).orElse(LabelSelector.EVERYTHING);
      pods = Tree.object(podSubject.get(), "podSelector")
          .map(n -> LabelSelector.parse(n, problems)).orElse(LabelSelector.EVERYTHING);
    } else {
      problems.add(ref + ": no subject; it selects nothing");
    }
    return Optional.of(new ClusterPolicy(ref, tier, priority, namespaces, pods,
        rules(ref, Direction.INGRESS, spec, problems), rules(ref, Direction.EGRESS, spec, problems)));
  }

  private static List<ClusterRule> rules(PolicyRef ref, Direction direction, JsonNode spec,
      List<String> problems) {
    List<ClusterRule> out = new ArrayList<>();
    List<JsonNode> nodes = Tree.list(spec, direction.word());
    for (int i = 0; i < nodes.size(); i++) {
      out.add(ClusterRule.parse(ref, direction, i, nodes.get(i), problems));
    }
    return out;
  }

  PolicyRef ref() {
    return ref;
  }

  String tier() {
    return tier;
  }

  int priority() {
    return priority;
  }

  boolean selects(World world, Endpoint.Workload pod) {
    if (subjectNamespaces == null
        || !subjectNamespaces.matches(world.namespace(pod.namespace()).labels())) {
      return false;
    }
    return subjectPods == null || subjectPods.matches(pod.labels());
  }

  /** A label every pod the policy selects carries, if its subject's pod selector names one. */
  Optional<Map.Entry<String, String>> requiredLabel() {
    return subjectPods == null ? Optional.empty() : subjectPods.requiredLabel();
  }

  List<ClusterRule> rules(Direction direction) {
    return direction == Direction.INGRESS ? ingress : egress;
  }
}
