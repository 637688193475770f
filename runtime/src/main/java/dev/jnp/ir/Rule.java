package dev.jnp.ir;

import dev.jnp.diagnostics.SourceSpan;
import java.util.List;

/**
 * One allow rule: traffic on any of {@code ports} (every port when empty) from (ingress) or to
 * (egress) any of {@code peers}. A {@code dns} rule is the cluster DNS rule of {@code allow dns};
 * it is spelled specially by engines that know DNS (Cilium's DNS proxy).
 */
public record Rule(List<PortRange> ports, List<Peer> peers, boolean dns, SourceSpan span) {

  public Rule {
    ports = List.copyOf(ports);
    peers = List.copyOf(peers);
    if (peers.isEmpty()) {
      throw new IllegalArgumentException("a rule needs at least one peer");
    }
  }

  /** Whether the rule allows every port. */
  public boolean allPorts() {
    return ports.isEmpty();
  }
}
