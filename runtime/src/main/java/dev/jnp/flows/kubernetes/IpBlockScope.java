package dev.jnp.flows.kubernetes;

import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpAddress;
import java.util.List;

/**
 * Which endpoints an address-block peer ({@code ipBlock}, a Cilium CIDR, Calico {@code nets}) can
 * match, by their addresses. The engines differ (engine-semantics.md §1 "CIDR peers", §2 "CIDR
 * peers", §3 "CIDR peers"), and so does the way they enforce a v1 NetworkPolicy's {@code ipBlock}.
 */
public enum IpBlockScope {
  /**
   * Everything but pods: outside addresses, nodes, the API server, DNS names. Kubernetes leaves
   * pod IPs implementation-specific; netpol-analyzer never matches them (conformance README,
   * item 6).
   */
  NOT_PODS,
  /**
   * Only what Cilium calls {@code world}: outside addresses and DNS names, not pods, nodes or the
   * in-cluster API server (default {@code --policy-cidr-match-mode}).
   */
  WORLD,
  /** Every endpoint with a known address, pods included (Calico {@code nets}). */
  ANY_ADDRESS;

  /** The addresses of {@code endpoint} that blocks in this scope are matched against. */
  public List<IpAddress> addresses(Endpoint endpoint) {
    IpBlockScope scope = this;
    return endpoint.accept(
        new Endpoint.Cases<List<IpAddress>>() {
          @Override
          public List<IpAddress> workload(Endpoint.Workload workload) {
            return scope == ANY_ADDRESS ? workload.addresses() : List.of();
          }

          @Override
          public List<IpAddress> external(Endpoint.External external) {
            return external.addresses();
          }

          @Override
          public List<IpAddress> node(Endpoint.Node node) {
            return scope == WORLD ? List.of() : node.addresses();
          }

          @Override
          public List<IpAddress> apiServer(Endpoint.ApiServer apiServer) {
            return scope == WORLD ? List.of() : apiServer.addresses();
          }

          @Override
          public List<IpAddress> fqdn(Endpoint.Fqdn fqdn) {
            return fqdn.addresses();
          }
        });
  }
}
