package dev.jnp.flows.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.Direction;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.PolicyDocument;
import dev.jnp.flows.PolicyRef;
import dev.jnp.flows.Protocol;
import dev.jnp.flows.Tree;
import dev.jnp.flows.World;
import dev.jnp.flows.selector.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One {@code networking.k8s.io/v1} NetworkPolicy (engine-semantics.md §1 "Subject", "Default
 * deny and precedence"): {@code spec.podSelector} (missing means {@code {}}) selects pods of the
 * policy's own namespace; the directions it governs are {@code policyTypes}, or when that is
 * absent or empty, {@code Ingress} always and {@code Egress} only if {@code spec.egress} has
 * rules.
 */
public final class KubernetesPolicy {
  private final PolicyRef ref;
  private final LabelSelector podSelector;
  private final boolean ingress;
  private final boolean egress;
  private final List<KubernetesRule> ingressRules;
  private final List<KubernetesRule> egressRules;

  private KubernetesPolicy(
      PolicyRef ref, LabelSelector podSelector, boolean ingress, boolean egress,
      List<KubernetesRule> ingressRules, List<KubernetesRule> egressRules) {
    this.ref = ref;
    this.podSelector = podSelector;
    this.ingress = ingress;
    this.egress = egress;
    this.ingressRules = List.copyOf(ingressRules);
    this.egressRules = List.copyOf(egressRules);
  }

  /** Reads a NetworkPolicy; {@code problems} collects what is invalid or ignored. */
  public static KubernetesPolicy parse(PolicyDocument document, List<String> problems) {
    PolicyRef ref = document.ref();
    JsonNode spec = document.spec();
    LabelSelector podSelector =
        Tree.field(spec, "podSelector")
            .map(n -> LabelSelector.parse(n, problems))
            .orElse(LabelSelector.EVERYTHING);
    List<KubernetesRule> ingressRules = rules(ref, Direction.INGRESS, spec, problems);
    List<KubernetesRule> egressRules = rules(ref, Direction.EGRESS, spec, problems);
    List<String> types = Tree.texts(spec, "policyTypes");
    boolean ingress;
    boolean egress;
    if (types.isEmpty()) {
      ingress = true;
      egress = !egressRules.isEmpty();
    } else {
      ingress = types.contains("Ingress");
      egress = types.contains("Egress");
      for (String t : types) {
        if (!t.equals("Ingress") && !t.equals("Egress")) {
          problems.add(ref + ": unknown policyType '" + t + "' ignored");
        }
      }
    }
    return new KubernetesPolicy(ref, podSelector, ingress, egress, ingressRules, egressRules);
  }

  private static List<KubernetesRule> rules(
      PolicyRef ref, Direction direction, JsonNode spec, List<String> problems) {
    List<KubernetesRule> out = new ArrayList<>();
    List<JsonNode> nodes = Tree.list(spec, direction.word());
    for (int i = 0; i < nodes.size(); i++) {
      out.add(KubernetesRule.parse(ref, direction, i, nodes.get(i), problems));
    }
    return out;
  }

  /** The policy's reference. */
  public PolicyRef ref() {
    return ref;
  }

  /** The policy's namespace. */
  public String namespace() {
    return ref.namespace();
  }

  /** Whether the policy governs {@code direction} for the pods it selects. */
  public boolean governs(Direction direction) {
    return direction == Direction.INGRESS ? ingress : egress;
  }

  /** Whether the policy selects {@code pod}: same namespace and {@code podSelector} matches. */
  public boolean selects(Endpoint.Workload pod) {
    return pod.namespace().equals(ref.namespace()) && podSelector.matches(pod.labels());
  }

  /** A label every pod the policy selects carries, if its pod selector names one. */
  public Optional<Map.Entry<String, String>> requiredLabel() {
    return podSelector.requiredLabel();
  }

  /** The rules of {@code direction}. */
  public List<KubernetesRule> rules(Direction direction) {
    return direction == Direction.INGRESS ? ingressRules : egressRules;
  }

  /**
   * The first rule of {@code direction} that allows the connection with {@code peer} at the
   * other end; the destination's named ports count.
   */
  public Optional<KubernetesRule> allowingRule(
      World world, Direction direction, Endpoint peer, Endpoint destination,
      Protocol protocol, int port, IpBlockScope scope) {
    for (KubernetesRule rule : rules(direction)) {
      if (rule.matches(world, ref.namespace(), peer, destination, protocol, port, scope)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /** Adds the port boundaries of every rule. */
  public void addBoundaries(SortedSet<Integer> cuts) {
    ingressRules.forEach(r -> r.addBoundaries(cuts));
    egressRules.forEach(r -> r.addBoundaries(cuts));
  }

  /** Adds the ipBlock ranges of the rules of {@code direction}. */
  public void addBlocks(Direction direction, List<IpRange> out) {
    rules(direction).forEach(r -> r.addBlocks(out));
  }
}
