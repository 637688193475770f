package dev.jnp.flows;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One end of a connection: a workload (a group of equivalent pods), an address outside the
 * cluster, a node, the API server, or a DNS name outside the cluster.
 *
 * <p>Each engine classifies endpoints its own way (a Cilium identity, a Calico workload endpoint,
 * a NetworkPolicy {@code ipBlock} peer); {@link #accept} makes every such place handle every kind:
 * Java 17 has no pattern {@code switch}, and a visitor gives the same guarantee.
 */
public sealed interface Endpoint
    permits Endpoint.Workload,
        Endpoint.External,
        Endpoint.Node,
        Endpoint.ApiServer,
        Endpoint.Fqdn {

  /** Calls the method of {@code cases} for this endpoint's kind. */
  <R> R accept(Cases<R> cases);

  /** The addresses this endpoint is reached at and sends from; empty when unknown. */
  List<IpAddress> addresses();

  /** How this endpoint is written in verdicts: {@code ns/name[Kind]}, an address, a name. */
  String display();

  /** This endpoint as a workload, if it is one. */
  default Optional<Workload> asWorkload() {
    return Optional.empty();
  }

  /** One method per kind of endpoint. */
  interface Cases<R> {
    R workload(Workload workload);

    R external(External external);

    R node(Node node);

    R apiServer(ApiServer apiServer);

    R fqdn(Fqdn fqdn);
  }

  /**
   * Pods that policies cannot tell apart: a controller's pods, or one bare pod. {@code kind} is
   * the controller's kind ({@code Deployment}, {@code ReplicaSet}, …) or {@code Pod}; {@code
   * labels} and {@code ports} are the pods' (a controller's come from its pod template); {@code
   * addresses} are the pods' IPs where known; {@code serviceAccount} is the pods' service account
   * ({@code default} unless set).
   */
  record Workload(
      String namespace,
      String name,
      String kind,
      Map<String, String> labels,
      List<ContainerPort> ports,
      List<IpAddress> addresses,
      String serviceAccount)
      implements Endpoint {

    public Workload {
      labels = Collections.unmodifiableMap(new TreeMap<>(labels));
      ports = List.copyOf(ports);
      addresses = List.copyOf(addresses);
      serviceAccount = serviceAccount == null || serviceAccount.isEmpty() ? "default" : serviceAccount;
    }

    /** A workload with no known pod address and the {@code default} service account. */
    public static Workload of(
        String namespace, String name, String kind, Map<String, String> labels,
        List<ContainerPort> ports) {
      return new Workload(namespace, name, kind, labels, ports, List.of(), "default");
    }

    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.workload(this);
    }

    @Override
    public Optional<Workload> asWorkload() {
      return Optional.of(this);
    }

    /** {@code namespace/name[Kind]}, netpol-analyzer's way of writing a workload. */
    @Override
    public String display() {
      return namespace + "/" + name + "[" + kind + "]";
    }

    /** The container ports called {@code portName}, of any protocol. */
    public List<ContainerPort> portsNamed(String portName) {
      return ports.stream().filter(p -> p.name().equals(portName)).toList();
    }
  }

  /** An address outside the cluster: Cilium's {@code world}. */
  record External(IpAddress address) implements Endpoint {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.external(this);
    }

    @Override
    public List<IpAddress> addresses() {
      return List.of(address);
    }

    @Override
    public String display() {
      return address.toString();
    }
  }

  /**
   * A node's own address (the kubelet, host-network processes). {@code local} says whether it is
   * the node the pod at the other end of the connection runs on: Cilium's {@code host} rather
   * than {@code remote-node}, and the source Kubernetes always lets in (kubelet probes).
   */
  record Node(String name, Map<String, String> labels, IpAddress address, boolean local)
      implements Endpoint {

    public Node {
      labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.node(this);
    }

    @Override
    public List<IpAddress> addresses() {
      return List.of(address);
    }

    @Override
    public String display() {
      return (local ? "local node " : "node ") + name + " (" + address + ")";
    }
  }

  /**
   * The Kubernetes API server at one of its endpoint addresses and its real (post-DNAT) port, the
   * endpoint of Service {@code default/kubernetes}. It runs in the cluster on the control-plane
   * nodes' network: Cilium gives it the {@code kube-apiserver} and {@code remote-node}
   * identities.
   */
  record ApiServer(IpAddress address, int port) implements Endpoint {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.apiServer(this);
    }

    @Override
    public List<IpAddress> addresses() {
      return List.of(address);
    }

    @Override
    public String display() {
      return "apiserver (" + address + ":" + port + ")";
    }
  }

  /** A DNS name outside the cluster and the address it resolves to. */
  record Fqdn(String name, IpAddress address) implements Endpoint {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.fqdn(this);
    }

    @Override
    public List<IpAddress> addresses() {
      return List.of(address);
    }

    @Override
    public String display() {
      return name + " (" + address + ")";
    }
  }
}
