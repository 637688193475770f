package dev.jnp.flows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A set of (protocol, port) pairs: what one endpoint may open to another. Each protocol's ports
 * are kept as maximal ascending runs.
 */
public final class ConnectionSet {
  private final Map<Protocol, List<PortRange>> ports;

  private ConnectionSet(Map<Protocol, List<PortRange>> ports) {
    this.ports = ports;
  }

  /** A builder that merges ranges as they are added. */
  public static Builder builder() {
    return new Builder();
  }

  /** The maximal runs of allowed ports of {@code protocol}, ascending. */
  public List<PortRange> ports(Protocol protocol) {
    return ports.getOrDefault(protocol, List.of());
  }

  /** Whether nothing is allowed. */
  public boolean isEmpty() {
    return ports.values().stream().allMatch(List::isEmpty);
  }

  /** Whether every port of TCP, UDP and SCTP is allowed. */
  public boolean isAll() {
    for (Protocol p : Protocol.values()) {
      if (!ports(p).equals(List.of(PortRange.ALL))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code port} of {@code protocol} is allowed. */
  public boolean contains(Protocol protocol, int port) {
    return ports(protocol).stream().anyMatch(r -> r.contains(port));
  }

  /**
   * netpol-analyzer's text: {@code All Connections}, or per protocol with allowed ports, in
   * alphabetical order, {@code PROTO runs} joined by commas, e.g. {@code SCTP 7070,TCP
   * 8080-8081,UDP 9090}; {@code No Connections} when empty.
   */
  @Override
  public String toString() {
    if (isAll()) {
      return "All Connections";
    }
    if (isEmpty()) {
      return "No Connections";
    }
    List<String> groups = new ArrayList<>();
    for (Protocol p : Protocol.values()) {
      List<PortRange> runs = ports(p);
      if (!runs.isEmpty()) {
        groups.add(p + " " + runs.stream().map(PortRange::toString).collect(Collectors.joining(",")));
      }
    }
    return String.join(",", groups);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConnectionSet c && c.ports.equals(ports);
  }

  @Override
  public int hashCode() {
    return ports.hashCode();
  }

  /** Collects ranges; ranges that touch or overlap are merged. */
  public static final class Builder {
    private final Map<Protocol, List<PortRange>> ports = new EnumMap<>(Protocol.class);

    private Builder() {}

    /** Adds a range of ports of one protocol. */
    public Builder add(Protocol protocol, PortRange range) {
      ports.computeIfAbsent(protocol, p -> new ArrayList<>()).add(range);
      return this;
    }

    /** The set. */
    public ConnectionSet build() {
      Map<Protocol, List<PortRange>> merged = new EnumMap<>(Protocol.class);
      for (Map.Entry<Protocol, List<PortRange>> e : ports.entrySet()) {
        List<PortRange> sorted = new ArrayList<>(e.getValue());
        Collections.sort(sorted);
        List<PortRange> runs = new ArrayList<>();
        for (PortRange r : sorted) {
          if (!runs.isEmpty() && runs.get(runs.size() - 1).end() + 1 >= r.start()) {
            PortRange last = runs.remove(runs.size() - 1);
            runs.add(new PortRange(last.start(), Math.max(last.end(), r.end())));
          } else {
            runs.add(r);
          }
        }
        if (!runs.isEmpty()) {
          merged.put(e.getKey(), List.copyOf(runs));
        }
      }
      return new ConnectionSet(merged);
    }
  }
}
