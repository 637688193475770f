package dev.jnp.engine.cnp;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.engine.Ir;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.Direction;
import dev.jnp.ir.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The check counts rules, peers and ports by spelling them only when the counts made without
 * spelling ({@link ClusterNetworkPolicyConverter#mostRules}, {@link
 * ClusterNetworkPolicyConverter#mostPeers}, a rule's ports) may exceed the limit.
 */
class ClusterNetworkPolicyCountTest {
  @Test
  void theCountsWithoutSpellingAreNeverBelowWhatIsSpelled() {
    int rules = 0;
    for (Allowlist allowlist : Ir.everyShape()) {
      for (Direction direction : Direction.values()) {
        assertWithMessage("rules, %s %s", direction, allowlist)
            .that(ClusterNetworkPolicyConverter.mostRules(allowlist, direction))
            .isAtLeast((long) ClusterNetworkPolicyConverter.ruleCount(allowlist, direction));
        for (Rule rule : allowlist.rules(direction)) {
          assertWithMessage("peers, %s %s", direction, rule)
              .that(ClusterNetworkPolicyConverter.mostPeers(rule))
              .isAtLeast((long) ClusterNetworkPolicyConverter.peers(rule, direction, allowlist.namespace()).size());
          List<Object> protocols = ClusterNetworkPolicyConverter.protocols(rule);
          assertWithMessage("ports, %s", rule)
              .that(rule.ports().size())
              .isAtLeast(protocols == null ? 0 : protocols.size());
          rules++;
        }
      }
    }
    assertWithMessage("rules").that(rules).isAtLeast(600);
  }
}
