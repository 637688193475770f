package dev.jnp.compiler.check;

import dev.jnp.compiler.ast.Condition;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Diagnostics;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Evaluating {@code when} conditions, and checking them. */
public final class Conditions {
  /** Conditions over more parameters than this are not searched for satisfiability. */
  private static final int MAX_SEARCHED = 16;

  private Conditions() {}

  /** The value of {@code condition} under {@code parameters}; an unknown name counts as false. */
  public static boolean evaluate(Condition condition, Parameters parameters) {
    return evaluate(condition, name -> parameters.get(name).map(p -> Boolean.TRUE.equals(p.value())).orElse(false));
  }

  /** The value of an optional condition: true when there is none. */
  public static boolean holds(Optional<Condition> condition, Parameters parameters) {
    // No lambda: the lowering asks it of every rule and port.
    return condition.isEmpty() || evaluate(condition.get(), parameters);
  }

  private interface Assignment {
    boolean valueOf(String name);
  }

  private static boolean evaluate(Condition condition, Assignment values) {
    if (condition instanceof Condition.Not not) {
      return !evaluate(not.operand(), values);
    } else if (condition instanceof Condition.And and) {
      return evaluate(and.left(), values) && evaluate(and.right(), values);
    } else if (condition instanceof Condition.Or or) {
      return evaluate(or.left(), values) || evaluate(or.right(), values);
    } else if (condition instanceof Condition.Param param) {
      return values.valueOf(param.name().text());
    }
    throw new IllegalStateException("unknown condition " + condition);
  }

  /**
   * Reports names in {@code condition} that are not declared boolean parameters, and a condition
   * that no setting of its parameters makes true.
   */
  public static void check(Condition condition, Parameters parameters, Diagnostics diagnostics) {
    Set<String> names = new LinkedHashSet<>();
    boolean ok = checkNames(condition, parameters, diagnostics, names);
    if (!ok || names.size() > MAX_SEARCHED) {
      return;
    }
    Map<String, Integer> variables = new HashMap<>();
    names.forEach(name -> variables.put(name, variables.size()));
    if (satisfiable(truthTable(condition, variables))) {
      return;
    }
    diagnostics.add(
        Diagnostic.info(Codes.NEVER_TRUE, condition.span(), "this condition is never true, whatever its parameters are")
            .withHint("what it guards is never rendered; simplify the condition or remove the statement"));
  }

  /**
   * The condition's value under every setting of its {@code variables}, a bit each: setting
   * {@code a} (bit {@code i} of {@code a} the value of variable {@code i}) is bit {@code a % 64}
   * of word {@code a / 64}. All settings at once, a word of 64 at a time: 2,000 conditions over 16
   * parameters took minutes one setting at a time.
   */
  private static long[] truthTable(Condition condition, Map<String, Integer> variables) {
    int words = Math.max(1, (1 << variables.size()) / 64);
    long[] table = new long[words];
    if (condition instanceof Condition.Param param) {
      int variable = variables.get(param.name().text());
      for (int word = 0; word < words; word++) {
        table[word] = variable < 6 ? WITHIN_WORD[variable] : ((word >> (variable - 6)) & 1) == 0 ? 0 : -1L;
      }
    } else if (condition instanceof Condition.Not not) {
      long[] operand = truthTable(not.operand(), variables);
      for (int word = 0; word < words; word++) {
        table[word] = ~operand[word];
      }
    } else if (condition instanceof Condition.And and) {
      long[] left = truthTable(and.left(), variables);
      long[] right = truthTable(and.right(), variables);
      for (int word = 0; word < words; word++) {
        table[word] = left[word] & right[word];
      }
    } else if (condition instanceof Condition.Or or) {
      long[] left = truthTable(or.left(), variables);
      long[] right = truthTable(or.right(), variables);
      for (int word = 0; word < words; word++) {
        table[word] = left[word] | right[word];
      }
    }
    return table;
  }

  /** Variable {@code i < 6} in a word of 64 settings: bit {@code a} set when bit {@code i} of {@code a} is. */
  private static final long[] WITHIN_WORD = {
    0xAAAAAAAAAAAAAAAAL, 0xCCCCCCCCCCCCCCCCL, 0xF0F0F0F0F0F0F0F0L, 0xFF00FF00FF00FF00L, 0xFFFF0000FFFF0000L,
    0xFFFFFFFF00000000L,
  };

  /**
   * Whether some setting makes the {@code table} true. Under 6 variables a word holds the settings
   * over and over (the variables above them do not count), so any bit set is one of them.
   */
  private static boolean satisfiable(long[] table) {
    for (long word : table) {
      if (word != 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean checkNames(Condition condition, Parameters parameters, Diagnostics diagnostics, Set<String> names) {
    if (condition instanceof Condition.Not not) {
      return checkNames(not.operand(), parameters, diagnostics, names);
    } else if (condition instanceof Condition.And and) {
      return checkNames(and.left(), parameters, diagnostics, names) & checkNames(and.right(), parameters, diagnostics, names);
    } else if (condition instanceof Condition.Or or) {
      return checkNames(or.left(), parameters, diagnostics, names) & checkNames(or.right(), parameters, diagnostics, names);
    }
    Condition.Param param = (Condition.Param) condition;
    String name = param.name().text();
    Optional<Parameters.Param> declared = parameters.get(name);
    if (declared.isEmpty()) {
      diagnostics.add(
          Diagnostic.error(Codes.UNKNOWN_PARAM, param.span(), "unknown parameter '" + name + "'")
              .withHint(Suggestions.closest(name, parameters.names())
                  .map(s -> "did you mean '" + s + "'?")
                  .orElse("declare it: param " + name + " = false")));
      return false;
    }
    if (declared.get().type() != Parameters.Type.BOOLEAN) {
      diagnostics.add(
          Diagnostic.error(Codes.PARAM_TYPE, param.span(), "parameter '" + name + "' is " + declared.get().type().article() + ", and a condition needs a boolean")
              .withHint("declare a boolean parameter (param " + name + "_enabled = false) for the condition"));
      return false;
    }
    names.add(name);
    return true;
  }
}
