package dev.jnp.engine.cilium;

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

/**
 * Cilium {@code cilium.io/v2} CiliumNetworkPolicy. Cilium selects every peer kind the language
 * has, so the check is short: an {@code fqdn} peer needs {@code allow dns} in the same allowlist
 * (toFQDNs only learns addresses from DNS answers its proxy sees), and an {@code fqdn} peer can
 * only be a destination. Default-deny orders do not matter here: Cilium allows are a union and the
 * deny-all is an empty rule, never {@code ingressDeny}.
 */
public final class CiliumBackend implements Backend {
  static final String ENGINE = "cilium";

  @Override
  public String engine() {
    return ENGINE;
  }

  // One allowlist a call: a cold run compiles this after a few hundred, where a loop over them
  // all would run in the interpreter to the end (docs/decisions.md, "Loops over every workload").
  @Override
  public List<Diagnostic> check(Allowlist allowlist) {
    List<Diagnostic> found = new ArrayList<>();
    boolean hasDnsRule = false;
    List<Rule> egress = allowlist.rules(Direction.EGRESS);
    for (int r = 0; r < egress.size(); r++) {
      Rule rule = egress.get(r);
      hasDnsRule |= rule.dns();
    }
    for (Direction direction : Direction.values()) {
      List<Rule> rules = allowlist.rules(direction);
      for (int r = 0; r < rules.size(); r++) {
        Rule rule = rules.get(r);
        for (int p = 0; p < rule.peers().size(); p++) {
          Peer peer = rule.peers().get(p);
          if (peer instanceof Peer.Fqdn fqdn) {
            if (direction == Direction.INGRESS) {
              found.add(
                  Capability.unsupportedPeer(
                      ENGINE,
                      "fqdn " + fqdn.name(),
                      fqdn.span(),
                      "a DNS name can only be a destination",
                      "move the rule into the egress block"));
            } else if (!hasDnsRule) {
              found.add(Capability.fqdnNeedsDnsRule(ENGINE, fqdn.name(), fqdn.span()));
            }
          }
        }
      }
    }
    return found;
  }

  @Override
  public ObjectId write(Allowlist allowlist, PolicySet policies, YamlOut out) {
    return new CiliumConverter().allowlist(allowlist, out);
  }

  @Override
  public ObjectId write(DefaultDeny deny, YamlOut out) {
    return new CiliumConverter().defaultDeny(deny, out);
  }
}
