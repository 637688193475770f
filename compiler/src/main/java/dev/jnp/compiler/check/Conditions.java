package dev.jnp.compiler.check;

import dev.jnp.compiler.ast.Condition;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Diagnostics;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
    return condition.map(c -> evaluate(c, parameters)).orElse(true);
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
    List<String> ordered = List.copyOf(names);
    for (long bits = 0; bits < (1L << ordered.size()); bits++) {
      Map<String, Boolean> assignment = new HashMap<>();
      for (int i = 0; i < ordered.size(); i++) {
        assignment.put(ordered.get(i), (bits & (1L << i)) != 0);
      }
      if (evaluate(condition, assignment::get)) {
        return;
      }
    }
    diagnostics.add(
        Diagnostic.info(Codes.NEVER_TRUE, condition.span(), "this condition is never true, whatever its parameters are")
            .withHint("what it guards is never rendered; simplify the condition or remove the statement"));
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
