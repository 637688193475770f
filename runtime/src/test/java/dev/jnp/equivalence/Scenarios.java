package dev.jnp.equivalence;

import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpAddress;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.World;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.DefaultDeny;
import dev.jnp.ir.Direction;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Protocol;
import dev.jnp.ir.Rule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of small random policy sets and of the worlds they are judged in.
 *
 * <p>Policy sets: 1–3 namespaces, 1–3 allowlists, 0–4 rules per direction with 0–3 ports and
 * 1–3 peers of every kind, egress governed half the time (often with a DNS rule), and per
 * namespace an optional default deny whose order fits every engine (2–1000, or none written).
 * Every allowlist, rule and peer sits on its own line, so a backend's note names exactly one peer.
 *
 * <p>Worlds: the namespaces {@link #NAMESPACES} with random labels, a pod selected by each
 * allowlist, kube-dns, a pod for each {@code pods} peer, and a few random pods; outside the pods, addresses at the edges of every
 * CIDR peer and of its excepts, a stranger address per family, the pods' own node and another
 * node, the API server, and DNS names.
 *
 * <p>Where the engines cannot mean the same thing, the world leaves the case out, on purpose:
 *
 * <ul>
 *   <li>Pods, nodes and the API server have addresses outside every CIDR a {@code cidr} peer can
 *       name (the pools below). Whether an address block matches them differs by engine
 *       (engine-semantics.md §1–§3 "CIDR peers", docs/flows.md "Pod addresses and address
 *       blocks"): Kubernetes {@code ipBlock} matches nodes and the API server but not pods,
 *       Cilium CIDRs match neither, Calico {@code nets} and ClusterNetworkPolicy {@code networks}
 *       match pods too. The language only says "an IP block".
 *   <li>Nothing but the API server has an address inside the {@code apiserver} CIDRs, and every
 *       {@code apiserver} peer's CIDRs hold the API server's address: the CIDRs are "its endpoint
 *       addresses" (LANGUAGE.md), which Kubernetes selects by address and Cilium by identity.
 *   <li>DNS names have at most one label in front of a pattern's suffix: the language does not
 *       say how many labels {@code *.} covers (Cilium: one; ClusterNetworkPolicy {@code
 *       domainNames}: one or more).
 *   <li>Connections to the API server are at its real port (policy applies after DNAT,
 *       ENGINES.md); the property, not this class, enforces that.
 * </ul>
 */
final class Scenarios {
  /** The namespaces allowlists live in, then kube-system (DNS) and a stranger. */
  static final List<String> NAMESPACES = List.of("shop", "pay", "ops", "kube-system", "elsewhere");

  private static final List<String> ALLOWLIST_NAMESPACES = NAMESPACES.subList(0, 3);

  /** A CIDR a {@code cidr} peer may name and the blocks it may except (strict subsets). */
  private record CidrChoice(String cidr, List<String> excepts) {}

  /** Outside addresses only: none holds a pod (10.244/16), a node (10.0.0/24), the API server. */
  private static final List<CidrChoice> CIDRS =
      List.of(
          new CidrChoice("203.0.113.0/24", List.of("203.0.113.0/25", "203.0.113.200/32")),
          new CidrChoice("198.51.100.0/24", List.of("198.51.100.128/25", "198.51.100.50/32")),
          new CidrChoice("198.0.0.0/7", List.of("198.51.100.0/24", "199.0.0.0/8")),
          new CidrChoice("192.0.2.0/24", List.of("192.0.2.0/26")),
          new CidrChoice("192.0.2.50/32", List.of()),
          new CidrChoice("2001:db8::/32", List.of("2001:db8:1::/48")),
          new CidrChoice("2001:db8:1::/48", List.of()));

  /** The API server's address and the CIDRs an {@code apiserver} peer may name; all hold it. */
  static final IpAddress API_SERVER_ADDRESS = IpAddress.parse("172.20.0.10");

  private static final List<String> API_SERVER_CIDRS =
      List.of("172.20.0.10/32", "172.20.0.8/29", "172.20.0.0/24");

  /** DNS names a world resolves, each one label in front of {@code example.com} at most. */
  private static final Map<String, String> NAMES =
      Map.of(
          "api.example.com", "198.51.100.50",
          "www.example.com", "192.0.2.50",
          "example.org", "203.0.113.200");

  private static final List<String> FQDN_PEERS =
      List.of("api.example.com", "*.example.com", "example.org");

  private static final List<Map<String, String>> NAMESPACE_LABELS =
      List.of(
          Map.of("team", "a"),
          Map.of("team", "b"),
          Map.of("env", "prod"),
          Map.of("team", "a", "env", "prod"),
          Map.of("kubernetes.io/metadata.name", "pay"));

  private static final Map<String, String> KUBE_DNS = Map.of("k8s-app", "kube-dns");

  /** Placeholder span; {@link #numbered} gives every element its own line. */
  private static final SourceSpan NOWHERE = SourceSpan.none("generated");

  private Scenarios() {}

  /** A policy set and a world for it. */
  static Arbitrary<Scenario> scenarios() {
    return policySets().flatMap(Scenarios::worlds);
  }

  // ---------------------------------------------------------------- policy sets

  static Arbitrary<PolicySet> policySets() {
    Arbitrary<List<String>> namespaces =
        Arbitraries.subsetOf(ALLOWLIST_NAMESPACES)
            .ofMinSize(1)
            .map(set -> ALLOWLIST_NAMESPACES.stream().filter(set::contains).toList());
    return namespaces.flatMap(
        nss ->
            Combinators.combine(
                    allowlist(nss).list().ofMinSize(1).ofMaxSize(3),
                    denySpec().injectNull(0.6).list().ofSize(nss.size()))
                .as((allowlists, denies) -> numbered(nss, allowlists, denies)));
  }

  /** How a namespace's default deny is written; its namespace comes from its position. */
  private record DenySpec(Set<Direction> directions, int order, boolean orderGiven) {}

  private static Arbitrary<DenySpec> denySpec() {
    Arbitrary<Set<Direction>> directions =
        Arbitraries.of(
            Set.of(Direction.INGRESS),
            Set.of(Direction.EGRESS),
            Set.of(Direction.INGRESS, Direction.EGRESS));
    // 2–1000 fits every engine: ClusterNetworkPolicy priority is 0–1000 and 0 precedes all; an
    // order of 1 would leave the allowlists at 0. No order written: Calico 2000, CNP 1000.
    Arbitrary<int[]> order =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(2, 1000).map(o -> new int[] {o, 1})),
            Tuple.of(1, Arbitraries.just(new int[] {DefaultDeny.DEFAULT_ORDER, 0})));
    return Combinators.combine(directions, order).as((d, o) -> new DenySpec(d, o[0], o[1] == 1));
  }

  private static Arbitrary<Allowlist> allowlist(List<String> namespaces) {
    Arbitrary<Optional<List<Rule>>> egress =
        Combinators.combine(rule(Direction.EGRESS).list().ofMaxSize(4), dnsRule().injectNull(0.4))
            .as(
                (rules, dns) -> {
                  List<Rule> all = new ArrayList<>();
                  if (dns != null) {
                    all.add(dns);
                  }
                  all.addAll(rules);
                  return all;
                })
            .injectNull(0.5)
            .map(Optional::ofNullable);
    return Combinators.combine(
            Arbitraries.of(namespaces),
            selectedLabels(),
            rule(Direction.INGRESS).list().ofMaxSize(4),
            egress)
        .as(
            (namespace, labels, ingress, egressRules) ->
                new Allowlist(
                    "w", namespace, labels, ingress, egressRules, List.of(), NOWHERE));
  }

  /** Labels a workload selects by: never empty, from a small alphabet so that pods overlap. */
  private static Arbitrary<Map<String, String>> selectedLabels() {
    return Combinators.combine(
            Arbitraries.of("web", "db", "api"), Arbitraries.of("front", "back").injectNull(0.5))
        .as((app, tier) -> labels("app", app, "tier", tier));
  }

  private static Arbitrary<Rule> rule(Direction direction) {
    return Combinators.combine(
            portRange().list().ofMaxSize(3).uniqueElements(),
            peer(direction).list().ofMinSize(1).ofMaxSize(3))
        .as((ports, peers) -> new Rule(ports, peers, false, NOWHERE));
  }

  /** {@code allow dns [to ns N]}, lowered as the front end does: kube-dns pods, 53/udp+tcp. */
  private static Arbitrary<Rule> dnsRule() {
    return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just("kube-system")), Tuple.of(1, Arbitraries.of(NAMESPACES)))
        .map(
            ns ->
                new Rule(
                    List.of(
                        PortRange.single(53, Protocol.UDP), PortRange.single(53, Protocol.TCP)),
                    List.of(new Peer.Pods(KUBE_DNS, new NamespaceSelector.Named(ns), NOWHERE)),
                    true,
                    NOWHERE));
  }

  private static Arbitrary<PortRange> portRange() {
    Arbitrary<Protocol> protocol =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(Protocol.TCP)),
            Tuple.of(1, Arbitraries.just(Protocol.UDP)),
            Tuple.of(1, Arbitraries.just(Protocol.SCTP)));
    Arbitrary<int[]> ports =
        Arbitraries.frequencyOf(
            Tuple.of(
                3, Arbitraries.of(53, 80, 443, 6443, 8080, 9090).map(p -> new int[] {p, p})),
            Tuple.of(
                1,
                Arbitraries.of(
                    new int[] {440, 450},
                    new int[] {6000, 7000},
                    new int[] {8000, 8080},
                    new int[] {30000, 32767})));
    return Combinators.combine(ports, protocol).as((p, proto) -> new PortRange(p[0], p[1], proto));
  }

  private static Arbitrary<Peer> peer(Direction direction) {
    Arbitrary<Peer> any = Arbitraries.just(new Peer.Any(NOWHERE));
    Arbitrary<Peer> namespaces = namespaceSelector().map(s -> new Peer.Namespaces(s, NOWHERE));
    Arbitrary<Peer> pods =
        Combinators.combine(podLabels().filter(l -> !l.isEmpty()), namespaceSelector())
            .as((labels, in) -> new Peer.Pods(labels, in, NOWHERE));
    Arbitrary<Peer> nodes = Arbitraries.just(new Peer.Nodes(NOWHERE));
    Arbitrary<Peer> apiServer =
        Arbitraries.subsetOf(API_SERVER_CIDRS)
            .map(
                cidrs ->
                    new Peer.ApiServer(
                        API_SERVER_CIDRS.stream().filter(cidrs::contains).toList(), NOWHERE));
    // An fqdn peer is a destination only (docs/decisions.md): no source is a DNS name.
    Arbitrary<Peer> fqdn = Arbitraries.of(FQDN_PEERS).map(n -> new Peer.Fqdn(n, NOWHERE));
    int fqdnWeight = direction == Direction.EGRESS ? 1 : 0;
    return Arbitraries.frequencyOf(
        Tuple.of(1, any),
        Tuple.of(3, namespaces),
        Tuple.of(4, pods),
        Tuple.of(3, cidrPeer()),
        Tuple.of(1, nodes),
        Tuple.of(1, apiServer),
        Tuple.of(fqdnWeight, fqdn));
  }

  private static Arbitrary<NamespaceSelector> namespaceSelector() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(new NamespaceSelector.Own())),
        Tuple.of(3, Arbitraries.of(NAMESPACES).map(NamespaceSelector.Named::new)),
        Tuple.of(2, Arbitraries.of(NAMESPACE_LABELS).map(NamespaceSelector.Labelled::new)),
        Tuple.of(1, Arbitraries.just(new NamespaceSelector.All())));
  }

  private static Arbitrary<Peer> cidrPeer() {
    return Arbitraries.of(CIDRS)
        .flatMap(
            choice ->
                Arbitraries.subsetOf(choice.excepts())
                    .map(
                        except ->
                            new Peer.Cidr(
                                choice.cidr(),
                                choice.excepts().stream().filter(except::contains).toList(),
                                NOWHERE)));
  }

  /** Labels of a pod or of a {@code pods} peer: possibly empty, possibly kube-dns's. */
  private static Arbitrary<Map<String, String>> podLabels() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            8,
            Combinators.combine(
                    Arbitraries.of("web", "db", "api").injectNull(0.2),
                    Arbitraries.of("front", "back").injectNull(0.5))
                .as((app, tier) -> labels("app", app, "tier", tier))),
        Tuple.of(1, Arbitraries.just(KUBE_DNS)));
  }

  private static Map<String, String> labels(String k1, String v1, String k2, String v2) {
    Map<String, String> labels = new TreeMap<>();
    if (v1 != null) {
      labels.put(k1, v1);
    }
    if (v2 != null) {
      labels.put(k2, v2);
    }
    return labels;
  }

  /** The policy set with names {@code w0, w1, …} and every element on a line of its own. */
  private static PolicySet numbered(
      List<String> namespaces, List<Allowlist> allowlists, List<DenySpec> denies) {
    int[] line = {1};
    List<Allowlist> named = new ArrayList<>();
    for (int i = 0; i < allowlists.size(); i++) {
      Allowlist a = allowlists.get(i);
      SourceSpan span = span(line[0]++);
      List<Rule> ingress = a.ingress().stream().map(r -> numbered(r, line)).toList();
      Optional<List<Rule>> egress =
          a.egress().map(rules -> rules.stream().map(r -> numbered(r, line)).toList());
      named.add(
          new Allowlist("w" + i, a.namespace(), a.podLabels(), ingress, egress, List.of(), span));
    }
    List<DefaultDeny> defaultDenies = new ArrayList<>();
    for (int i = 0; i < namespaces.size(); i++) {
      DenySpec d = denies.get(i);
      if (d != null) {
        defaultDenies.add(
            new DefaultDeny(
                namespaces.get(i), d.directions(), d.order(), d.orderGiven(), span(line[0]++)));
      }
    }
    return new PolicySet(named, defaultDenies);
  }

  private static Rule numbered(Rule rule, int[] line) {
    SourceSpan span = span(line[0]++);
    List<Peer> peers = rule.peers().stream().map(p -> at(p, span(line[0]++))).toList();
    return new Rule(rule.ports(), peers, rule.dns(), span);
  }

  private static SourceSpan span(int line) {
    return new SourceSpan("generated.jnp", line, 1, line, 2);
  }

  /** {@code peer} written at {@code span}. */
  private static Peer at(Peer peer, SourceSpan span) {
    return peer.accept(
        new Peer.Cases<Peer>() {
          @Override
          public Peer any(Peer.Any any) {
            return new Peer.Any(span);
          }

          @Override
          public Peer namespaces(Peer.Namespaces p) {
            return new Peer.Namespaces(p.namespaces(), span);
          }

          @Override
          public Peer pods(Peer.Pods p) {
            return new Peer.Pods(p.labels(), p.namespaces(), span);
          }

          @Override
          public Peer cidr(Peer.Cidr p) {
            return new Peer.Cidr(p.cidr(), p.except(), span);
          }

          @Override
          public Peer fqdn(Peer.Fqdn p) {
            return new Peer.Fqdn(p.name(), span);
          }

          @Override
          public Peer nodes(Peer.Nodes p) {
            return new Peer.Nodes(span);
          }

          @Override
          public Peer apiServer(Peer.ApiServer p) {
            return new Peer.ApiServer(p.cidrs(), span);
          }
        });
  }

  // ---------------------------------------------------------------- worlds

  /** A world for {@code policies}: random namespace labels, random pods, fixed outside. */
  static Arbitrary<Scenario> worlds(PolicySet policies) {
    Arbitrary<Map<String, String>> namespaceLabels =
        Combinators.combine(
                Arbitraries.of("a", "b").injectNull(0.3), Arbitraries.just("prod").injectNull(0.5))
            .as((team, env) -> labels("team", team, "env", env));
    Arbitrary<Map.Entry<String, Map<String, String>>> pod =
        Combinators.combine(Arbitraries.of(NAMESPACES), podLabels()).as(Map::entry);
    return Combinators.combine(
            namespaceLabels.list().ofSize(NAMESPACES.size()),
            pod.list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.of(443, 6443))
        .as((nsLabels, pods, apiServerPort) -> world(policies, nsLabels, pods, apiServerPort));
  }

  private static Scenario world(
      PolicySet policies,
      List<Map<String, String>> namespaceLabels,
      List<Map.Entry<String, Map<String, String>>> pods,
      int apiServerPort) {
    World.Builder world = World.builder();
    for (int i = 0; i < NAMESPACES.size(); i++) {
      world.namespace(NAMESPACES.get(i), namespaceLabels.get(i));
    }
    int[] host = {1};
    for (Allowlist a : policies.allowlists()) {
      world.workload(pod(a.namespace(), "sel-" + a.name(), a.podLabels(), host[0]++));
    }
    world.workload(pod("kube-system", "kube-dns", KUBE_DNS, host[0]++));
    int probe = 0;
    for (Map.Entry<String, Map<String, String>> wanted : probePods(policies)) {
      world.workload(pod(wanted.getKey(), "peer-" + probe++, wanted.getValue(), host[0]++));
    }
    for (int i = 0; i < pods.size(); i++) {
      world.workload(pod(pods.get(i).getKey(), "pod-" + i, pods.get(i).getValue(), host[0]++));
    }
    List<Endpoint> outside = new ArrayList<>();
    for (IpAddress address : probeAddresses(policies)) {
      outside.add(new Endpoint.External(address));
    }
    outside.add(new Endpoint.Node("node-a", Map.of(), IpAddress.parse("10.0.0.1"), true));
    outside.add(new Endpoint.Node("node-b", Map.of(), IpAddress.parse("10.0.0.2"), false));
    outside.add(new Endpoint.ApiServer(API_SERVER_ADDRESS, apiServerPort));
    new TreeMap<>(NAMES)
        .forEach((name, address) -> outside.add(new Endpoint.Fqdn(name, IpAddress.parse(address))));
    return new Scenario(policies, world.build(), outside);
  }

  private static Endpoint.Workload pod(
      String namespace, String name, Map<String, String> labels, int host) {
    return new Endpoint.Workload(
        namespace,
        name,
        "Deployment",
        labels,
        List.of(),
        List.of(IpAddress.parse("10.244.0." + host)),
        "default");
  }

  /**
   * A pod for each {@code pods} peer, with exactly its labels, in the namespace it names (the
   * allowlist's own for {@code Own}; for a namespace chosen by labels or for every namespace, the
   * stranger namespace, which may or may not match): random pods alone rarely match a peer.
   */
  private static Set<Map.Entry<String, Map<String, String>>> probePods(PolicySet policies) {
    Set<Map.Entry<String, Map<String, String>>> out = new LinkedHashSet<>();
    for (Allowlist a : policies.allowlists()) {
      for (Direction d : Direction.values()) {
        for (Rule r : a.rules(d)) {
          for (Peer p : r.peers()) {
            if (p instanceof Peer.Pods pods) {
              String namespace =
                  pods.namespaces() instanceof NamespaceSelector.Own
                      ? a.namespace()
                      : pods.namespaces() instanceof NamespaceSelector.Named named
                          ? named.name()
                          : "elsewhere";
              out.add(Map.entry(namespace, pods.labels()));
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Outside addresses where a verdict may change: the first and last address of every CIDR peer
   * and of each of its excepts, the addresses just outside the CIDR, and a stranger per family.
   */
  private static Set<IpAddress> probeAddresses(PolicySet policies) {
    Set<IpAddress> out = new TreeSet<>();
    out.add(IpAddress.parse("100.64.0.1"));
    out.add(IpAddress.parse("2001:db9::1"));
    Set<String> cidrs = new TreeSet<>();
    for (Allowlist a : policies.allowlists()) {
      for (Direction d : Direction.values()) {
        for (Rule r : a.rules(d)) {
          for (Peer p : r.peers()) {
            if (p instanceof Peer.Cidr c) {
              cidrs.add(c.cidr());
              cidrs.addAll(c.except());
            }
          }
        }
      }
    }
    for (String cidr : cidrs) {
      IpRange range = IpRange.parseCidr(cidr);
      out.add(range.first());
      out.add(range.last());
      if (!range.first().isMin()) {
        out.add(range.first().previous());
      }
      if (!range.last().isMax()) {
        out.add(range.last().next());
      }
    }
    return out;
  }
}
