package dev.jnp.flows.cilium;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.Direction;
import dev.jnp.flows.PolicyRef;
import dev.jnp.flows.RuleRef;
import dev.jnp.flows.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Cilium rule: the {@code spec} of a policy, or one element of its {@code specs}
 * (engine-semantics.md §2 "Shape", "Subject", "Default deny").
 *
 * <ul>
 *   <li>{@code endpointSelector} selects pods; in a CiliumNetworkPolicy the agent pins it to the
 *       policy's namespace (overriding any namespace written there). A {@code nodeSelector} rule
 *       is a host policy: nodes are not subjects here, so it selects nothing.
 *   <li>It puts a pod into default deny for a direction when its allow or deny list of that
 *       direction has at least one element, unless {@code enableDefaultDeny} turns that off.
 *       {@code ingress: []} has no element and enforces nothing; {@code ingress: [{}]} does.
 * </ul>
 */
final class CiliumRule {
  private final PolicyRef policy;
  private final CiliumSelector subject;
  private final List<CiliumPeerRule> ingress;
  private final List<CiliumPeerRule> ingressDeny;
  private final List<CiliumPeerRule> egress;
  private final List<CiliumPeerRule> egressDeny;
  private final boolean defaultDenyIngress;
  private final boolean defaultDenyEgress;

  private CiliumRule(PolicyRef policy, CiliumSelector subject, List<CiliumPeerRule> ingress,
      List<CiliumPeerRule> ingressDeny, List<CiliumPeerRule> egress,
      List<CiliumPeerRule> egressDeny, boolean defaultDenyIngress, boolean defaultDenyEgress) {
    this.policy = policy;
    this.subject = subject;
    this.ingress = ingress;
    this.ingressDeny = ingressDeny;
    this.egress = egress;
    this.egressDeny = egressDeny;
    this.defaultDenyIngress = defaultDenyIngress;
    this.defaultDenyEgress = defaultDenyEgress;
  }

  /** Whether the four rule lists are all absent or empty, which the agent rejects. */
  static boolean isEmpty(JsonNode node) {
    for (String list : List.of("ingress", "ingressDeny", "egress", "egressDeny")) {
      if (!Tree.list(node, list).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  static CiliumRule parse(PolicyRef policy, String path, JsonNode node, List<String> problems) {
    String namespace = policy.namespace();
    CiliumSelector subject = null;
    Optional<JsonNode> selector = Tree.object(node, "endpointSelector");
    if (selector.isPresent()) {
      subject = CiliumSelector.parse(selector.get(), problems);
      if (!namespace.isEmpty()) {
        subject = subject.withMatch(CiliumLabel.K8S, CiliumLabel.NAMESPACE, namespace);
      }
    } else if (Tree.has(node, "nodeSelector")) {
      problems.add(policy + " " + path + ": a nodeSelector (host policy) selects no pod");
    } else {
      problems.add(policy + " " + path + ": no endpointSelector; it selects nothing");
    }
    JsonNode defaults = Tree.object(node, "enableDefaultDeny").orElse(null);
    return new CiliumRule(
        policy,
        subject,
        peerRules(policy, path, node, "ingress", Direction.INGRESS, problems),
        peerRules(policy, path, node, "ingressDeny", Direction.INGRESS, problems),
        peerRules(policy, path, node, "egress", Direction.EGRESS, problems),
        peerRules(policy, path, node, "egressDeny", Direction.EGRESS, problems),
        Tree.bool(defaults, "ingress").orElse(true),
        Tree.bool(defaults, "egress").orElse(true));
  }

  private static List<CiliumPeerRule> peerRules(PolicyRef policy, String path, JsonNode node,
      String field, Direction direction, List<String> problems) {
    List<CiliumPeerRule> out = new ArrayList<>();
    List<JsonNode> items = Tree.list(node, field);
    for (int i = 0; i < items.size(); i++) {
      RuleRef ref = new RuleRef(policy, path + "." + field + "[" + i + "]", i);
      out.add(CiliumPeerRule.parse(ref, items.get(i), direction, policy.namespace(), problems));
    }
    return out;
  }

  PolicyRef policy() {
    return policy;
  }

  /** Whether this rule's {@code endpointSelector} selects the pod known as {@code pod}. */
  boolean selects(CiliumIdentity pod) {
    return subject != null && subject.matches(pod.labels());
  }

  /** A label of its own that every pod this rule selects carries, if its selector names one. */
  Optional<Map.Entry<String, String>> requiredPodLabel() {
    return subject == null ? Optional.empty() : subject.requiredPodLabel();
  }

  List<CiliumPeerRule> allows(Direction direction) {
    return direction == Direction.INGRESS ? ingress : egress;
  }

  List<CiliumPeerRule> denies(Direction direction) {
    return direction == Direction.INGRESS ? ingressDeny : egressDeny;
  }

  /** Whether this rule puts the pods it selects into default deny for {@code direction}. */
  boolean enforces(Direction direction) {
    boolean enabled = direction == Direction.INGRESS ? defaultDenyIngress : defaultDenyEgress;
    return enabled && !(allows(direction).isEmpty() && denies(direction).isEmpty());
  }
}
