package dev.jnp.compiler.ast;

import dev.jnp.diagnostics.SourceSpan;
import java.util.List;
import java.util.Optional;

/** One side of an {@code expect}: a client or a server, as written. */
public sealed interface Endpoint {
  SourceSpan span();

  record Namespace(Word name, SourceSpan span) implements Endpoint {}

  record Pods(List<Label> labels, Optional<Word> namespace, SourceSpan span) implements Endpoint {}

  /** {@code fqdn NAME[:PORT]}, the port still inside the word. */
  record Fqdn(Word name, SourceSpan span) implements Endpoint {}

  record Node(SourceSpan span) implements Endpoint {}

  record World(SourceSpan span) implements Endpoint {}

  /** {@code [ADDRESS]:PORT[/PROTO]}; {@code suffix} is the {@code :PORT…} word. */
  record Ipv6(Word address, Optional<Word> suffix, SourceSpan span) implements Endpoint {}

  /**
   * A workload ({@code jaas}, {@code jaas:storage}), an address ({@code 10.0.0.1:443/udp}) or
   * {@code apiserver[:PORT]}: one word, told apart by the checker.
   */
  record Plain(Word word, SourceSpan span) implements Endpoint {}
}
