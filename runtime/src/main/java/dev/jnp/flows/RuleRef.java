package dev.jnp.flows;

/**
 * Names one rule of a policy object by its path in the YAML, e.g. {@code spec.ingress[0]} or
 * {@code specs[1].egressDeny[2]}; {@code index} is the rule's 0-based position in its list.
 */
public record RuleRef(PolicyRef policy, String path, int index) {
  /** {@code Kind ns/name spec.ingress[0]}. */
  @Override
  public String toString() {
    return policy + " " + path;
  }
}
