package dev.jnp.flows.cilium;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.ContainerPort;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.PortRange;
import dev.jnp.flows.Protocol;
import dev.jnp.flows.Tree;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * One entry of {@code toPorts} (engine-semantics.md §2 "Ports"): its {@code ports} (none means
 * every port) and its L7 {@code rules}. A port is a string: a number ({@code "0"} or none means
 * every port), with an optional {@code endPort}, or a named port resolved against the
 * destination pod's container ports. {@code protocol} is TCP, UDP, SCTP or ANY (the default: all
 * three).
 *
 * <p>L7 rules (HTTP, Kafka, DNS) filter requests inside an allowed connection; at the level of
 * connections the entry allows its ports. Its {@code rules.dns} also make lookups visible to the
 * DNS proxy, which is what {@code toFQDNs} needs.
 */
final class CiliumPortRule {
  private final List<Port> ports;
  private final List<FqdnSelector> dns;

  private CiliumPortRule(List<Port> ports, List<FqdnSelector> dns) {
    this.ports = ports;
    this.dns = dns;
  }

  static CiliumPortRule parse(JsonNode node, String where, List<String> problems) {
    List<Port> ports = new ArrayList<>();
    List<JsonNode> portNodes = Tree.list(node, "ports");
    for (int i = 0; i < portNodes.size(); i++) {
      ports.add(Port.parse(portNodes.get(i), where + ".ports[" + i + "]", problems));
    }
    List<FqdnSelector> dns = new ArrayList<>();
    Tree.object(node, "rules").ifPresent(rules -> {
      for (JsonNode d : Tree.list(rules, "dns")) {
        FqdnSelector.parse(d).ifPresent(dns::add);
      }
    });
    return new CiliumPortRule(ports, dns);
  }

  boolean matches(Protocol protocol, int port, Endpoint destination) {
    if (ports.isEmpty()) {
      return true;
    }
    for (Port p : ports) {
      if (p.matches(protocol, port, destination)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the DNS rules of this entry let the DNS proxy see a lookup of {@code name}. */
  boolean allowsLookup(String name) {
    return dns.stream().anyMatch(s -> s.matches(name));
  }

  void addBoundaries(SortedSet<Integer> cuts) {
    for (Port p : ports) {
      if (p.range != null) {
        cuts.add(p.range.start());
        cuts.add(p.range.end() + 1);
      }
    }
  }

  private record Port(Set<Protocol> protocols, PortRange range, String name) {
    static Port parse(JsonNode node, String where, List<String> problems) {
      String protocolName = Tree.text(node, "protocol", "ANY").toUpperCase(Locale.ROOT);
      Set<Protocol> protocols;
      if (protocolName.equals("ANY")) {
        protocols = EnumSet.allOf(Protocol.class);
      } else {
        Optional<Protocol> p = Protocol.parse(protocolName);
        if (p.isEmpty()) {
          problems.add(where + ": protocol '" + protocolName + "' matches no TCP, UDP or SCTP");
        }
        protocols = p.map(EnumSet::of).orElse(EnumSet.noneOf(Protocol.class));
      }
      String text = Tree.text(node, "port", "0").trim();
      if (!text.matches("\\d+")) {
        return new Port(protocols, null, text);
      }
      int start = text.length() > 5 ? 65536 : Integer.parseInt(text);
      if (start == 0) {
        return new Port(protocols, PortRange.ALL, null);
      }
      int end = Tree.integer(node, "endPort").filter(e -> e > 0).orElse(start);
      if (start > 65535 || end < start || end > 65535) {
        problems.add(where + ": port " + text + " is out of range and matches nothing");
        return new Port(EnumSet.noneOf(Protocol.class), null, null);
      }
      return new Port(protocols, new PortRange(start, end), null);
    }

    boolean matches(Protocol protocol, int port, Endpoint destination) {
      if (!protocols.contains(protocol)) {
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
      for (ContainerPort c : pod.get().portsNamed(name)) {
        if (c.port() == port && c.protocol() == protocol) {
          return true;
        }
      }
      return false;
    }
  }
}
