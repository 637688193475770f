package dev.jnp.flows.cilium;

import dev.jnp.flows.Endpoint;
import dev.jnp.flows.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Cilium knows an endpoint as: its labels and the entities it belongs to
 * (engine-semantics.md §2 "apiserver / node / world peers").
 *
 * <ul>
 *   <li>a pod: its labels with source {@code k8s}, plus {@code io.kubernetes.pod.namespace},
 *       {@code io.cilium.k8s.namespace.labels.*}, {@code io.cilium.k8s.policy.serviceaccount};
 *       entities {@code cluster}, {@code all};
 *   <li>an outside address or DNS name: {@code reserved:world}; {@code world}, {@code
 *       world-ipv4} or {@code world-ipv6}, {@code all};
 *   <li>the pod's own node: {@code reserved:host}; {@code host}, {@code cluster}, {@code all};
 *       another node: {@code reserved:remote-node}; {@code remote-node}, {@code cluster}, {@code
 *       all};
 *   <li>the API server, run on the control-plane nodes: {@code reserved:kube-apiserver} and
 *       {@code reserved:remote-node}; {@code kube-apiserver}, {@code remote-node}, {@code
 *       cluster}, {@code all}.
 * </ul>
 */
record CiliumIdentity(List<CiliumLabel> labels, Set<String> entities) {

  static CiliumIdentity of(World world, Endpoint endpoint) {
    return endpoint.accept(
        new Endpoint.Cases<CiliumIdentity>() {
          @Override
          public CiliumIdentity workload(Endpoint.Workload pod) {
            List<CiliumLabel> labels = new ArrayList<>();
            pod.labels().forEach((k, v) -> labels.add(new CiliumLabel(CiliumLabel.K8S, k, v)));
            labels.add(new CiliumLabel(CiliumLabel.K8S, CiliumLabel.NAMESPACE, pod.namespace()));
            for (Map.Entry<String, String> e :
                world.namespace(pod.namespace()).labels().entrySet()) {
              labels.add(new CiliumLabel(
                  CiliumLabel.K8S, CiliumLabel.NAMESPACE_LABELS + e.getKey(), e.getValue()));
            }
            labels.add(new CiliumLabel(
                CiliumLabel.K8S, CiliumLabel.SERVICE_ACCOUNT, pod.serviceAccount()));
            labels.add(new CiliumLabel(CiliumLabel.K8S, CiliumLabel.CLUSTER, "default"));
            return new CiliumIdentity(labels, Set.of("cluster", "all"));
          }

          @Override
          public CiliumIdentity external(Endpoint.External external) {
            return world(external.address().isIpv6());
          }

          @Override
          public CiliumIdentity node(Endpoint.Node node) {
            String entity = node.local() ? "host" : "remote-node";
            return new CiliumIdentity(
                List.of(new CiliumLabel(CiliumLabel.RESERVED, entity, "")),
                Set.of(entity, "cluster", "all"));
          }

          @Override
          public CiliumIdentity apiServer(Endpoint.ApiServer apiServer) {
            return new CiliumIdentity(
                List.of(
                    new CiliumLabel(CiliumLabel.RESERVED, "kube-apiserver", ""),
                    new CiliumLabel(CiliumLabel.RESERVED, "remote-node", "")),
                Set.of("kube-apiserver", "remote-node", "cluster", "all"));
          }

          @Override
          public CiliumIdentity fqdn(Endpoint.Fqdn fqdn) {
            return world(fqdn.address().isIpv6());
          }
        });
  }

  private static CiliumIdentity world(boolean ipv6) {
    return new CiliumIdentity(
        List.of(new CiliumLabel(CiliumLabel.RESERVED, "world", "")),
        Set.of("world", ipv6 ? "world-ipv6" : "world-ipv4", "all"));
  }
}
