package dev.jnp.flows;

/**
 * A connection to be judged: who opens it, who receives it, and the destination's protocol and
 * port (after DNAT: the port the pod or server really listens on).
 */
public record Connection(Endpoint source, Endpoint destination, Protocol protocol, int port) {
  public Connection {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** {@code source -> destination port/protocol}. */
  @Override
  public String toString() {
    return source.display() + " -> " + destination.display() + " " + port + "/" + protocol;
  }
}
