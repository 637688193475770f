package dev.jnp.flows;

/** An inclusive range of ports, 1–65535; a single port is a range of one. */
public record PortRange(int start, int end) implements Comparable<PortRange> {
  /** Every port. */
  public static final PortRange ALL = new PortRange(1, 65535);

  public PortRange {
    if (start < 1 || end > 65535 || start > end) {
      throw new IllegalArgumentException("not a port range: " + start + "-" + end);
    }
  }

  /** The range of one port. */
  public static PortRange of(int port) {
    return new PortRange(port, port);
  }

  /** Whether {@code port} is in this range. */
  public boolean contains(int port) {
    return start <= port && port <= end;
  }

  @Override
  public int compareTo(PortRange o) {
    return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
  }

  /** {@code 8080} or {@code 10053-10054}. */
  @Override
  public String toString() {
    return start == end ? Integer.toString(start) : start + "-" + end;
  }
}
