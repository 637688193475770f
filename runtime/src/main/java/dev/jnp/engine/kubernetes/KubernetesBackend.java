package dev.jnp.engine.kubernetes;

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

/** Kubernetes {@code networking.k8s.io/v1} NetworkPolicy. */
public final class KubernetesBackend implements Backend {
  static final String ENGINE = "kubernetes";

  @Override
  public String engine() {
    return ENGINE;
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
    }
    return found;
  }

  private static void check(Peer peer, Direction direction, List<Diagnostic> found) {
    peer.accept(
        new Peer.Cases<Void>() {
          @Override
          public Void fqdn(Peer.Fqdn fqdn) {
            found.add(Capability.fqdnUnsupported(ENGINE, fqdn, "NetworkPolicy selects addresses, not DNS names"));
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
            } else if (apiServer.cidrs().isEmpty()) {
              found.add(Capability.apiServerNeedsCidrs(ENGINE, apiServer.span()));
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

          @Override
          public Void cidr(Peer.Cidr cidr) {
            return null;
          }
        });
  }

  @Override
  public ObjectId write(Allowlist allowlist, PolicySet policies, YamlOut out) {
    return new KubernetesConverter().allowlist(allowlist, out);
  }

  @Override
  public ObjectId write(DefaultDeny deny, YamlOut out) {
    return new KubernetesConverter().defaultDeny(deny, out);
  }
}
