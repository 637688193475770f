package dev.jnp.flows.calico;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.ContainerPort;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.PortRange;
import dev.jnp.flows.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A {@code ports} or {@code notPorts} list of an entity rule (engine-semantics.md §3 "Ports"):
 * numbers, {@code "min:max"} ranges and named ports, which resolve against the endpoint's named
 * ports of the rule's protocol.
 */
final class CalicoPorts {
  private final List<PortRange> ranges = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  static CalicoPorts parse(List<JsonNode> items, String where, List<String> problems) {
    CalicoPorts out = new CalicoPorts();
    for (JsonNode item : items) {
      String text = item.asText().trim();
      try {
        if (item.isNumber() || text.matches("\\d+")) {
          out.ranges.add(PortRange.of(Integer.parseInt(text)));
        } else if (text.matches("\\d+:\\d+")) {
          String[] parts = text.split(":");
          out.ranges.add(new PortRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
        } else {
          out.names.add(text);
        }
      } catch (IllegalArgumentException e) {
        problems.add(where + ": port '" + text + "' is invalid and matches nothing");
      }
    }
    return out;
  }

  boolean isEmpty() {
    return ranges.isEmpty() && names.isEmpty();
  }

  /** Whether {@code port} of {@code protocol} on {@code endpoint} is in the list. */
  boolean contains(int port, Optional<Protocol> protocol, Endpoint endpoint) {
    for (PortRange r : ranges) {
      if (r.contains(port)) {
        return true;
      }
    }
    Optional<Endpoint.Workload> pod = endpoint.asWorkload();
    if (pod.isEmpty() || protocol.isEmpty()) {
      return false;
    }
    for (String name : names) {
      for (ContainerPort p : pod.get().portsNamed(name)) {
        if (p.port() == port && p.protocol() == protocol.get()) {
          return true;
        }
      }
    }
    return false;
  }

  void addBoundaries(SortedSet<Integer> cuts) {
    for (PortRange r : ranges) {
      cuts.add(r.start());
      cuts.add(r.end() + 1);
    }
  }
}
