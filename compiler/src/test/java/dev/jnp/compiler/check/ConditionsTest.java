package dev.jnp.compiler.check;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.compiler.TestSources;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** A condition that no setting of its parameters makes true is found, whatever its size. */
class ConditionsTest {
  /**
   * Random conditions over 1 to 12 parameters (always the same), each joined by {@code and} to
   * one setting of all of them written out ({@code a0 and not a1 and …}): never true exactly when
   * the condition is false at that setting, which is worked out here. So each case tests one
   * entry of the checker's table of all settings.
   */
  @Test
  void neverTrueExactlyWhenFalseAtTheOneSetting() {
    Random random = new Random(20261127L);
    int neverTrue = 0;
    int cases = 400;
    for (int i = 0; i < cases; i++) {
      int variables = 1 + random.nextInt(12);
      int setting = random.nextInt(1 << variables);
      StringBuilder text = new StringBuilder();
      for (int variable = 0; variable < variables; variable++) {
        text.append((setting >> variable & 1) == 1 ? "" : "not ").append("a").append(variable).append(" and ");
      }
      Formula formula = formula(random, variables, 4, text);
      boolean holds = formula.holds(variable -> (setting >> variable & 1) == 1);
      neverTrue += holds ? 0 : 1;
      assertWithMessage("never true: %s", text).that(reported(variables, text.toString())).isEqualTo(!holds);
    }
    assertThat(neverTrue).isIn(com.google.common.collect.Range.closed(cases / 5, cases - cases / 5));
  }

  @Test
  void sixteenParametersAtOnce() {
    StringBuilder all = new StringBuilder("a0");
    for (int i = 1; i < 16; i++) {
      all.append(" and a").append(i);
    }
    assertThat(reported(16, all + " and not a15")).isTrue();
    assertThat(reported(16, all + " and not (a3 and not a3)")).isFalse();
    assertThat(reported(16, "(" + all + ") or not a0")).isFalse();
  }

  private static boolean reported(int variables, String condition) {
    StringBuilder source = new StringBuilder("namespace x\n");
    for (int i = 0; i < variables; i++) {
      source.append("param a").append(i).append(" = false\n");
    }
    source.append("workload w {\n  select app=w\n  allow from any when ").append(condition).append("\n}\n");
    return TestSources.compile(source.toString()).diagnostics().stream()
        .anyMatch(d -> d.code().equals(Codes.NEVER_TRUE));
  }

  private interface Formula {
    boolean holds(IntPredicate variable);
  }

  /** A random formula, written into {@code text} with parentheses around every operation. */
  private static Formula formula(Random random, int variables, int depth, StringBuilder text) {
    switch (depth == 0 ? 3 : random.nextInt(4)) {
      case 0 -> {
        text.append("not (");
        Formula operand = formula(random, variables, depth - 1, text);
        text.append(")");
        return v -> !operand.holds(v);
      }
      case 1, 2 -> {
        boolean and = random.nextBoolean();
        text.append("(");
        Formula left = formula(random, variables, depth - 1, text);
        text.append(and ? " and " : " or ");
        Formula right = formula(random, variables, depth - 1, text);
        text.append(")");
        return and ? v -> left.holds(v) && right.holds(v) : v -> left.holds(v) || right.holds(v);
      }
      default -> {
        int variable = random.nextInt(variables);
        text.append("a").append(variable);
        return v -> v.test(variable);
      }
    }
  }
}
