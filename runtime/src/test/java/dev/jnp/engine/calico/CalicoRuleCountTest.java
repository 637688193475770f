package dev.jnp.engine.calico;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.engine.Ir;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.Direction;
import org.junit.jupiter.api.Test;

/** The check counts rules by spelling them only when {@link CalicoConverter#mostRules} may exceed the limit. */
class CalicoRuleCountTest {
  @Test
  void mostRulesIsNeverBelowTheRulesSpelled() {
    int shapes = 0;
    for (Allowlist allowlist : Ir.everyShape()) {
      for (Direction direction : Direction.values()) {
        int spelled = CalicoConverter.ruleCount(allowlist, direction);
        assertWithMessage("%s %s", direction, allowlist)
            .that(CalicoConverter.mostRules(allowlist, direction))
            .isAtLeast((long) spelled);
        shapes++;
      }
    }
    assertWithMessage("shapes").that(shapes).isAtLeast(300);
  }
}
