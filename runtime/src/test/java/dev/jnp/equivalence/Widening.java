package dev.jnp.equivalence;

import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Severity;
import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.engine.Capability;
import dev.jnp.flows.Protocol;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.Direction;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.Rule;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an engine's output is, by its own account, wider than the IR: {@link IntendedFlows} read
 * through a widening allows what the engine may allow beyond the source. Each widening is tied to
 * what says so: an {@code info} note of {@link dev.jnp.engine.Backend#check} at the peer it
 * widens, or a backend's Javadoc (cited at each case in {@link #documented}). Nothing else is
 * tolerated.
 */
interface Widening {
  /** No widening: the IR as written. */
  Widening NONE = new Widening() {};

  /** Whether the engine renders {@code peer} as every source or destination. */
  default boolean opensPeer(Peer peer) {
    return false;
  }

  /** Whether the engine lets {@code peer} of {@code rule} use a port the rule does not name. */
  default boolean opensPorts(
      Direction direction, Rule rule, Peer peer, Protocol protocol, int port) {
    return false;
  }

  /** Whether every source that is not a pod reaches the pods {@code allowlist} governs. */
  default boolean admitsSourcesNotPods(Allowlist allowlist) {
    return false;
  }

  /**
   * The widenings of {@code engine} for {@code policies}, given the diagnostics its backend's
   * check gave:
   *
   * <ul>
   *   <li>every engine: a {@link Capability#NODES_WIDENED} or {@link Capability#APISERVER_WIDENED}
   *       note at a peer opens that peer to everything, on the rule's ports ("this rule's ports
   *       are open to every source"); the same codes from {@link Capability#outsidePeers} say
   *       instead that sources which are not pods reach the allowlist's pods on every port;
   *   <li>{@code cilium}: the DNS rule is port 53 with protocol {@code ANY} (ENGINES.md "allow
   *       dns", {@code CiliumConverter.dnsPorts}: "53 on any protocol"), so SCTP 53 too;
   *   <li>{@code calico}: egress to the API server is {@code destination.services}, which Calico
   *       forbids {@code ports} beside; "only the protocol is kept" ({@code CalicoConverter}), so
   *       the API server is reached at any port of the rule's protocols.
   * </ul>
   *
   * @throws AssertionError when a note names no peer of its kind: a note must point at what it
   *     widens
   */
  static Widening documented(String engine, PolicySet policies, List<Diagnostic> diagnostics) {
    Map<SourceSpan, Peer> peers = new HashMap<>();
    Map<SourceSpan, Allowlist> owners = new HashMap<>();
    for (Allowlist allowlist : policies.allowlists()) {
      for (Direction direction : Direction.values()) {
        for (Rule rule : allowlist.rules(direction)) {
          for (Peer peer : rule.peers()) {
            peers.put(peer.span(), peer);
            owners.put(peer.span(), allowlist);
          }
        }
      }
    }
    Set<SourceSpan> opened = new HashSet<>();
    Set<Allowlist> admitting = new HashSet<>();
    for (Diagnostic d : diagnostics) {
      boolean nodes = d.code().equals(Capability.NODES_WIDENED);
      boolean apiServer = d.code().equals(Capability.APISERVER_WIDENED);
      if (d.severity() != Severity.INFO || !(nodes || apiServer)) {
        continue;
      }
      Peer peer = peers.get(d.span());
      if (peer == null
          || (nodes && !(peer instanceof Peer.Nodes))
          || (apiServer && !(peer instanceof Peer.ApiServer))) {
        throw new AssertionError(engine + " note points at no " + d.code() + " peer: " + d);
      }
      String word = nodes ? "nodes" : "apiserver";
      if (d.equals(Capability.outsidePeers(d.code(), engine, word, d.span()))) {
        admitting.add(owners.get(d.span()));
      } else {
        opened.add(d.span());
      }
    }
    boolean ciliumDns = engine.equals("cilium");
    boolean calicoApiServer = engine.equals("calico");
    return new Widening() {
      @Override
      public boolean opensPeer(Peer peer) {
        return opened.contains(peer.span());
      }

      @Override
      public boolean opensPorts(
          Direction direction, Rule rule, Peer peer, Protocol protocol, int port) {
        if (ciliumDns && rule.dns() && port == 53) {
          return true;
        }
        return calicoApiServer
            && direction == Direction.EGRESS
            && peer instanceof Peer.ApiServer
            && rule.ports().stream().anyMatch(r -> r.protocol().name().equals(protocol.name()));
      }

      @Override
      public boolean admitsSourcesNotPods(Allowlist allowlist) {
        return admitting.contains(allowlist);
      }
    };
  }
}
