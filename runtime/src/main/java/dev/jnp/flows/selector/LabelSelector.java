package dev.jnp.flows.selector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Kubernetes {@code metav1.LabelSelector}: every {@code matchLabels} pair and every {@code
 * matchExpressions} requirement must hold. {@code {}} selects everything. Operators: {@code In}
 * (label present with one of the values), {@code NotIn} (label absent or with none of them),
 * {@code Exists}, {@code DoesNotExist}; an unknown operator matches nothing.
 */
public final class LabelSelector {
  /** The selector {@code {}}: everything. */
  public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  private final List<Requirement> requirements;

  private LabelSelector(List<Requirement> requirements) {
    this.requirements = List.copyOf(requirements);
  }

  /** The selector {@code node} describes; {@code problems} collects what could not be read. */
  public static LabelSelector parse(JsonNode node, List<String> problems) {
    List<Requirement> requirements = new ArrayList<>();
    for (Map.Entry<String, String> e : Tree.stringMap(node, "matchLabels").entrySet()) {
      requirements.add(new Requirement(e.getKey(), Operator.IN, Set.of(e.getValue())));
    }
    for (JsonNode expression : Tree.list(node, "matchExpressions")) {
      String key = Tree.text(expression, "key", "");
      String op = Tree.text(expression, "operator", "");
      Operator operator = Operator.of(op);
      if (operator == null) {
        problems.add("unknown label selector operator '" + op + "' matches nothing");
      }
      requirements.add(
          new Requirement(key, operator, new TreeSet<>(Tree.texts(expression, "values"))));
    }
    return new LabelSelector(requirements);
  }

  /** Whether these labels satisfy every requirement. */
  public boolean matches(Map<String, String> labels) {
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this selector has no requirement and so selects everything. */
  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /**
   * A label that every set of labels this selector matches has: its first {@code matchLabels}
   * entry, or {@code In} with one value. None for a selector without one.
   */
  public Optional<Map.Entry<String, String>> requiredLabel() {
    for (Requirement r : requirements) {
      if (r.operator == Operator.IN && r.values.size() == 1) {
        return Optional.of(Map.entry(r.key, r.values.iterator().next()));
      }
    }
    return Optional.empty();
  }

  /** The label keys the requirements are about. */
  public Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    requirements.forEach(r -> keys.add(r.key));
    return keys;
  }

  private enum Operator {
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST;

    static Operator of(String word) {
      switch (word) {
        case "In":
          return IN;
        case "NotIn":
          return NOT_IN;
        case "Exists":
          return EXISTS;
        case "DoesNotExist":
          return DOES_NOT_EXIST;
        default:
          return null;
      }
    }
  }

  private record Requirement(String key, Operator operator, Set<String> values) {
    boolean matches(Map<String, String> labels) {
      if (operator == null) {
        return false;
      }
      String value = labels.get(key);
      switch (operator) {
        case IN:
          return value != null && values.contains(value);
        case NOT_IN:
          return value == null || !values.contains(value);
        case EXISTS:
          return value != null;
        case DOES_NOT_EXIST:
          return value == null;
        default:
          throw new AssertionError(operator);
      }
    }
  }
}
