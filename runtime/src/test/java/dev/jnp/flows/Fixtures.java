package dev.jnp.flows;

import dev.jnp.flows.Endpoint.Workload;
import java.util.List;
import java.util.Map;

/** Small builders for evaluator tests. */
final class Fixtures {
  private Fixtures() {}

  static Workload pod(String namespace, String name, Map<String, String> labels,
      ContainerPort... ports) {
    return Workload.of(namespace, name, "Pod", labels, List.of(ports));
  }

  static Workload podAt(String namespace, String name, Map<String, String> labels, String ip,
      ContainerPort... ports) {
    return new Workload(namespace, name, "Pod", labels, List.of(ports),
        List.of(IpAddress.parse(ip)), "default");
  }

  static ContainerPort tcp(String name, int port) {
    return new ContainerPort(name, port, Protocol.TCP);
  }

  static Endpoint.External outside(String ip) {
    return new Endpoint.External(IpAddress.parse(ip));
  }

  static Connection tcp(Endpoint from, Endpoint to, int port) {
    return new Connection(from, to, Protocol.TCP, port);
  }

  static Connection udp(Endpoint from, Endpoint to, int port) {
    return new Connection(from, to, Protocol.UDP, port);
  }

  /** Namespaces {@code shop} and {@code ops}, labelled {@code team: SHOP_TEAM} and {@code team: ops}. */
  static World teams(String shopTeam, Workload... workloads) {
    World.Builder world =
        World.builder().namespace("shop", Map.of("team", shopTeam)).namespace("ops", Map.of("team", "ops"));
    for (Workload workload : workloads) {
      world.workload(workload);
    }
    return world.build();
  }

  static PolicyEvaluator evaluator(String engine, String yaml) {
    return PolicyEvaluators.forEngine(engine, ManifestReader.policies(yaml));
  }
}
