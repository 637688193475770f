package dev.jnp.flows.cilium;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Cilium endpoint selector: a Kubernetes label selector whose keys carry a label source
 * ({@code k8s:app}, {@code reserved:host}; none means {@code any:}). Every requirement must hold.
 */
final class CiliumSelector {
  private final List<Requirement> requirements;

  private CiliumSelector(List<Requirement> requirements) {
    this.requirements = List.copyOf(requirements);
  }

  static CiliumSelector parse(JsonNode node, List<String> problems) {
    List<Requirement> out = new ArrayList<>();
    for (Map.Entry<String, String> e : Tree.stringMap(node, "matchLabels").entrySet()) {
      String[] key = CiliumLabel.splitKey(e.getKey());
      out.add(new Requirement(key[0], key[1], "In", Set.of(e.getValue()), true));
    }
    for (JsonNode expression : Tree.list(node, "matchExpressions")) {
      String[] key = CiliumLabel.splitKey(Tree.text(expression, "key", ""));
      String op = Tree.text(expression, "operator", "");
      if (!Set.of("In", "NotIn", "Exists", "DoesNotExist").contains(op)) {
        problems.add("unknown selector operator '" + op + "' matches nothing");
      }
      out.add(new Requirement(key[0], key[1], op,
          new TreeSet<>(Tree.texts(expression, "values")), false));
    }
    return new CiliumSelector(out);
  }

  /** Whether some requirement is about {@code key} from {@code source} ({@code any} counts). */
  boolean hasKey(String source, String key) {
    return requirements.stream().anyMatch(r -> r.key.equals(key) && r.source.equals(source));
  }

  /** Whether some requirement's key from {@code source} starts with {@code prefix}. */
  boolean hasKeyPrefix(String source, String prefix) {
    return requirements.stream()
        .anyMatch(r -> r.source.equals(source) && r.key.startsWith(prefix));
  }

  /** Whether some requirement is about a label of {@code source}. */
  boolean hasSource(String source) {
    return requirements.stream().anyMatch(r -> r.source.equals(source));
  }

  /** This selector with {@code matchLabels[source:key] = value}, replacing that entry. */
  CiliumSelector withMatch(String source, String key, String value) {
    List<Requirement> out = new ArrayList<>();
    for (Requirement r : requirements) {
      if (!(r.matchLabel && r.source.equals(source) && r.key.equals(key))) {
        out.add(r);
      }
    }
    out.add(new Requirement(source, key, "In", Set.of(value), true));
    return new CiliumSelector(out);
  }

  /** This selector with an {@code Exists} requirement on {@code source:key}. */
  CiliumSelector withExists(String source, String key) {
    List<Requirement> out = new ArrayList<>(requirements);
    out.add(new Requirement(source, key, "Exists", Set.of(), false));
    return new CiliumSelector(out);
  }

  /**
   * A label of a pod's own that every pod this selector matches carries: an {@code In} of one
   * value on a {@code k8s} (or any-source) key that is not one Cilium adds to pods, whose values
   * may clash with a pod's own label of that key. None for a selector without one.
   */
  Optional<Map.Entry<String, String>> requiredPodLabel() {
    for (Requirement r : requirements) {
      if (r.operator.equals("In") && r.values.size() == 1
          && (r.source.equals(CiliumLabel.ANY) || r.source.equals(CiliumLabel.K8S))
          && !CiliumLabel.isAddedToPods(r.key)) {
        return Optional.of(Map.entry(r.key, r.values.iterator().next()));
      }
    }
    return Optional.empty();
  }

  boolean matches(List<CiliumLabel> labels) {
    for (Requirement r : requirements) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  private record Requirement(
      String source, String key, String operator, Set<String> values, boolean matchLabel) {
    boolean matches(List<CiliumLabel> labels) {
      boolean present = false;
      boolean valueIn = false;
      for (CiliumLabel l : labels) {
        if (l.isNamedBy(source, key)) {
          present = true;
          valueIn |= values.contains(l.value());
        }
      }
      switch (operator) {
        case "In":
          return valueIn;
        case "NotIn":
          return !valueIn;
        case "Exists":
          return present;
        case "DoesNotExist":
          return !present;
        default:
          return false;
      }
    }
  }
}
