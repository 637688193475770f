package dev.jnp.flows;

/**
 * A port a pod's container listens on. {@code name} is empty for an unnamed port; named-port rules
 * resolve against the name and the protocol together.
 */
public record ContainerPort(String name, int port, Protocol protocol) {
  public ContainerPort {
    name = name == null ? "" : name;
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("container port out of range: " + port);
    }
  }
}
