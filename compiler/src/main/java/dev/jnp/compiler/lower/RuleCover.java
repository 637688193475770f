package dev.jnp.compiler.lower;

import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Rule;
import java.util.List;

/** Whether one rule allows everything another allows, judged on how they are written. */
final class RuleCover {
  /** The {@link #selection} of {@code any}. */
  static final String ANY = "any";

  private RuleCover() {}

  /** Whether {@code outer} allows every connection {@code inner} allows. */
  static boolean covers(Rule outer, Rule inner) {
    if (!portsCover(outer, inner)) {
      return false;
    }
    // Indexed loops, not streams or iterators: a workload's rules are compared pair by pair, both
    // ways, where one peer selects for many rules (the peers can tell the others apart).
    List<Peer> peers = inner.peers();
    for (int i = 0; i < peers.size(); i++) {
      if (!peerCovered(outer, peers.get(i))) {
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
    List<PortRange> ranges = inner.ports();
    for (int i = 0; i < ranges.size(); i++) {
      if (!portCovered(outer, ranges.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean portCovered(Rule outer, PortRange range) {
    List<PortRange> ranges = outer.ports();
    for (int i = 0; i < ranges.size(); i++) {
      if (contains(ranges.get(i), range)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(PortRange outer, PortRange inner) {
    return outer.protocol() == inner.protocol() && outer.first() <= inner.first() && inner.last() <= outer.last();
  }

  private static boolean peerCovered(Rule outer, Peer peer) {
    List<Peer> peers = outer.peers();
    for (int i = 0; i < peers.size(); i++) {
      Peer o = peers.get(i);
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

  /**
   * What a peer selects, as far as telling apart peers that cannot select the same: peers that
   * {@link #sameSelection} finds alike have the same key ({@link #ANY} for {@code any}). A pod peer
   * is inside a namespace peer of the same namespaces, so both are keyed by their namespaces.
   */
  static String selection(Peer peer) {
    if (peer instanceof Peer.Any) {
      return ANY;
    } else if (peer instanceof Peer.Namespaces namespaces) {
      return "namespaces " + namespaces(namespaces.namespaces());
    } else if (peer instanceof Peer.Pods pods) {
      return "namespaces " + namespaces(pods.namespaces());
    } else if (peer instanceof Peer.Cidr cidr) {
      return "cidr " + cidr.cidr();
    } else if (peer instanceof Peer.Fqdn fqdn) {
      return "fqdn " + fqdn.name();
    } else if (peer instanceof Peer.ApiServer) {
      return "apiserver";
    } else if (peer instanceof Peer.Nodes) {
      return "nodes";
    }
    throw new IllegalArgumentException("a peer of no known kind: " + peer);
  }

  private static String namespaces(NamespaceSelector selector) {
    if (selector instanceof NamespaceSelector.Named named) {
      return "named " + named.name();
    } else if (selector instanceof NamespaceSelector.Labelled labelled) {
      // Equal sorted maps print alike (a clash of unequal ones would only add candidates).
      return "labelled " + labelled.labels();
    } else if (selector instanceof NamespaceSelector.Own) {
      return "own";
    }
    return "all";
  }
}
