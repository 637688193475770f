package dev.jnp.flows;

import java.util.List;
import java.util.stream.Collectors;

/** Why one side of a connection was allowed or denied. */
public sealed interface Reason
    permits Reason.NotAPod,
        Reason.NotIsolated,
        Reason.LocalNode,
        Reason.RuleMatched,
        Reason.NoRuleAllows,
        Reason.TierDefault,
        Reason.NoDecision {

  /** A sentence fragment saying why, e.g. {@code allowed by NetworkPolicy x/a spec.ingress[0]}. */
  String describe();

  /** The endpoint is not a pod, so no policy of this side applies to it. */
  record NotAPod() implements Reason {
    @Override
    public String describe() {
      return "not a pod: no policy applies";
    }
  }

  /** The pod is not isolated in this direction: no policy selects it for it. */
  record NotIsolated() implements Reason {
    @Override
    public String describe() {
      return "not isolated: no policy selects it for this direction";
    }
  }

  /** Traffic from the pod's own node, which the engine always lets in (kubelet probes). */
  record LocalNode() implements Reason {
    @Override
    public String describe() {
      return "traffic from the pod's own node is always allowed";
    }
  }

  /**
   * A rule decided: {@code action} as the engine spells it ({@code Allow}, {@code Deny}, {@code
   * Accept}, …).
   */
  record RuleMatched(RuleRef rule, String action) implements Reason {
    @Override
    public String describe() {
      return action + ": " + rule;
    }
  }

  /** The pod is isolated by {@code policies}, and none of their rules allows the connection. */
  record NoRuleAllows(List<PolicyRef> policies) implements Reason {
    public NoRuleAllows {
      policies = List.copyOf(policies);
    }

    @Override
    public String describe() {
      return "no rule allows it (isolated by "
          + policies.stream().map(PolicyRef::toString).collect(Collectors.joining(", "))
          + ")";
    }
  }

  /**
   * No rule of a tier decided, so the tier's default action applies (Calico: {@code Deny} at the
   * end of the {@code default} tier); {@code policies} are the tier's policies that applied.
   */
  record TierDefault(String tier, String action, List<PolicyRef> policies) implements Reason {
    public TierDefault {
      policies = List.copyOf(policies);
    }

    @Override
    public String describe() {
      return "no rule of tier "
          + tier
          + " matched, its default action is "
          + action
          + " (policies applied: "
          + policies.stream().map(PolicyRef::toString).collect(Collectors.joining(", "))
          + ")";
    }
  }

  /**
   * Policies were consulted but none decided, and the engine's default applies; {@code detail}
   * says which default (a Calico profile, ClusterNetworkPolicy's default allow).
   */
  record NoDecision(String detail) implements Reason {
    @Override
    public String describe() {
      return detail;
    }
  }
}
