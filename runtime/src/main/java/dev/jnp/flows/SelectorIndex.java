package dev.jnp.flows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Policies indexed by a label that every pod they select carries (a {@code matchLabels} entry of
 * their pod selector), to find the ones that may select a pod without trying each: a file of
 * 38,000 workloads, each with an {@code expect}, tried every policy for every pod. A policy whose
 * selector names no such label is a candidate for every pod.
 *
 * @param <P> a policy
 */
public final class SelectorIndex<P> {
  private final List<P> policies;
  /** Positions of the policies whose selectors name no required label. */
  private final List<Integer> unlabelled = new ArrayList<>();
  /** Key → value → positions of the policies that require that label. */
  private final Map<String, Map<String, List<Integer>>> byLabel = new HashMap<>();

  /** {@code requiredLabel}: a label every pod the policy selects carries, if there is one. */
  public SelectorIndex(List<P> policies, Function<P, Optional<Map.Entry<String, String>>> requiredLabel) {
    this.policies = List.copyOf(policies);
    for (int i = 0; i < this.policies.size(); i++) {
      Optional<Map.Entry<String, String>> label = requiredLabel.apply(this.policies.get(i));
      if (label.isEmpty()) {
        unlabelled.add(i);
      } else {
        byLabel.computeIfAbsent(label.get().getKey(), k -> new HashMap<>())
            .computeIfAbsent(label.get().getValue(), v -> new ArrayList<>())
            .add(i);
      }
    }
  }

  /**
   * The policies that may select a pod of {@code labels}, in their order: those that require a
   * label the pod has, and those that require none. Every policy that selects it is among them.
   */
  public List<P> candidates(Map<String, String> labels) {
    List<Integer> found = new ArrayList<>(unlabelled);
    for (Map.Entry<String, String> label : labels.entrySet()) {
      Map<String, List<Integer>> values = byLabel.get(label.getKey());
      List<Integer> requiring = values == null ? null : values.get(label.getValue());
      if (requiring != null) {
        found.addAll(requiring);
      }
    }
    // Each policy is in one list at most, so there is nothing to merge away: put them in order.
    int[] positions = new int[found.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = found.get(i);
    }
    Arrays.sort(positions);
    List<P> candidates = new ArrayList<>(positions.length);
    for (int position : positions) {
      candidates.add(policies.get(position));
    }
    return candidates;
  }
}
