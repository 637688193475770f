/**
 * The flow evaluator: reads rendered policy objects as YAML (never the IR) and Kubernetes
 * manifests, and answers "is this connection allowed?" under each engine's own semantics.
 *
 * <ul>
 *   <li>{@link dev.jnp.flows.World}, {@link dev.jnp.flows.Endpoint}, {@link
 *       dev.jnp.flows.Connection}: the cluster and the question;
 *   <li>{@link dev.jnp.flows.ManifestReader}: manifests and policy objects from files or text;
 *   <li>{@link dev.jnp.flows.PolicyEvaluators}: one {@link dev.jnp.flows.PolicyEvaluator} per
 *       engine, whose {@link dev.jnp.flows.Verdict} names the rule that decides each side;
 *   <li>{@link dev.jnp.flows.ConnectionList}: {@code jnp analyze}, in netpol-analyzer's format.
 * </ul>
 */
package dev.jnp.flows;
