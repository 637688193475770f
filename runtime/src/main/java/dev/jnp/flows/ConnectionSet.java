package dev.jnp.flows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
    return ports.isEmpty(); // the builder keeps no protocol without ports
  }

  /** Whether every port of TCP, UDP and SCTP is allowed. */
  public boolean isAll() {
    for (Protocol p : Protocol.values()) {
      List<PortRange> runs = ports(p);
      if (runs.size() != 1 || !runs.get(0).equals(PortRange.ALL)) {
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
    StringBuilder text = new StringBuilder();
    for (Protocol p : Protocol.values()) {
      List<PortRange> runs = ports(p);
      for (int i = 0; i < runs.size(); i++) {
        if (i == 0) {
          text.append(text.length() == 0 ? "" : ",").append(p).append(' ');
        } else {
          text.append(',');
        }
        text.append(runs.get(i));
      }
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConnectionSet c && c.ports.equals(ports);
  }

  @Override
  public int hashCode() {
    return ports.hashCode();
  }

  /**
   * Collects ranges; ranges that touch or overlap are merged. Ranges added in ascending order (as
   * {@link PolicyEvaluator#allowed} adds them, for every pair of endpoints of a list) are merged
   * as they come; others are sorted first.
   */
  public static final class Builder {
    private final Map<Protocol, List<PortRange>> ports = new EnumMap<>(Protocol.class);
    private boolean ascending = true;

    private Builder() {}

    /** Adds a range of ports of one protocol. */
    public Builder add(Protocol protocol, PortRange range) {
      List<PortRange> runs = ports.get(protocol);
      if (runs == null) {
        runs = new ArrayList<>();
        ports.put(protocol, runs);
      }
      PortRange last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (last != null && ascending && last.start() <= range.start() && last.end() + 1 >= range.start()) {
        runs.set(runs.size() - 1, new PortRange(last.start(), Math.max(last.end(), range.end())));
      } else {
        ascending &= last == null || last.start() <= range.start();
        runs.add(range);
      }
      return this;
    }

    /** The set. */
    public ConnectionSet build() {
      if (ascending) {
        Map<Protocol, List<PortRange>> runs = new EnumMap<>(Protocol.class);
        for (Map.Entry<Protocol, List<PortRange>> e : ports.entrySet()) {
          runs.put(e.getKey(), List.copyOf(e.getValue()));
        }
        return new ConnectionSet(runs);
      }
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
