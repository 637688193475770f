/**
 * The {@code networking.k8s.io/v1} NetworkPolicy semantics (engine-semantics.md §1), used by the
 * {@code kubernetes} evaluator and by every other engine that also enforces v1 policies.
 */
package dev.jnp.flows.kubernetes;
