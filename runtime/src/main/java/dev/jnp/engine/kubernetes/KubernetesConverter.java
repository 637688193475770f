package dev.jnp.engine.kubernetes;

import static dev.jnp.engine.ObjectTree.head;

import dev.jnp.engine.ObjectId;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.DefaultDeny;
import dev.jnp.ir.Direction;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Rule;
import dev.jnp.yaml.YamlOut;
import java.util.List;
import java.util.Optional;

/** Writes the IR as NetworkPolicy objects. */
final class KubernetesConverter {
  private static final String API_VERSION = "networking.k8s.io/v1";
  private static final String KIND = "NetworkPolicy";
  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  ObjectId allowlist(Allowlist allowlist, YamlOut out) {
    head(out, API_VERSION, KIND, allowlist.name(), allowlist.namespace());
    out.key("spec").beginMap();
    out.key("podSelector").beginMap().labels("matchLabels", allowlist.podLabels()).end();
    boolean egress = allowlist.governs(Direction.EGRESS);
    out.key("policyTypes").beginList().value("Ingress");
    if (egress) {
      out.value("Egress");
    }
    out.end();
    rules(allowlist, Direction.INGRESS, out);
    if (egress) {
      rules(allowlist, Direction.EGRESS, out);
    }
    out.end();
    return new ObjectId(KIND, allowlist.name(), Optional.of(allowlist.namespace()));
  }

  ObjectId defaultDeny(DefaultDeny deny, YamlOut out) {
    head(out, API_VERSION, KIND, "default-deny", deny.namespace());
    out.key("spec").beginMap();
    out.key("podSelector").beginMap().end();
    out.key("policyTypes").beginList();
    for (Direction direction : Direction.values()) {
      if (deny.covers(direction)) {
        out.value(direction.title());
      }
    }
    out.end().end();
    return new ObjectId(KIND, "default-deny", Optional.of(deny.namespace()));
  }

  /** The rules of one direction, left out when there are none. */
  private static void rules(Allowlist allowlist, Direction direction, YamlOut out) {
    out.key(direction == Direction.INGRESS ? "ingress" : "egress").beginList();
    List<Rule> rules = allowlist.rules(direction);
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      rule(rule, direction, out);
    }
    List<Object> natives = allowlist.nativeItems(KubernetesBackend.ENGINE, direction);
    for (int i = 0; i < natives.size(); i++) {
      Object item = natives.get(i);
      out.value(item);
    }
    out.endOrDrop();
  }

  /**
   * One rule, or nothing when none of its peers can be spelled here (the capability check has
   * already reported them). A peer that stands for every source makes the rule open: no
   * {@code from}/{@code to} at all.
   */
  private static void rule(Rule rule, Direction direction, YamlOut out) {
    boolean open = false;
    boolean spelled = false;
    for (int p = 0; p < rule.peers().size(); p++) {
      Peer peer = rule.peers().get(p);
      open |= isEverySource(peer, direction);
      spelled |= hasEntries(peer, direction);
    }
    if (!open && !spelled) {
      return;
    }
    out.beginMap();
    if (!open) {
      out.key(direction == Direction.INGRESS ? "from" : "to").beginList();
      PeerSpelling spelling = new PeerSpelling(out);
      for (int p = 0; p < rule.peers().size(); p++) {
        Peer peer = rule.peers().get(p);
        peer.accept(spelling);
      }
      out.end();
    }
    if (!rule.allPorts()) {
      out.key("ports").beginList();
      for (int r = 0; r < rule.ports().size(); r++) {
        PortRange range = rule.ports().get(r);
        out.beginMap().field("protocol", range.protocol().name()).field("port", range.first());
        if (!range.isSingle()) {
          out.field("endPort", range.last());
        }
        out.end();
      }
      out.end();
    }
    out.end();
  }

  /** A peer that NetworkPolicy can only spell as "every source": no {@code from}/{@code to}. */
  private static boolean isEverySource(Peer peer, Direction direction) {
    return peer instanceof Peer.Any
        || peer instanceof Peer.Nodes
        || (peer instanceof Peer.ApiServer && direction == Direction.INGRESS);
  }

  /** A peer spelled as one NetworkPolicyPeer entry or more (a DNS name, for one, is none). */
  private static boolean hasEntries(Peer peer, Direction direction) {
    if (peer instanceof Peer.ApiServer apiServer) {
      return direction == Direction.EGRESS && !apiServer.cidrs().isEmpty();
    }
    return peer instanceof Peer.Cidr || peer instanceof Peer.Namespaces || peer instanceof Peer.Pods;
  }

  /** Writes a peer's NetworkPolicyPeer entries (none for those {@link #isEverySource}). */
  private static final class PeerSpelling implements Peer.Cases<Void> {
    private final YamlOut out;

    PeerSpelling(YamlOut out) {
      this.out = out;
    }

    @Override
    public Void any(Peer.Any any) {
      return null;
    }

    @Override
    public Void nodes(Peer.Nodes nodes) {
      return null;
    }

    @Override
    public Void apiServer(Peer.ApiServer apiServer) {
      // Egress only: ingress from the API server made the rule open.
      for (int c = 0; c < apiServer.cidrs().size(); c++) {
        String cidr = apiServer.cidrs().get(c);
        out.beginMap().key("ipBlock").beginMap().field("cidr", cidr).end().end();
      }
      return null;
    }

    @Override
    public Void fqdn(Peer.Fqdn fqdn) {
      return null;
    }

    @Override
    public Void cidr(Peer.Cidr cidr) {
      out.beginMap().key("ipBlock").beginMap().field("cidr", cidr.cidr());
      if (!cidr.except().isEmpty()) {
        out.list("except", cidr.except());
      }
      out.end().end();
      return null;
    }

    @Override
    public Void namespaces(Peer.Namespaces namespaces) {
      out.beginMap();
      if (namespaces.namespaces() instanceof NamespaceSelector.Own) {
        // A podSelector alone stays in the policy's namespace, and {} selects every pod there.
        out.key("podSelector").beginMap().end();
      } else {
        namespaceSelector(namespaces.namespaces(), out);
      }
      out.end();
      return null;
    }

    @Override
    public Void pods(Peer.Pods pods) {
      out.beginMap();
      if (!(pods.namespaces() instanceof NamespaceSelector.Own)) {
        namespaceSelector(pods.namespaces(), out);
      }
      out.key("podSelector").beginMap().labels("matchLabels", pods.labels()).end();
      out.end();
      return null;
    }
  }

  /** Writes the {@code namespaceSelector} field of a peer in other namespaces. */
  private static void namespaceSelector(NamespaceSelector selector, YamlOut out) {
    out.key("namespaceSelector").beginMap();
    selector.accept(
        new NamespaceSelector.Cases<Void>() {
          @Override
          public Void named(NamespaceSelector.Named named) {
            out.key("matchLabels").beginMap().field(NAMESPACE_NAME_LABEL, named.name()).end();
            return null;
          }

          @Override
          public Void labelled(NamespaceSelector.Labelled labelled) {
            out.labels("matchLabels", labelled.labels());
            return null;
          }

          @Override
          public Void all(NamespaceSelector.All all) {
            return null;
          }

          @Override
          public Void own(NamespaceSelector.Own own) {
            throw new IllegalStateException("the own namespace has no selector of its own");
          }
        });
    out.end();
  }
}
