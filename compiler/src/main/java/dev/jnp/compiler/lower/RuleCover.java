package dev.jnp.compiler.lower;

import dev.jnp.ir.Peer;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Rule;

/** Whether one rule allows everything another allows, judged on how they are written. */
final class RuleCover {
  private RuleCover() {}

  /** Whether {@code outer} allows every connection {@code inner} allows. */
  static boolean covers(Rule outer, Rule inner) {
    if (!portsCover(outer, inner)) {
      return false;
    }
    // Loops, not streams: every pair of a workload's rules is compared, both ways.
    for (Peer peer : inner.peers()) {
      if (!peerCovered(outer, peer)) {
        return false;
      }
    }
    return true;
  }

  private static boolean portsCover(Rule outer, Rule inner) {
    if (outer.allPorts()) {
      return true;
    }
    if (inner.allPorts()) {
      return false;
    }
    for (PortRange range : inner.ports()) {
      if (!portCovered(outer, range)) {
        return false;
      }
    }
    return true;
  }

  private static boolean portCovered(Rule outer, PortRange range) {
    for (PortRange o : outer.ports()) {
      if (contains(o, range)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(PortRange outer, PortRange inner) {
    return outer.protocol() == inner.protocol() && outer.first() <= inner.first() && inner.last() <= outer.last();
  }

  private static boolean peerCovered(Rule outer, Peer peer) {
    for (Peer o : outer.peers()) {
      if (o instanceof Peer.Any || sameSelection(o, peer)) {
        return true;
      }
    }
    return false;
  }

  /** Two peers that select the same endpoints, whatever line wrote them. */
  private static boolean sameSelection(Peer a, Peer b) {
    if (a instanceof Peer.Namespaces x && b instanceof Peer.Namespaces y) {
      return x.namespaces().equals(y.namespaces());
    } else if (a instanceof Peer.Pods x && b instanceof Peer.Pods y) {
      return x.labels().equals(y.labels()) && x.namespaces().equals(y.namespaces());
    } else if (a instanceof Peer.Namespaces x && b instanceof Peer.Pods y) {
      return x.namespaces().equals(y.namespaces());
    } else if (a instanceof Peer.Cidr x && b instanceof Peer.Cidr y) {
      return x.cidr().equals(y.cidr()) && x.except().equals(y.except());
    } else if (a instanceof Peer.Fqdn x && b instanceof Peer.Fqdn y) {
      return x.name().equals(y.name());
    } else if (a instanceof Peer.ApiServer x && b instanceof Peer.ApiServer y) {
      return x.cidrs().equals(y.cidrs());
    }
    return a.getClass() == b.getClass() && (a instanceof Peer.Nodes || a instanceof Peer.Any);
  }
}
