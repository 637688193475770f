/**
 * The {@code calico} engine: {@code projectcalico.org/v3} NetworkPolicy, GlobalNetworkPolicy and
 * Tier (engine-semantics.md §3), together with the v1 NetworkPolicies Calico places in its
 * {@code default} tier.
 */
package dev.jnp.flows.calico;
