package dev.jnp.flows.calico;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.Connection;
import dev.jnp.flows.Direction;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.PolicyDocument;
import dev.jnp.flows.PolicyRef;
import dev.jnp.flows.RuleRef;
import dev.jnp.flows.Tree;
import dev.jnp.flows.World;
import dev.jnp.flows.selector.CalicoSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A Calico NetworkPolicy or GlobalNetworkPolicy (engine-semantics.md §3 "Spec fields",
 * "Subject", "Default deny").
 *
 * <ul>
 *   <li>Subject: {@code selector} (empty: {@code all()}) over the pods of the policy's namespace;
 *       for a GlobalNetworkPolicy over pods of every namespace matching {@code
 *       namespaceSelector}. {@code doNotTrack} and {@code preDNAT} policies apply to host
 *       endpoints only, and {@code serviceAccountSelector} is not modelled: such policies apply
 *       to no pod.
 *   <li>Directions: {@code types}, or when absent: {@code [Egress]} if there are egress rules
 *       only, {@code [Ingress, Egress]} if there are both, else {@code [Ingress]}.
 *   <li>{@code tier} defaults to {@code default}; a missing {@code order} sorts last.
 * </ul>
 */
final class CalicoPolicy implements TieredPolicy {
  private final PolicyRef ref;
  private final String tier;
  private final Optional<Double> order;
  private final CalicoSelector selector;
  private final CalicoSelector namespaceSelector;
  private final boolean ingress;
  private final boolean egress;
  private final List<CalicoRule> ingressRules;
  private final List<CalicoRule> egressRules;
  private final boolean appliesToPods;

  private CalicoPolicy(PolicyRef ref, String tier, Optional<Double> order,
      CalicoSelector selector, CalicoSelector namespaceSelector, boolean ingress, boolean egress,
      List<CalicoRule> ingressRules, List<CalicoRule> egressRules, boolean appliesToPods) {
    this.ref = ref;
    this.tier = tier;
    this.order = order;
    this.selector = selector;
    this.namespaceSelector = namespaceSelector;
    this.ingress = ingress;
    this.egress = egress;
    this.ingressRules = ingressRules;
    this.egressRules = egressRules;
    this.appliesToPods = appliesToPods;
  }

  static CalicoPolicy parse(PolicyDocument document, List<String> problems) {
    PolicyRef ref = document.ref();
    JsonNode spec = document.spec();
    boolean global = document.kind().equals("GlobalNetworkPolicy");
    String namespace = global ? "" : ref.namespace();
    boolean applies = true;
    CalicoSelector selector = selector(spec, "selector", ref, problems);
    CalicoSelector namespaceSelector =
        global ? selector(spec, "namespaceSelector", ref, problems) : null;
    if (selector == null
        || (global && Tree.has(spec, "namespaceSelector") && namespaceSelector == null)) {
      applies = false;
    }
    if (Tree.bool(spec, "doNotTrack").orElse(false) || Tree.bool(spec, "preDNAT").orElse(false)) {
      problems.add(ref + ": doNotTrack/preDNAT policies apply to host endpoints only");
      applies = false;
    }
    if (Tree.has(spec, "serviceAccountSelector")) {
      problems.add(ref + ": serviceAccountSelector is not modelled; the policy applies to no pod");
      applies = false;
    }
    List<CalicoRule> ingressRules = rules(ref, spec, "ingress", namespace, problems);
    List<CalicoRule> egressRules = rules(ref, spec, "egress", namespace, problems);
    List<String> types = Tree.texts(spec, "types");
    boolean ingress;
    boolean egress;
    if (types.isEmpty()) {
      boolean hasIngress = !Tree.list(spec, "ingress").isEmpty();
      boolean hasEgress = !Tree.list(spec, "egress").isEmpty();
      egress = hasEgress;
      ingress = hasIngress || !hasEgress;
    } else {
      ingress = types.contains("Ingress");
      egress = types.contains("Egress");
    }
    Optional<Double> order = Tree.field(spec, "order").flatMap(CalicoPolicy::number);
    return new CalicoPolicy(ref, Tree.text(spec, "tier", "default"), order, selector,
        namespaceSelector, ingress, egress, ingressRules, egressRules, applies);
  }

  static Optional<Double> number(JsonNode node) {
    if (node.isNumber()) {
      return Optional.of(node.asDouble());
    }
    try {
      return Optional.of(Double.parseDouble(node.asText().trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static CalicoSelector selector(JsonNode spec, String field, PolicyRef ref,
      List<String> problems) {
    try {
      return CalicoSelector.parse(Tree.text(spec, field, ""));
    } catch (IllegalArgumentException e) {
      problems.add(ref + " spec." + field + ": " + e.getMessage()
          + "; the policy applies to no pod");
      return null;
    }
  }

  private static List<CalicoRule> rules(PolicyRef ref, JsonNode spec, String field,
      String namespace, List<String> problems) {
    List<CalicoRule> out = new ArrayList<>();
    List<JsonNode> nodes = Tree.list(spec, field);
    for (int i = 0; i < nodes.size(); i++) {
      CalicoRule.parse(new RuleRef(ref, "spec." + field + "[" + i + "]", i), nodes.get(i),
          namespace, problems).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public PolicyRef ref() {
    return ref;
  }

  @Override
  public String tier() {
    return tier;
  }

  @Override
  public Optional<Double> order() {
    return order;
  }

  @Override
  public String sortName() {
    return ref.name();
  }

  @Override
  public boolean appliesTo(World world, Endpoint.Workload pod, Direction direction) {
    if (!appliesToPods || !(direction == Direction.INGRESS ? ingress : egress)) {
      return false;
    }
    if (ref.namespace().isEmpty()) {
      if (namespaceSelector != null
          && !namespaceSelector.matches(CalicoLabels.ofNamespace(world, pod.namespace()))) {
        return false;
      }
    } else if (!pod.namespace().equals(ref.namespace())) {
      return false;
    }
    return selector.matches(CalicoLabels.of(pod));
  }

  @Override
  public Optional<Map.Entry<String, String>> requiredLabel() {
    // No selector: it could not be read, and the policy applies to no pod.
    return selector == null ? Optional.empty() : selector.requiredLabel();
  }

  @Override
  public Optional<Outcome> firstMatch(World world, Direction direction, Connection connection) {
    for (CalicoRule rule : direction == Direction.INGRESS ? ingressRules : egressRules) {
      if (!rule.action().equals("Log") && rule.matches(world, connection)) {
        return Optional.of(new Outcome(rule.action(), rule.ref()));
      }
    }
    return Optional.empty();
  }

  @Override
  public void addBoundaries(SortedSet<Integer> cuts) {
    ingressRules.forEach(r -> r.addBoundaries(cuts));
    egressRules.forEach(r -> r.addBoundaries(cuts));
  }

  @Override
  public void addBlocks(Direction direction, List<IpRange> out) {
    boolean in = direction == Direction.INGRESS;
    (in ? ingressRules : egressRules).forEach(r -> out.addAll(r.peerBlocks(in)));
  }
}
