package dev.jnp.flows.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpAddress;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.Tree;
import dev.jnp.flows.World;
import dev.jnp.flows.selector.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One element of a NetworkPolicy rule's {@code from} or {@code to} (engine-semantics.md §1
 * "Namespace peers", "CIDR peers"; conformance README, item 8):
 *
 * <ul>
 *   <li>{@code podSelector} alone: pods in the policy's own namespace;
 *   <li>{@code namespaceSelector} alone: all pods in the matching namespaces;
 *   <li>both: pods matching the first in namespaces matching the second (AND);
 *   <li>{@code ipBlock}: addresses in {@code cidr} less {@code except}, never pods (which
 *       endpoints it can match is the engine's {@link IpBlockScope}).
 * </ul>
 *
 * An empty peer {@code {}} is invalid in the API and matches nothing here; an {@code ipBlock}
 * combined with a selector is invalid too and is read as the {@code ipBlock} alone.
 */
public final class KubernetesPeer {
  private final LabelSelector pods;
  private final LabelSelector namespaces;
  private final List<IpRange> block;

  private KubernetesPeer(LabelSelector pods, LabelSelector namespaces, List<IpRange> block) {
    this.pods = pods;
    this.namespaces = namespaces;
    this.block = block;
  }

  static KubernetesPeer parse(JsonNode node, String where, List<String> problems) {
    Optional<JsonNode> ipBlock = Tree.object(node, "ipBlock");
    boolean hasPods = Tree.has(node, "podSelector");
    boolean hasNamespaces = Tree.has(node, "namespaceSelector");
    if (ipBlock.isPresent()) {
      if (hasPods || hasNamespaces) {
        problems.add(where + ": ipBlock combined with a selector; only the ipBlock is read");
      }
      String cidr = Tree.text(ipBlock.get(), "cidr", "");
      Optional<IpRange> range = IpRange.tryParseCidr(cidr);
      if (range.isEmpty()) {
        problems.add(where + ": ipBlock cidr '" + cidr + "' is not a CIDR block; it matches nothing");
        return new KubernetesPeer(null, null, List.of());
      }
      List<IpRange> holes = new ArrayList<>();
      for (String except : Tree.texts(ipBlock.get(), "except")) {
        Optional<IpRange> hole = IpRange.tryParseCidr(except);
        if (hole.isEmpty()) {
          problems.add(where + ": ipBlock except '" + except + "' is not a CIDR block; ignored");
        } else {
          holes.add(hole.get());
        }
      }
      return new KubernetesPeer(null, null, range.get().minus(holes));
    }
    if (!hasPods && !hasNamespaces) {
      problems.add(where + ": a peer must specify podSelector, namespaceSelector or ipBlock;"
          + " this one matches nothing");
      return new KubernetesPeer(null, null, List.of());
    }
    LabelSelector pods =
        hasPods ? LabelSelector.parse(Tree.field(node, "podSelector").get(), problems) : null;
    LabelSelector namespaces =
        hasNamespaces
            ? LabelSelector.parse(Tree.field(node, "namespaceSelector").get(), problems)
            : null;
    return new KubernetesPeer(pods, namespaces, null);
  }

  /** The ranges of the {@code ipBlock}, less its exceptions; empty for a selector peer. */
  List<IpRange> block() {
    return block == null ? List.of() : block;
  }

  /** Whether {@code peer} is matched, for a policy in {@code policyNamespace}. */
  boolean matches(World world, String policyNamespace, Endpoint peer, IpBlockScope scope) {
    if (block != null) {
      for (IpAddress address : scope.addresses(peer)) {
        for (IpRange r : block) {
          if (r.contains(address)) {
            return true;
          }
        }
      }
      return false;
    }
    if (pods == null && namespaces == null) {
      return false;
    }
    Optional<Endpoint.Workload> pod = peer.asWorkload();
    if (pod.isEmpty()) {
      return false;
    }
    Endpoint.Workload w = pod.get();
    if (namespaces == null) {
      if (!w.namespace().equals(policyNamespace)) {
        return false;
      }
    } else if (!namespaces.matches(world.namespace(w.namespace()).labels())) {
      return false;
    }
    return pods == null || pods.matches(w.labels());
  }
}
