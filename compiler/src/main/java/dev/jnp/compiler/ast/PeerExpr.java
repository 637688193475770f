package dev.jnp.compiler.ast;

import dev.jnp.diagnostics.SourceSpan;
import java.util.List;
import java.util.Optional;

/** A peer as written. */
public sealed interface PeerExpr {
  SourceSpan span();

  record Any(SourceSpan span) implements PeerExpr {}

  record Nodes(SourceSpan span) implements PeerExpr {}

  record ApiServer(List<Word> addresses, SourceSpan span) implements PeerExpr {}

  record Namespace(Word name, SourceSpan span) implements PeerExpr {}

  record NamespacesWhere(List<Label> labels, SourceSpan span) implements PeerExpr {}

  /** {@code pods K=V …} with where the pods are: own namespace when {@code in} is empty. */
  record Pods(List<Label> labels, Optional<PodNamespace> in, SourceSpan span) implements PeerExpr {}

  record Cidr(Word block, List<Word> except, SourceSpan span) implements PeerExpr {}

  record Fqdn(Word name, SourceSpan span) implements PeerExpr {}

  /** A reference to a top-level {@code peer}. */
  record Named(Word name, SourceSpan span) implements PeerExpr {}

  /** The {@code in …} of a {@code pods} peer. */
  sealed interface PodNamespace {
    record Named(Word name) implements PodNamespace {}

    record Where(List<Label> labels) implements PodNamespace {}

    record AnyNamespace() implements PodNamespace {}
  }
}
