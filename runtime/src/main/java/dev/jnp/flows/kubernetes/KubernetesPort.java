package dev.jnp.flows.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.ContainerPort;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.PortRange;
import dev.jnp.flows.Protocol;
import dev.jnp.flows.Tree;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * One entry of a NetworkPolicy rule's {@code ports} (engine-semantics.md §1 "Ports"): a protocol
 * (default TCP) and a number, a number with {@code endPort}, a named port, or no port (every port
 * of the protocol). A named port is resolved against the container ports of the connection's
 * destination pod, for egress rules too; name and protocol must both match (conformance README,
 * item 9). A destination that is not a pod has no named ports.
 */
public final class KubernetesPort {
  private final Protocol protocol;
  private final PortRange range;
  private final String name;

  private KubernetesPort(Protocol protocol, PortRange range, String name) {
    this.protocol = protocol;
    this.range = range;
    this.name = name;
  }

  /** Reads one {@code ports} entry; {@code null} protocol means it can match nothing. */
  static KubernetesPort parse(JsonNode node, String where, List<String> problems) {
    String protocolName = Tree.text(node, "protocol", "TCP");
    Protocol protocol = Protocol.parse(protocolName).orElse(null);
    if (protocol == null) {
      problems.add(where + ": unknown protocol '" + protocolName + "' matches nothing");
    }
    Optional<JsonNode> port = Tree.field(node, "port");
    if (port.isEmpty()) {
      return new KubernetesPort(protocol, PortRange.ALL, null);
    }
    String text = port.get().asText().trim();
    if (!port.get().isNumber() && !text.matches("\\d+")) {
      if (Tree.has(node, "endPort")) {
        problems.add(where + ": endPort with the named port '" + text + "' is ignored");
      }
      return new KubernetesPort(protocol, null, text);
    }
    int start = port.get().isNumber() ? port.get().asInt() : parsePort(text);
    int end = Tree.integer(node, "endPort").orElse(start);
    if (start < 1 || start > 65535 || end < start || end > 65535) {
      problems.add(where + ": port " + start + (end != start ? "-" + end : "")
          + " is out of range and matches nothing");
      return new KubernetesPort(null, null, null);
    }
    return new KubernetesPort(protocol, new PortRange(start, end), null);
  }

  private static int parsePort(String digits) {
    return digits.length() > 5 ? -1 : Integer.parseInt(digits);
  }

  /** Whether this entry covers {@code port} of {@code protocol} on {@code destination}. */
  boolean matches(Protocol connectionProtocol, int port, Endpoint destination) {
    if (protocol == null || protocol != connectionProtocol) {
      return false;
    }
    if (range != null) {
      return range.contains(port);
    }
    if (name == null) {
      return false;
    }
    Optional<Endpoint.Workload> pod = destination.asWorkload();
    if (pod.isEmpty()) {
      return false;
    }
    for (ContainerPort p : pod.get().portsNamed(name)) {
      if (p.protocol() == protocol && p.port() == port) {
        return true;
      }
    }
    return false;
  }

  /** Adds the ports where this entry's coverage starts or stops. */
  void addBoundaries(SortedSet<Integer> cuts) {
    if (range != null) {
      cuts.add(range.start());
      cuts.add(range.end() + 1);
    }
  }
}
