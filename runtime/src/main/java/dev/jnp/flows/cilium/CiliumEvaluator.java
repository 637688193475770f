package dev.jnp.flows.cilium;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.jnp.flows.kubernetes.IpBlockScope;
import dev.jnp.flows.kubernetes.KubernetesPolicies;
import dev.jnp.flows.kubernetes.KubernetesPolicy;
import dev.jnp.flows.kubernetes.KubernetesRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@code cilium} engine (engine-semantics.md §2): CiliumNetworkPolicy and
 * CiliumClusterwideNetworkPolicy rules ({@link CiliumRule}, {@link CiliumPeerRule}) plus the v1
 * NetworkPolicies Cilium also enforces (their {@code ipBlock} matching {@code world} only). For
 * a pod and a direction:
 *
 * <ol>
 *   <li>a matching {@code ingressDeny}/{@code egressDeny} rule denies, whatever allows it
 *       ("Precedence": deny beats allow, from any policy);
 *   <li>a pod that no rule puts into default deny for the direction, and no v1 policy isolates,
 *       is allowed ("Default deny");
 *   <li>the pod's own node may always reach it (the agent's {@code allow-localhost});
 *   <li>otherwise a matching allow rule, of either kind, allows; else it is denied.
 * </ol>
 *
 * A policy with a rule whose four lists are all empty (such as {@code ingress: []} alone) is
 * rejected by the agent and has no effect. Endpoints that are not pods have no policy here.
 */
public final class CiliumEvaluator implements PolicyEvaluator {
  private final List<CiliumRule> rules = new ArrayList<>();
  private final KubernetesPolicies kubernetes;
  private final List<String> warnings;
  private final PodSelections<Selection> selections = new PodSelections<>();
  /** The endpoint whose identity was last worked out, its world, and the identity. */
  private World identityWorld;
  private Endpoint identityOf;
  private CiliumIdentity identity;

  /** The rules, in order, by a label of their own the pods they select carry. */
  private final SelectorIndex<CiliumRule> bySelector;

  /**
   * The rules that select a pod in a direction, and the policies that enforce there (its Cilium
   * rules' and its Kubernetes policies'): made once, not for every connection decided.
   */
  private record Selection(List<CiliumRule> rules, List<PolicyRef> enforcing) {}

  /** An evaluator for the Cilium policies and v1 NetworkPolicies among {@code documents}. */
  public CiliumEvaluator(List<PolicyDocument> documents) {
    List<String> problems = new ArrayList<>();
    for (PolicyDocument d : documents) {
      if (d.dialect() == PolicyDocument.Dialect.CILIUM) {
        addPolicy(d, problems);
      } else if (d.dialect() != PolicyDocument.Dialect.KUBERNETES) {
        problems.add(d.ref() + ": ignored, the cilium engine reads cilium.io/v2 policies and"
            + " networking.k8s.io/v1 NetworkPolicy");
      }
    }
    this.kubernetes = KubernetesPolicies.of(documents, IpBlockScope.WORLD, problems);
    this.bySelector = new SelectorIndex<>(rules, CiliumRule::requiredPodLabel);
    this.warnings = List.copyOf(problems);
  }

