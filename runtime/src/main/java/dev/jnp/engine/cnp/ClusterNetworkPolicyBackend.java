package dev.jnp.engine.cnp;

import static dev.jnp.engine.cnp.ClusterNetworkPolicyConverter.MAX_ITEMS;

import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.engine.Backend;
import dev.jnp.engine.Capability;
import dev.jnp.engine.ObjectId;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.DefaultDeny;
import dev.jnp.ir.Direction;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.Rule;
import dev.jnp.yaml.YamlOut;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ClusterNetworkPolicy {@code policy.networking.k8s.io/v1alpha2}, standard channel, {@code
 * Baseline} tier. What it cannot express: {@code fqdn} ({@code domainNames} is experimental and
 * Admin-tier only), ingress CIDRs (there is no such peer), egress to the API server without its
 * CIDRs, a default-deny order outside the priority range 0–1000 or of 0, and lists beyond the
 * schema's 25 items. Nodes and the API server as sources need nothing: they are not pods, so the
 * allowlists' closing Deny never stops them (a note says so).
 */
public final class ClusterNetworkPolicyBackend implements Backend {
  static final String ENGINE = "clusterNetworkPolicy";

  @Override
  public String engine() {
    return ENGINE;
  }

  @Override
  public List<Diagnostic> checkSet(PolicySet policies) {
    List<Diagnostic> found = new ArrayList<>();
    checkOverlaps(policies.allowlists(), found);
    for (DefaultDeny deny : policies.defaultDenies()) {
      int priority = ClusterNetworkPolicyConverter.denyPriority(deny);
      if (priority <= 0) {
        found.add(Capability.orderPrecedesAll(ENGINE, priority, deny.span()));
      } else if (priority > ClusterNetworkPolicyConverter.MAX_PRIORITY) {
        found.add(
            Capability.orderOutOfRange(
                ENGINE,
                priority,
                0,
                ClusterNetworkPolicyConverter.MAX_PRIORITY,
                deny.span(),
                "ClusterNetworkPolicy priority is 0–1000; write 'order "
                    + ClusterNetworkPolicyConverter.DEFAULT_DENY_PRIORITY
                    + "' or less (a Calico order such as 'order 2000' does not fit), or leave"
                    + " the order out"));
      }
    }
    return found;
  }

  // One allowlist a call: a cold run compiles this after a few hundred, where a loop over them
  // all would run in the interpreter to the end (docs/decisions.md, "Loops over every workload").
  @Override
  public List<Diagnostic> check(Allowlist allowlist) {
    List<Diagnostic> found = new ArrayList<>();
    for (Direction direction : Direction.values()) {
      if (!allowlist.governs(direction)) {
        continue;
      }
      List<Rule> written = allowlist.rules(direction);
      for (int r = 0; r < written.size(); r++) {
        Rule rule = written.get(r);
        boolean peersSpellable = true;
        for (int p = 0; p < rule.peers().size(); p++) {
          Peer peer = rule.peers().get(p);
          peersSpellable &= check(peer, direction, found);
        }
        if (peersSpellable) {
          checkLimits(rule, direction, allowlist.namespace(), found);
        }
      }
      // Spelling the rules, peers and ports to count them costs as much as rendering them:
      // only when they may be too many.
      int rules = ClusterNetworkPolicyConverter.mostRules(allowlist, direction) > MAX_ITEMS
          ? ClusterNetworkPolicyConverter.ruleCount(allowlist, direction)
          : 0;
      if (rules > MAX_ITEMS) {
        found.add(
            Capability.overEngineLimit(
                ENGINE,
                direction.title().toLowerCase(Locale.ROOT) + " rules in one policy",
                rules,
                MAX_ITEMS,
                allowlist.span()));
      }
    }
    return found;
  }

  private static void checkLimits(
      Rule rule, Direction direction, String namespace, List<Diagnostic> found) {
    int peers = ClusterNetworkPolicyConverter.mostPeers(rule) > MAX_ITEMS
        ? ClusterNetworkPolicyConverter.peers(rule, direction, namespace).size()
        : 0;
    if (peers > MAX_ITEMS) {
      found.add(
          Capability.overEngineLimit(ENGINE, "peers in one rule", peers, MAX_ITEMS, rule.span()));
    }
    // A protocols entry per port at most.
    List<Object> protocols =
        rule.ports().size() > MAX_ITEMS ? ClusterNetworkPolicyConverter.protocols(rule) : null;
    if (protocols != null && protocols.size() > MAX_ITEMS) {
      found.add(
          Capability.overEngineLimit(
              ENGINE, "ports in one rule", protocols.size(), MAX_ITEMS, rule.span()));
    }
  }

