package dev.jnp.compiler.verify;

import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.Protocol;
import java.util.Optional;

/**
 * One {@code expect} whose condition holds, ready to evaluate: the client and the server as
 * endpoints of the file's synthetic world, and the port the server is asked on. Without a port,
 * {@code allow} means some connection gets through and {@code deny} that none does.
 */
public record Expectation(
    boolean allow, Endpoint client, Endpoint server, Optional<Port> port, SourceSpan span, String text) {

  /** A protocol and a port number. */
  public record Port(Protocol protocol, int number) {
    @Override
    public String toString() {
      return number + "/" + protocol.name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