  private void addPolicy(PolicyDocument document, List<String> problems) {
    PolicyRef ref = document.ref();
    List<JsonNode> nodes = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    Tree.object(document.tree(), "spec").ifPresent(s -> {
      nodes.add(s);
      paths.add("spec");
    });
    List<JsonNode> specs = Tree.list(document.tree(), "specs");
    for (int i = 0; i < specs.size(); i++) {
      nodes.add(specs.get(i));
      paths.add("specs[" + i + "]");
    }
    if (nodes.isEmpty()) {
      problems.add(ref + ": rejected, it has neither spec nor specs");
      return;
    }
    for (int i = 0; i < nodes.size(); i++) {
      if (CiliumRule.isEmpty(nodes.get(i))) {
        problems.add(ref + ": rejected, " + paths.get(i) + " has no ingress, ingressDeny, egress"
            + " or egressDeny rule (an empty list such as ingress: [] does not count)");
        return;
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      rules.add(CiliumRule.parse(ref, paths.get(i), nodes.get(i), problems));
    }
  }

  @Override
  public String engine() {
    return "cilium";
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
    Selection selection = selection(world, pod.get(), direction);
    List<CiliumRule> selecting = selection.rules();
    for (CiliumRule r : selecting) {
      for (CiliumPeerRule deny : r.denies(direction)) {
        if (matches(world, pod.get(), selecting, deny, peer, connection)) {
          return Decision.deny(direction, self, new Reason.RuleMatched(deny.ref(), "Deny"));
        }
      }
    }
    if (selection.enforcing().isEmpty()) {
      return Decision.allow(direction, self, new Reason.NotIsolated());
    }
    if (KubernetesPolicies.isFromLocalNode(direction, connection)) {
      return Decision.allow(direction, self, new Reason.LocalNode());
    }
    for (CiliumRule r : selecting) {
      for (CiliumPeerRule allow : r.allows(direction)) {
        if (matches(world, pod.get(), selecting, allow, peer, connection)) {
          return Decision.allow(direction, self, new Reason.RuleMatched(allow.ref(), "Allow"));
        }
      }
    }
    Optional<KubernetesRule> rule = kubernetes.allowingRule(world, pod.get(), direction, connection);
    if (rule.isPresent()) {
      return Decision.allow(direction, self, new Reason.RuleMatched(rule.get().ref(), "Allow"));
    }
    return Decision.deny(direction, self, new Reason.NoRuleAllows(selection.enforcing()));
  }

  /** The rules that select {@code pod}, in order. */
  private List<CiliumRule> selecting(World world, Endpoint.Workload pod, Direction direction) {
    return selection(world, pod, direction).rules();
  }

  private Selection selection(World world, Endpoint.Workload pod, Direction direction) {
    return selections.of(world, pod, direction, () -> {
      CiliumIdentity identity = CiliumIdentity.of(world, pod);
      List<CiliumRule> out = new ArrayList<>();
      Set<PolicyRef> enforcing = new LinkedHashSet<>();
      for (CiliumRule r : bySelector.candidates(pod.labels())) {
        if (r.selects(identity)) {
          out.add(r);
          if (r.enforces(direction)) {
            enforcing.add(r.policy());
          }
        }
      }
      for (KubernetesPolicy p : kubernetes.isolating(pod, direction)) {
        enforcing.add(p.ref());
      }
      return new Selection(List.copyOf(out), List.copyOf(enforcing));
    });
  }

  private boolean matches(World world, Endpoint.Workload self, List<CiliumRule> selecting,
      CiliumPeerRule rule, Endpoint peer, Connection connection) {
    return rule.matches(() -> identity(world, peer), peer, connection.destination(),
        connection.protocol(), connection.port(), name -> dnsVisible(self, selecting, name));
  }

  /**
   * The identity of {@code endpoint} in {@code world}, kept for the endpoint last asked about: a
   * pair of pods is decided at every port boundary of its two sides, against the same peer.
   */
  private CiliumIdentity identity(World world, Endpoint endpoint) {
    if (world != identityWorld || endpoint != identityOf) {
      identity = CiliumIdentity.of(world, endpoint);
      identityWorld = world;
      identityOf = endpoint;
    }
    return identity;
  }

  /**
   * Whether the pod's lookups of {@code name} go through the DNS proxy: some egress allow rule
   * selecting the pod has {@code rules.dns} matching the name (engine-semantics.md §2 "FQDN
   * egress").
   */
  private static boolean dnsVisible(Endpoint.Workload self, List<CiliumRule> selecting,
      String name) {
    for (CiliumRule r : selecting) {
      for (CiliumPeerRule allow : r.allows(Direction.EGRESS)) {
        if (allow.allowsLookup(name)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public SortedSet<Integer> portBoundaries(World world, Endpoint destination) {
    SortedSet<Integer> cuts = new TreeSet<>();
    for (CiliumRule r : rules) {
      addBoundaries(r, cuts);
    }
    kubernetes.addBoundaries(cuts);
    destination.asWorkload().ifPresent(w -> w.ports().forEach(p -> {
      cuts.add(p.port());
      cuts.add(p.port() + 1);
    }));
    return cuts;
  }

  private static void addBoundaries(CiliumRule rule, SortedSet<Integer> cuts) {
    for (Direction d : Direction.values()) {
      rule.allows(d).forEach(p -> p.addBoundaries(cuts));
      rule.denies(d).forEach(p -> p.addBoundaries(cuts));
    }
  }

  @Override
  public SortedSet<Integer> sideBoundaries(World world, Endpoint.Workload pod, Direction direction) {
    SortedSet<Integer> cuts = new TreeSet<>();
    for (CiliumRule r : selecting(world, pod, direction)) {
      addBoundaries(r, cuts);
    }
    kubernetes.isolating(pod, direction).forEach(p -> p.addBoundaries(cuts));
    return cuts;
  }

  @Override
  public List<IpRange> addressBlocks(Direction direction) {
    List<IpRange> out = new ArrayList<>();
    for (CiliumRule r : rules) {
      r.allows(direction).forEach(p -> out.addAll(p.cidrs()));
      r.denies(direction).forEach(p -> out.addAll(p.cidrs()));
    }
    out.addAll(kubernetes.addressBlocks(direction));
    return out;
  }

  @Override
  public List<String> warnings() {
    return warnings;
  }
}
