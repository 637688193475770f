package dev.jnp.flows.clusternetworkpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.ContainerPort;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.PortRange;
import dev.jnp.flows.Protocol;
import dev.jnp.flows.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A ClusterNetworkPolicy rule's {@code protocols} (engine-semantics.md §4 "Optional spec
 * fields"): entries of {@code tcp}, {@code udp} or {@code sctp} with an optional {@code
 * destinationPort} ({@code number} or {@code range{start,end}}; absent: every port), or a {@code
 * destinationNamedPort} resolved against the destination pod's container ports. No {@code
 * protocols}: every protocol and port.
 */
final class ClusterPorts {
  private final List<Entry> entries;

  private ClusterPorts(List<Entry> entries) {
    this.entries = entries;
  }

  private record Entry(Protocol protocol, PortRange range, String name) {}

  static ClusterPorts parse(JsonNode rule, String where, List<String> problems) {
    Optional<List<JsonNode>> items = Tree.optionalList(rule, "protocols");
    if (items.isEmpty() || items.get().isEmpty()) {
      return new ClusterPorts(null);
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode item : items.get()) {
      Optional<String> named = Tree.text(item, "destinationNamedPort");
      if (named.isPresent()) {
        entries.add(new Entry(null, null, named.get()));
        continue;
      }
      boolean any = false;
      for (Protocol p : Protocol.values()) {
        Optional<JsonNode> proto = Tree.field(item, p.name().toLowerCase(java.util.Locale.ROOT));
        if (proto.isEmpty()) {
          continue;
        }
        any = true;
        JsonNode port = Tree.object(proto.get(), "destinationPort").orElse(null);
        if (port == null) {
          entries.add(new Entry(p, PortRange.ALL, null));
        } else if (Tree.integer(port, "number").isPresent()) {
          int n = Tree.integer(port, "number").get();
          if (n >= 1 && n <= 65535) {
            entries.add(new Entry(p, PortRange.of(n), null));
          } else {
            problems.add(where + ": port " + n + " is out of range");
          }
        } else {
          JsonNode range = Tree.object(port, "range").orElse(null);
          int start = Tree.integer(range, "start").orElse(0);
          int end = Tree.integer(range, "end").orElse(0);
          if (start >= 1 && end <= 65535 && start <= end) {
            entries.add(new Entry(p, new PortRange(start, end), null));
          } else {
            problems.add(where + ": port range " + start + "-" + end + " is invalid");
          }
        }
      }
      if (!any) {
        problems.add(where + ": a protocols entry with no tcp, udp, sctp or"
            + " destinationNamedPort matches nothing");
      }
    }
    return new ClusterPorts(entries);
  }

  boolean matches(Protocol protocol, int port, Endpoint destination) {
    if (entries == null) {
      return true;
    }
    for (Entry e : entries) {
      if (e.name != null) {
        Optional<Endpoint.Workload> pod = destination.asWorkload();
        if (pod.isPresent()) {
          for (ContainerPort c : pod.get().portsNamed(e.name)) {
            if (c.port() == port && c.protocol() == protocol) {
              return true;
            }
          }
        }
      } else if (e.protocol == protocol && e.range.contains(port)) {
        return true;
      }
    }
    return false;
  }

  void addBoundaries(SortedSet<Integer> cuts) {
    if (entries != null) {
      for (Entry e : entries) {
        if (e.range != null) {
          cuts.add(e.range.start());
          cuts.add(e.range.end() + 1);
        }
      }
    }
  }
}
