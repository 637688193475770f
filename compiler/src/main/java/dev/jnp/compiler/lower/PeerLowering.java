package dev.jnp.compiler.lower;

import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.Label;
import dev.jnp.compiler.ast.PeerExpr;
import dev.jnp.compiler.check.CidrSyntax;
import dev.jnp.compiler.check.Resolver;
import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.Peer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns checked peers into IR peers, expanding named peers where they are used. */
final class PeerLowering {
  private final Map<String, Declaration.Peer> declared;
  private final Resolver resolver;

  PeerLowering(Map<String, Declaration.Peer> declared, Resolver resolver) {
    this.declared = declared;
    this.resolver = resolver;
  }

  List<Peer> lower(List<PeerExpr> peers) {
    List<Peer> out = new ArrayList<>(peers.size()); // a named peer may add more
    for (int p = 0; p < peers.size(); p++) {
      PeerExpr peer = peers.get(p);
      lower(peer, peer.span(), out);
    }
    return out;
  }

  /** Lowers one peer; a named peer's members take {@code useSite}, where the rule names it. */
  private void lower(PeerExpr peer, SourceSpan useSite, List<Peer> out) {
    if (peer instanceof PeerExpr.Any) {
      out.add(new Peer.Any(useSite));
    } else if (peer instanceof PeerExpr.Nodes) {
      out.add(new Peer.Nodes(useSite));
    } else if (peer instanceof PeerExpr.ApiServer apiServer) {
      out.add(new Peer.ApiServer(apiServer.addresses().stream().map(this::cidr).toList(), useSite));
    } else if (peer instanceof PeerExpr.Namespace ns) {
      out.add(new Peer.Namespaces(new NamespaceSelector.Named(text(ns.name())), useSite));
    } else if (peer instanceof PeerExpr.NamespacesWhere where) {
      out.add(new Peer.Namespaces(new NamespaceSelector.Labelled(labels(where.labels())), useSite));
    } else if (peer instanceof PeerExpr.Pods pods) {
      NamespaceSelector namespaces = pods.in().isPresent() ? podNamespace(pods.in().get()) : new NamespaceSelector.Own();
      out.add(new Peer.Pods(labels(pods.labels()), namespaces, useSite));
    } else if (peer instanceof PeerExpr.Cidr cidr) {
      List<String> except = new ArrayList<>(cidr.except().size());
      for (int h = 0; h < cidr.except().size(); h++) {
        dev.jnp.compiler.ast.Word hole = cidr.except().get(h);
        except.add(cidr(hole));
      }
      out.add(new Peer.Cidr(cidr(cidr.block()), except, useSite));
    } else if (peer instanceof PeerExpr.Fqdn fqdn) {
      out.add(new Peer.Fqdn(text(fqdn.name()), useSite));
    } else if (peer instanceof PeerExpr.Named named) {
      List<PeerExpr> members = declared.get(named.name().text()).peers();
      for (int m = 0; m < members.size(); m++) {
        PeerExpr member = members.get(m);
        lower(member, useSite, out);
      }
    } else {
      throw new IllegalStateException("unknown peer " + peer);
    }
  }

  private NamespaceSelector podNamespace(PeerExpr.PodNamespace in) {
    if (in instanceof PeerExpr.PodNamespace.Named named) {
      return new NamespaceSelector.Named(text(named.name()));
    } else if (in instanceof PeerExpr.PodNamespace.Where where) {
      return new NamespaceSelector.Labelled(labels(where.labels()));
    }
    return new NamespaceSelector.All();
  }

  Map<String, String> labels(List<Label> labels) {
    Map<String, String> out = new LinkedHashMap<>(labels.size() * 2); // not the default 16
    for (int l = 0; l < labels.size(); l++) {
      Label label = labels.get(l);
      out.put(text(label.key()), text(label.value()));
    }
    return out;
  }

  private String cidr(dev.jnp.compiler.ast.Word word) {
    // Canonical form, so equal blocks are spelled alike in the output.
    return CidrSyntax.parse(text(word)).canonical();
  }

  String text(dev.jnp.compiler.ast.Word word) {
    // A plain word's text without an Optional around it: every name and label of a run asks.
    return word.isParamRef() ? resolver.text(word).orElseThrow() : word.text();
  }
}
