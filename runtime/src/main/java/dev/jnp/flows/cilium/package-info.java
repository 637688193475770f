/**
 * The {@code cilium} engine: CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy ({@code
 * cilium.io/v2}, engine-semantics.md §2), together with the v1 NetworkPolicies Cilium also
 * enforces.
 */
package dev.jnp.flows.cilium;
