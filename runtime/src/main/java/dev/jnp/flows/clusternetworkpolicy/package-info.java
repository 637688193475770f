/**
 * The {@code clusterNetworkPolicy} engine: {@code policy.networking.k8s.io/v1alpha2}
 * ClusterNetworkPolicy (engine-semantics.md §4) around the v1 NetworkPolicies of the cluster.
 */
package dev.jnp.flows.clusternetworkpolicy;