  /** Reports what {@code peer} cannot say here; false if that is an error. */
  private static boolean check(Peer peer, Direction direction, List<Diagnostic> into) {
    List<Diagnostic> found = new ArrayList<>();
    peer.accept(
        new Peer.Cases<Void>() {
          @Override
          public Void fqdn(Peer.Fqdn fqdn) {
            found.add(Capability.fqdnUnsupported(
                ENGINE, fqdn, "domainNames is experimental and allowed only in the Admin tier"));
            return null;
          }

          @Override
          public Void cidr(Peer.Cidr cidr) {
            if (direction == Direction.INGRESS) {
              found.add(
                  Capability.unsupportedPeer(
                      ENGINE,
                      "cidr " + cidr.cidr(),
                      cidr.span(),
                      "ClusterNetworkPolicy has no CIDR peer for ingress",
                      "sources that are not pods are never denied by these allowlists; drop the"
                          + " peer, or use another engine"));
            } else if (ClusterNetworkPolicyConverter.mostBlocks(cidr) > MAX_ITEMS) {
              // Made only where the count without making them may be over: the blocks' arithmetic
              // was half of this check for a usual file's CIDRs.
              int blocks = ClusterNetworkPolicyConverter.remainder(cidr).size();
              if (blocks > MAX_ITEMS) {
                found.add(
                    Capability.exceptTooFragmented(
                        ENGINE, cidr.cidr(), blocks, MAX_ITEMS, cidr.span()));
              }
            }
            return null;
          }

          @Override
          public Void apiServer(Peer.ApiServer apiServer) {
            if (direction == Direction.INGRESS) {
              found.add(
                  Capability.outsidePeers(
                      Capability.APISERVER_WIDENED, ENGINE, "apiserver", apiServer.span()));
            } else if (apiServer.cidrs().isEmpty()) {
              found.add(Capability.apiServerNeedsCidrs(ENGINE, apiServer.span()));
            } else if (apiServer.cidrs().size() > MAX_ITEMS) {
              found.add(
                  Capability.overEngineLimit(
                      ENGINE,
                      "networks in one peer",
                      apiServer.cidrs().size(),
                      MAX_ITEMS,
                      apiServer.span()));
            }
            return null;
          }

          @Override
          public Void nodes(Peer.Nodes nodes) {
            found.add(
                direction == Direction.INGRESS
                    ? Capability.outsidePeers(
                        Capability.NODES_WIDENED, ENGINE, "nodes", nodes.span())
                    : Capability.nodesWidened(ENGINE, nodes.span(), direction));
            return null;
          }

          @Override
          public Void any(Peer.Any any) {
            return null;
          }

          @Override
          public Void namespaces(Peer.Namespaces namespaces) {
            return null;
          }

          @Override
          public Void pods(Peer.Pods pods) {
            return null;
          }
        });
    into.addAll(found);
    return !Diagnostic.anyError(found);
  }

  @Override
  public ObjectId write(Allowlist allowlist, PolicySet policies, YamlOut out) {
    return new ClusterNetworkPolicyConverter().allowlist(allowlist, policies, out);
  }

  @Override
  public ObjectId write(DefaultDeny deny, YamlOut out) {
    return new ClusterNetworkPolicyConverter().defaultDeny(deny, out);
  }

  /**
   * Two allowlists of one namespace whose selectors do not contradict each other (no key with two
   * different values) may select the same pod; warn at the later one.
   */
  private static void checkOverlaps(List<Allowlist> allowlists, List<Diagnostic> found) {
    // Only allowlists of one namespace can select the same pods: compare within namespaces.
    Map<String, SelectorOverlaps> earlierByNamespace = new HashMap<>();
    for (Allowlist later : allowlists) {
      checkOverlap(later, earlierByNamespace.computeIfAbsent(later.namespace(), n -> new SelectorOverlaps()), found);
    }
  }

  // One allowlist a call, as check(Allowlist, …).
  private static void checkOverlap(Allowlist later, SelectorOverlaps earlier, List<Diagnostic> found) {
    earlier.firstCompatible(later).ifPresent(first ->
        found.add(Capability.overlappingAllowlists(ENGINE, first.name(), later.name(), later.span())));
    earlier.add(later);
  }
}
