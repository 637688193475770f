package dev.jnp.engine.calico;

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
import java.util.List;
import java.util.Locale;

/**
 * Calico {@code projectcalico.org/v3} NetworkPolicy (Calico Open Source). OSS Calico has no FQDN
 * egress, and no way to select the nodes or the API server as a source: those rules are opened to
 * every source, with a note. A default-deny order of 0 (or less) is an error, since the
 * allowlists must be ordered before it.
 */
public final class CalicoBackend implements Backend {
  static final String ENGINE = "calico";

  @Override
  public String engine() {
    return ENGINE;
  }

  @Override
  public List<Diagnostic> checkSet(PolicySet policies) {
    List<Diagnostic> found = new ArrayList<>();
    for (DefaultDeny deny : policies.defaultDenies()) {
      if (deny.order() <= 0) {
        found.add(Capability.orderPrecedesAll(ENGINE, deny.order(), deny.span()));
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
      List<Rule> rules = allowlist.rules(direction);
      for (int r = 0; r < rules.size(); r++) {
        Rule rule = rules.get(r);
        for (int p = 0; p < rule.peers().size(); p++) {
          Peer peer = rule.peers().get(p);
          check(peer, direction, found);
        }
      }
      // Spelling the rules to count them costs as much as rendering them: only when they
      // may be too many.
      int count = CalicoConverter.mostRules(allowlist, direction) > CalicoConverter.MAX_RULES
          ? CalicoConverter.ruleCount(allowlist, direction)
          : 0;
      if (count > CalicoConverter.MAX_RULES) {
        found.add(
            Capability.overEngineLimit(
                ENGINE,
                direction.title().toLowerCase(Locale.ROOT) + " rules in one policy",
                count,
                CalicoConverter.MAX_RULES,
                allowlist.span()));
      }
    }
    return found;
  }

  private static void check(Peer peer, Direction direction, List<Diagnostic> found) {
    peer.accept(
        new Peer.Cases<Void>() {
          @Override
          public Void fqdn(Peer.Fqdn fqdn) {
            found.add(Capability.fqdnUnsupported(
                ENGINE, fqdn, "OSS Calico has no FQDN egress (domain rules are Calico Enterprise only)"));
            return null;
          }

          @Override
          public Void nodes(Peer.Nodes nodes) {
            found.add(Capability.nodesWidened(ENGINE, nodes.span(), direction));
            return null;
          }

          @Override
          public Void apiServer(Peer.ApiServer apiServer) {
            if (direction == Direction.INGRESS) {
              found.add(Capability.apiServerWidened(ENGINE, apiServer.span()));
            }
            return null;
          }

          @Override
          public Void cidr(Peer.Cidr cidr) {
            if (cidr.except().size() > CalicoConverter.MAX_NETS) {
              found.add(
                  Capability.overEngineLimit(
                      ENGINE,
                      "excepts (notNets) for one CIDR",
                      cidr.except().size(),
                      CalicoConverter.MAX_NETS,
                      cidr.span()));
            }
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
  }

  @Override
  public ObjectId write(Allowlist allowlist, PolicySet policies, YamlOut out) {
    return new CalicoConverter().allowlist(allowlist, policies, out);
  }

  @Override
  public ObjectId write(DefaultDeny deny, YamlOut out) {
    return new CalicoConverter().defaultDeny(deny, out);
  }
}
