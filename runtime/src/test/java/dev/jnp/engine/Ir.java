package dev.jnp.engine;

import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.DefaultDeny;
import dev.jnp.ir.Direction;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.NativeRules;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Protocol;
import dev.jnp.ir.Rule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Short IR builders for backend tests; every element is written "on" a line of {@code test.jnp}. */
public final class Ir {
  public static final String FILE = "test.jnp";

  private Ir() {}

  public static SourceSpan line(int line) {
    return new SourceSpan(FILE, line, 3, line, 20);
  }

  public static PortRange tcp(int port) {
    return PortRange.single(port, Protocol.TCP);
  }

  public static PortRange udp(int port) {
    return PortRange.single(port, Protocol.UDP);
  }

  public static PortRange tcp(int first, int last) {
    return new PortRange(first, last, Protocol.TCP);
  }

  public static PortRange udp(int first, int last) {
    return new PortRange(first, last, Protocol.UDP);
  }

  public static Peer any(int line) {
    return new Peer.Any(line(line));
  }

  public static Peer ns(String name, int line) {
    return new Peer.Namespaces(new NamespaceSelector.Named(name), line(line));
  }

  public static Peer nsWhere(Map<String, String> labels, int line) {
    return new Peer.Namespaces(new NamespaceSelector.Labelled(labels), line(line));
  }

  public static Peer pods(Map<String, String> labels, NamespaceSelector in, int line) {
    return new Peer.Pods(labels, in, line(line));
  }

  public static Peer cidr(String cidr, List<String> except, int line) {
    return new Peer.Cidr(cidr, except, line(line));
  }

  public static Peer fqdn(String name, int line) {
    return new Peer.Fqdn(name, line(line));
  }

  public static Peer nodes(int line) {
    return new Peer.Nodes(line(line));
  }

  public static Peer apiserver(List<String> cidrs, int line) {
    return new Peer.ApiServer(cidrs, line(line));
  }

  /** An allow rule on the line of its first peer. */
  public static Rule allow(List<PortRange> ports, Peer... peers) {
    return new Rule(ports, List.of(peers), false, peers[0].span());
  }

  /** {@code allow dns}, as the front end lowers it: kube-dns pods in kube-system, 53/udp+tcp. */
  public static Rule dns(int line) {
    return new Rule(
        List.of(udp(53), tcp(53)),
        List.of(
            new Peer.Pods(
                Map.of("k8s-app", "kube-dns"),
                new NamespaceSelector.Named("kube-system"),
                line(line))),
        true,
        line(line));
  }

  public static Allowlist workload(
      String name, String namespace, List<Rule> ingress, Optional<List<Rule>> egress) {
    return workload(name, namespace, ingress, egress, List.of());
  }

  public static Allowlist workload(
      String name,
      String namespace,
      List<Rule> ingress,
      Optional<List<Rule>> egress,
      List<NativeRules> natives) {
    return new Allowlist(
        name,
        namespace,
        Map.of("app.kubernetes.io/name", name, "app.kubernetes.io/instance", name),
        ingress,
        egress,
        natives,
        line(1));
  }

  /**
   * Allowlists of every shape a backend counts: each kind of peer, alone and with others (the
   * same one twice too), with no ports, one, two protocols, a range, and 120 ports of one
   * protocol; on ingress and egress, with and without native items.
   */
  public static List<Allowlist> everyShape() {
    List<Peer> kinds = List.of(
        any(2), ns("a", 3), nsWhere(Map.of("team", "x"), 4),
        pods(Map.of("app", "db"), new NamespaceSelector.Named("data"), 5),
        pods(Map.of("app", "db"), new NamespaceSelector.Own(), 6),
        cidr("10.0.0.0/8", List.of(), 7), cidr("10.0.0.0/8", List.of("10.1.0.0/16", "10.2.3.0/24"), 8),
        fqdn("*.example.com", 9), nodes(10), apiserver(List.of(), 11), apiserver(List.of("172.20.0.10/32"), 12));
    List<PortRange> many = new java.util.ArrayList<>();
    for (int p = 1000; p < 1120; p++) {
      many.add(tcp(p));
    }
    List<List<PortRange>> portShapes = List.of(
        List.of(), List.of(tcp(80)), List.of(tcp(53), udp(53)), List.of(tcp(7000, 7010)), many,
        List.of(tcp(80), tcp(80)));
    List<Allowlist> shapes = new java.util.ArrayList<>();
    for (List<PortRange> ports : portShapes) {
      for (int i = 0; i < kinds.size(); i++) {
        List<List<Peer>> peerSets = List.of(
            List.of(kinds.get(i)),
            List.of(kinds.get(i), kinds.get(i)),
            List.of(kinds.get(i), kinds.get((i + 1) % kinds.size()), kinds.get((i + 5) % kinds.size())));
        for (List<Peer> peers : peerSets) {
          List<Rule> rules = List.of(new Rule(ports, peers, false, peers.get(0).span()), dns(20));
          shapes.add(workload("w", "n", rules, Optional.of(rules)));
          shapes.add(workload("w", "n", rules, Optional.of(rules), List.of(
              nativeRules("calico", Direction.INGRESS, Map.of("action", "Allow")),
              nativeRules("clusterNetworkPolicy", Direction.EGRESS, Map.of("action", "Accept")))));
        }
      }
    }
    return shapes;
  }

  public static NativeRules nativeRules(String engine, Direction direction, Object... items) {
    return new NativeRules(engine, direction, List.of(items), line(90));
  }

  /** A default-deny for both directions whose order was written in the source. */
  public static DefaultDeny deny(String namespace, int order, int line) {
    return new DefaultDeny(
        namespace, Set.of(Direction.INGRESS, Direction.EGRESS), order, true, line(line));
  }

  /** A default-deny for both directions that names no order. */
  public static DefaultDeny deny(String namespace, int line) {
    return new DefaultDeny(
        namespace,
        Set.of(Direction.INGRESS, Direction.EGRESS),
        DefaultDeny.DEFAULT_ORDER,
        false,
        line(line));
  }
}
