package dev.jnp.flows;

import dev.jnp.flows.calico.CalicoEvaluator;
import dev.jnp.flows.cilium.CiliumEvaluator;
import dev.jnp.flows.clusternetworkpolicy.ClusterNetworkPolicyEvaluator;
import dev.jnp.flows.kubernetes.KubernetesEvaluator;
import java.util.List;

/** Finds the evaluator of an engine by its name in the language. */
public final class PolicyEvaluators {
  /** The engines, as the language names them. */
  public static final List<String> ENGINES =
      List.of("kubernetes", "cilium", "calico", "clusterNetworkPolicy");

  private PolicyEvaluators() {}

  /**
   * The evaluator of {@code engine} for {@code policies}.
   *
   * @throws IllegalArgumentException for an unknown engine
   */
  public static PolicyEvaluator forEngine(String engine, List<PolicyDocument> policies) {
    switch (engine) {
      case "kubernetes":
        return new KubernetesEvaluator(policies);
      case "cilium":
        return new CiliumEvaluator(policies);
      case "calico":
        return new CalicoEvaluator(policies);
      case "clusterNetworkPolicy":
        return new ClusterNetworkPolicyEvaluator(policies);
      default:
        throw new IllegalArgumentException(
            "unknown engine '" + engine + "'; expected one of " + String.join(", ", ENGINES));
    }
  }
}
