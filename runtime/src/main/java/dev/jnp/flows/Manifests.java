package dev.jnp.flows;

import java.util.List;

/**
 * What a set of manifest files holds: the cluster (namespaces and workloads), the policy objects
 * in input order, and what could not be read.
 */
public record Manifests(World world, List<PolicyDocument> policies, List<String> warnings) {
  public Manifests {
    policies = List.copyOf(policies);
    warnings = List.copyOf(warnings);
  }
}
