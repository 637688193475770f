package dev.jnp.flows.calico;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpAddress;
import dev.jnp.flows.IpRange;
import dev.jnp.flows.Protocol;
import dev.jnp.flows.Tree;
import dev.jnp.flows.World;
import dev.jnp.flows.kubernetes.IpBlockScope;
import dev.jnp.flows.selector.CalicoSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@code source} or {@code destination} of a Calico rule (engine-semantics.md §3 "Rule
 * fields", "Namespace peers", "CIDR peers", "Ports", "apiserver / node peers"). Every field that
 * is set must match:
 *
 * <ul>
 *   <li>{@code nets}: one of the endpoint's addresses is in a block (pods too, by their IPs);
 *       {@code notNets}: none is;
 *   <li>{@code selector}, {@code namespaceSelector}, {@code serviceAccounts}: the endpoint is a
 *       pod in scope, with matching labels / service account. In scope: namespaces matching
 *       {@code namespaceSelector} ({@code global()} matches no pod); without it, the policy's own
 *       namespace for a NetworkPolicy and every namespace for a GlobalNetworkPolicy;
 *   <li>{@code notSelector}: the endpoint is not a pod in scope that matches (non-pods pass);
 *   <li>{@code services: {name: kubernetes, namespace: default}}: the API server, at its port
 *       for a destination; other services are not modelled and match nothing;
 *   <li>{@code ports}/{@code notPorts} of a destination: the connection's port is (not) listed.
 *       Source ports are ephemeral and unknown: a source with {@code ports} or {@code notPorts}
 *       matches nothing.
 * </ul>
 */
final class CalicoEntityRule {
  private final String policyNamespace;
  private final boolean source;
  private final List<IpRange> nets = new ArrayList<>();
  private final List<IpRange> notNets = new ArrayList<>();
  private CalicoSelector selector;
  private CalicoSelector notSelector;
  private CalicoSelector namespaceSelector;
  private final Set<String> serviceAccounts = new TreeSet<>();
  private boolean serviceAccountSelector;
  private boolean apiServerService;
  private boolean otherService;
  private final CalicoPorts ports;
  private final CalicoPorts notPorts;
  private boolean invalid;

  private CalicoEntityRule(JsonNode node, String policyNamespace, boolean source, String where,
      List<String> problems) {
    this.policyNamespace = policyNamespace;
    this.source = source;
    readNets(node, "nets", nets, where, problems);
    readNets(node, "notNets", notNets, where, problems);
    this.selector = selector(node, "selector", where, problems);
    this.notSelector = selector(node, "notSelector", where, problems);
    this.namespaceSelector = selector(node, "namespaceSelector", where, problems);
    Tree.object(node, "serviceAccounts").ifPresent(sa -> {
      serviceAccounts.addAll(Tree.texts(sa, "names"));
      if (Tree.has(sa, "selector")) {
        serviceAccountSelector = true;
        problems.add(where + ": serviceAccounts.selector is not modelled; it matches nothing");
      }
    });
    Tree.object(node, "services").ifPresent(svc -> {
      String name = Tree.text(svc, "name", "");
      String namespace = Tree.text(svc, "namespace", policyNamespace);
      if (name.equals("kubernetes") && namespace.equals("default")) {
        apiServerService = true;
      } else {
        otherService = true;
        problems.add(where + ": services " + namespace + "/" + name
            + " is not modelled; only default/kubernetes (the API server) is");
      }
    });
    this.ports = CalicoPorts.parse(Tree.list(node, "ports"), where + ".ports", problems);
    this.notPorts = CalicoPorts.parse(Tree.list(node, "notPorts"), where + ".notPorts", problems);
  }

  static CalicoEntityRule parse(JsonNode node, String policyNamespace, boolean source,
      String where, List<String> problems) {
    return new CalicoEntityRule(node, policyNamespace, source, where, problems);
  }

  private void readNets(JsonNode node, String field, List<IpRange> out, String where,
      List<String> problems) {
    for (String cidr : Tree.texts(node, field)) {
      Optional<IpRange> range = IpRange.tryParseCidr(cidr);
      if (range.isEmpty()) {
        problems.add(where + "." + field + ": '" + cidr + "' is not a CIDR block; ignored");
        invalid = true;
      } else {
        out.add(range.get());
      }
    }
  }

  private CalicoSelector selector(JsonNode node, String field, String where,
      List<String> problems) {
    Optional<String> text = Tree.text(node, field);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return CalicoSelector.parse(text.get());
    } catch (IllegalArgumentException e) {
      problems.add(where + "." + field + ": " + e.getMessage() + "; the rule matches nothing");
      invalid = true;
      return null;
    }
  }

  /** Whether {@code endpoint} at this end matches, for a connection to {@code port}. */
  boolean matches(World world, Endpoint endpoint, Optional<Protocol> protocol, int port) {
    if (invalid) {
      return false;
    }
    if (!nets.isEmpty() || !notNets.isEmpty()) { // the endpoint's addresses only when asked for
      List<IpAddress> addresses = IpBlockScope.ANY_ADDRESS.addresses(endpoint);
      if (!nets.isEmpty() && !anyIn(addresses, nets)) {
        return false;
      }
      if (anyIn(addresses, notNets)) {
        return false;
      }
    }
    if (selector != null || namespaceSelector != null || !serviceAccounts.isEmpty()
        || serviceAccountSelector) {
      Optional<Endpoint.Workload> pod = endpoint.asWorkload();
      if (pod.isEmpty() || !inScope(world, pod.get()) || serviceAccountSelector) {
        return false;
      }
      if (selector != null && !selector.matches(CalicoLabels.of(pod.get()))) {
        return false;
      }
      if (!serviceAccounts.isEmpty() && !serviceAccounts.contains(pod.get().serviceAccount())) {
        return false;
      }
    }
    if (notSelector != null) {
      Optional<Endpoint.Workload> pod = endpoint.asWorkload();
      if (pod.isPresent() && inScope(world, pod.get())
          && notSelector.matches(CalicoLabels.of(pod.get()))) {
        return false;
      }
    }
    if (otherService) {
      return false;
    }
    if (apiServerService) {
      if (!(endpoint instanceof Endpoint.ApiServer api)) {
        return false;
      }
      if (!source && api.port() != port) {
        return false;
      }
    }
    if (source) {
      return ports.isEmpty() && notPorts.isEmpty();
    }
    if (!ports.isEmpty() && !ports.contains(port, protocol, endpoint)) {
      return false;
    }
    return notPorts.isEmpty() || !notPorts.contains(port, protocol, endpoint);
  }

  private boolean inScope(World world, Endpoint.Workload pod) {
    if (namespaceSelector != null) {
      return !namespaceSelector.isGlobal()
          && namespaceSelector.matches(CalicoLabels.ofNamespace(world, pod.namespace()));
    }
    return policyNamespace.isEmpty() || pod.namespace().equals(policyNamespace);
  }

  private static boolean anyIn(List<IpAddress> addresses, List<IpRange> blocks) {
    for (IpAddress a : addresses) {
      for (IpRange r : blocks) {
        if (r.contains(a)) {
          return true;
        }
      }
    }
    return false;
  }

  void addBoundaries(SortedSet<Integer> cuts) {
    ports.addBoundaries(cuts);
    notPorts.addBoundaries(cuts);
  }

  void addBlocks(List<IpRange> out) {
    out.addAll(nets);
    out.addAll(notNets);
  }
}
