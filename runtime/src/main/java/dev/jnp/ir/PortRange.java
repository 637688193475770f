package dev.jnp.ir;

/**
 * A port or a contiguous range of ports of one protocol. Named ports have already been resolved
 * to their numbers. {@code first == last} for a single port.
 */
public record PortRange(int first, int last, Protocol protocol) {

  public PortRange {
    if (first < 1 || last > 65535 || last < first) {
      throw new IllegalArgumentException("invalid port range " + first + "-" + last);
    }
  }

  public static PortRange single(int port, Protocol protocol) {
    return new PortRange(port, port, protocol);
  }

  public boolean isSingle() {
    return first == last;
  }

  public boolean contains(int port) {
    return first <= port && port <= last;
  }

  @Override
  public String toString() {
    return (isSingle() ? Integer.toString(first) : first + "-" + last) + "/" + protocol;
  }
}
