package dev.jnp.compiler.ast;

import dev.jnp.diagnostics.SourceSpan;
import java.util.List;
import java.util.Optional;

/** A top-level statement of a {@code .jnp} file. */
public sealed interface Declaration {
  SourceSpan span();

  record Engine(Word engine, SourceSpan span) implements Declaration {}

  record Namespace(Word name, SourceSpan span) implements Declaration {}

  /**
   * {@code param NAME = VALUE}. The default's type follows how it is written: plain {@code
   * true}/{@code false} is a boolean, plain digits a number, anything else a string.
   */
  record Param(Word name, Word defaultValue, SourceSpan span) implements Declaration {}

  record Peer(Word name, List<PeerExpr> peers, SourceSpan span) implements Declaration {}

  record Workload(Word name, Optional<Word> namespace, List<WorkloadItem> items, SourceSpan span)
      implements Declaration {}

  /** {@code default deny [ingress|egress] [order N] [when …]}; no direction means both. */
  record DefaultDeny(
      Optional<WorkloadItem.Direction> direction,
      Optional<Word> order,
      Optional<Condition> when,
      SourceSpan span)
      implements Declaration {}

  record Expect(
      boolean allow, Endpoint client, Endpoint server, Optional<Condition> when, SourceSpan span)
      implements Declaration {}
}
