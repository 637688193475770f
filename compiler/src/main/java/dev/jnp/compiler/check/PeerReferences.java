package dev.jnp.compiler.check;

import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.PeerExpr;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Diagnostics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The peers that declared peers name, followed through. A peer that names itself (through
 * others), one that names peers more than {@link #MAX_DEPTH} levels deep, and one that stands for
 * more than {@link #MAX_PEERS} peers once the peers it names are written out, are errors: the
 * lowering writes named peers out, one level of recursion each, and a peer named twice on each of
 * 40 levels stands for 2<sup>40</sup> peers.
 *
 * <p>Peers that reach no cycle are measured from the ones that name none, without recursion; a
 * search for cycles starts only from the others, visits each peer once, and goes no deeper than
 * the limit.
 */
final class PeerReferences {
  /** A peer may name peers that name peers, this many levels in all. */
  static final int MAX_DEPTH = 100;

  /** A peer may stand for this many peers once the peers it names are written out. */
  static final int MAX_PEERS = 10_000;

  private final Map<String, Declaration.Peer> peers;
  private final Diagnostics diagnostics;
  private boolean tooDeepReported;

  private PeerReferences(Map<String, Declaration.Peer> peers, Diagnostics diagnostics) {
    this.peers = peers;
    this.diagnostics = diagnostics;
  }

  /**
   * Reports cycles and peers past the limits among {@code peers}, declared in this order; answers
   * how many peers each stands for (at most {@link #MAX_PEERS} + 1), for each that reaches no
   * cycle.
   */
  static Map<String, Long> check(Map<String, Declaration.Peer> peers, Diagnostics diagnostics) {
    return new PeerReferences(peers, diagnostics).check();
  }

  private Map<String, Long> check() {
    // How deep each peer's names go and how many peers it stands for, leaves first (Kahn's order).
    Map<String, Integer> unmeasured = new HashMap<>();
    Map<String, List<String>> namedBy = new HashMap<>();
    ArrayDeque<String> ready = new ArrayDeque<>();
    for (Declaration.Peer peer : peers.values()) {
      List<String> named = named(peer);
      unmeasured.put(peer.name().text(), named.size());
      named.forEach(name -> namedBy.computeIfAbsent(name, n -> new ArrayList<>()).add(peer.name().text()));
      if (named.isEmpty()) {
        ready.add(peer.name().text());
      }
    }
    Map<String, Integer> depth = new HashMap<>();
    Map<String, Long> size = new HashMap<>();
    while (!ready.isEmpty()) {
      String name = ready.poll();
      int deepest = 0;
      long count = 0;
      for (PeerExpr member : peers.get(name).peers()) {
        if (member instanceof PeerExpr.Named named && peers.containsKey(named.name().text())) {
          deepest = Math.max(deepest, depth.get(named.name().text()));
          count += size.get(named.name().text());
        } else {
          count++;
        }
      }
      depth.put(name, deepest + 1);
      size.put(name, Math.min(count, MAX_PEERS + 1L));
      for (String namer : namedBy.getOrDefault(name, List.of())) {
        if (unmeasured.merge(namer, -1, Integer::sum) == 0) {
          ready.add(namer);
        }
      }
    }

    boolean tooMany = false;
    for (Declaration.Peer peer : peers.values()) {
      String name = peer.name().text();
      if (!depth.containsKey(name)) {
        findCycles(peer, depth.keySet());
      } else if (depth.get(name) > MAX_DEPTH) {
        tooDeep(peer);
      } else if (size.get(name) > MAX_PEERS && !tooMany) {
        tooMany = true;
        diagnostics.add(
            Diagnostic.error(Codes.TOO_MANY_PEERS, peer.name().span(),
                    "peer '" + name + "' stands for more than " + MAX_PEERS + " peers once the peers it names are written out")
                .withHint("a peer named twice is written out twice: name each once, or select many with labels (ns where, pods)"));
      }
    }
    return size;
  }

  /** The declared peers that {@code peer} names, once for each time it names them. */
  private List<String> named(Declaration.Peer peer) {
    List<String> named = new ArrayList<>();
    for (PeerExpr member : peer.peers()) {
      if (member instanceof PeerExpr.Named reference && peers.containsKey(reference.name().text())) {
        named.add(reference.name().text());
      }
    }
    return named;
  }

  /**
   * Reports each way back to {@code start} from the peers it names, in the order they are named,
   * visiting each peer once and none that reaches no cycle ({@code acyclic}).
   */
  private void findCycles(Declaration.Peer start, Set<String> acyclic) {
    List<String> path = new ArrayList<>();
    path.add(start.name().text());
    search(start, path, new HashSet<>(path), acyclic);
  }

  private void search(Declaration.Peer peer, List<String> path, Set<String> visited, Set<String> acyclic) {
    if (path.size() > MAX_DEPTH) {
      tooDeep(peers.get(path.get(0)));
      return;
    }
    for (String name : named(peer)) {
      if (name.equals(path.get(0))) {
        Declaration.Peer start = peers.get(name);
        diagnostics.add(
            Diagnostic.error(Codes.PEER_CYCLE, start.name().span(), "peer '" + name + "' is defined in terms of itself: "
                    + String.join(" -> ", path) + " -> " + name)
                .withHint("a peer can name other peers, but not in a loop"));
      } else if (!acyclic.contains(name) && visited.add(name)) {
        path.add(name);
        search(peers.get(name), path, visited, acyclic);
        path.remove(path.size() - 1);
      }
    }
  }

  /** One diagnostic for the file: the first peer found to name peers too deep. */
  private void tooDeep(Declaration.Peer peer) {
    if (tooDeepReported) {
      return;
    }
    tooDeepReported = true;
    diagnostics.add(
        Diagnostic.error(Codes.TOO_DEEP, peer.name().span(),
                "peer '" + peer.name().text() + "' names peers that name peers more than " + MAX_DEPTH + " levels deep")
            .withHint("name the peers themselves in fewer levels"));
  }
}
