package dev.jnp.compiler.ast;

import dev.jnp.diagnostics.SourceSpan;
import java.util.List;
import java.util.Optional;

/** A statement inside a {@code workload} (or its {@code egress} block), in source order. */
public sealed interface WorkloadItem {
  SourceSpan span();

  record Select(List<Label> labels, SourceSpan span) implements WorkloadItem {}

  /** {@code port NAME SPEC [probe] [when …]}; {@code spec} is validated by the checker. */
  record Port(Word name, Word spec, boolean probe, Optional<Condition> when, SourceSpan span)
      implements WorkloadItem {}

  /**
   * {@code allow [PORTS] from|to PEERS [when …]}. {@code written} is the direction the rule's
   * keyword says; {@code inEgressBlock} where it stands. The two disagree for a misplaced rule.
   */
  record Allow(
      Direction written,
      boolean inEgressBlock,
      List<Word> ports,
      List<PeerExpr> peers,
      Optional<Condition> when,
      SourceSpan span)
      implements WorkloadItem {}

  /** {@code allow dns [to PEERS] [when …]}; no peers means {@code ns kube-system}. */
  record AllowDns(List<PeerExpr> peers, Optional<Condition> when, SourceSpan span)
      implements WorkloadItem {}

  record Egress(Optional<Condition> when, List<WorkloadItem> items, SourceSpan span)
      implements WorkloadItem {}

  /** {@code native ENGINE ingress|egress """…"""}; {@code body} without the quotes. */
  record Native(Word engine, Direction direction, String body, SourceSpan bodySpan, SourceSpan span)
      implements WorkloadItem {}

  /** Which way a rule or native block points. */
  enum Direction {
    INGRESS,
    EGRESS
  }
}
