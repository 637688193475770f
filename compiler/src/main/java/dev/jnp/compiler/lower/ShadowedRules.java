package dev.jnp.compiler.lower;

import dev.jnp.ir.Peer;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of one direction of a workload that allow nothing another does not already allow: a
 * rule inside a wider one, or the later of two that allow the same. Never a rule that allows
 * more than the other, even if it comes later. DNS rules are left out.
 *
 * <p>A rule can only be covered by one with {@code any} among its peers, or with a peer that
 * selects what the rule's first peer selects (the same kind of peer in the same namespaces, the
 * same network, the same name); and only by one that allows every port, or has a range of
 * ports, or has the rule's first port. Rules are indexed by those, so a workload of many rules is
 * not compared pair by pair: a 4 MiB file of 169 workloads of 999 rules from different peers
 * compiled in 27 s so, and in 2.4 s with the index; one of 186 workloads of 999 single ports from
 * one peer, in 19.8 s and 2.6 s.
 */
final class ShadowedRules {
  private final List<Rule> rules;
  /**
   * Positions of the rules, in order, by what their peers select ({@link #selection}, or {@code
   * any}) and then by their ports: {@code wide} for a rule that allows every port or has a range,
   * else each of its single ports.
   */
  private final Map<String, List<Integer>> index = new HashMap<>();

  ShadowedRules(List<Rule> rules) {
    this.rules = rules;
    for (int j = 0; j < rules.size(); j++) {
      Rule rule = rules.get(j);
      if (rule.dns()) {
        continue;
      }
      boolean wide = rule.allPorts();
      for (PortRange range : rule.ports()) {
        wide |= range.first() != range.last();
      }
      for (Peer peer : rule.peers()) {
        String selection = RuleCover.selection(peer);
        if (wide) {
          add(selection + " wide", j);
        }
        for (PortRange range : rule.ports()) {
          if (range.first() == range.last()) {
            add(selection + " " + port(range), j);
          }
        }
      }
    }
  }

  private void add(String key, int position) {
    List<Integer> positions = index.computeIfAbsent(key, k -> new ArrayList<>());
    if (positions.isEmpty() || positions.get(positions.size() - 1) != position) {
      positions.add(position);
    }
  }

  /**
   * The first rule that allows everything the rule at {@code i} allows, and either comes before
   * it or allows more; none for a DNS rule.
   */
  Optional<Rule> covering(int i) {
    Rule rule = rules.get(i);
    if (rule.dns()) {
      return Optional.empty();
    }
    Peer peer = rule.peers().get(0);
    PortRange first = rule.allPorts() ? null : rule.ports().get(0);
    boolean single = first != null && first.first() == first.last();
    List<List<Integer>> candidates = new ArrayList<>();
    for (String selection : peer instanceof Peer.Any ? List.of(RuleCover.ANY) : List.of(RuleCover.ANY, RuleCover.selection(peer))) {
      candidates.add(index.getOrDefault(selection + " wide", List.of()));
      if (single) {
        candidates.add(index.getOrDefault(selection + " " + port(first), List.of()));
      }
    }
    // The candidates in order: the lists merged, each position once.
    int[] next = new int[candidates.size()];
    while (true) {
      int j = Integer.MAX_VALUE;
      for (int c = 0; c < candidates.size(); c++) {
        if (next[c] < candidates.get(c).size()) {
          j = Math.min(j, candidates.get(c).get(next[c]));
        }
      }
      if (j == Integer.MAX_VALUE) {
        return Optional.empty();
      }
      for (int c = 0; c < candidates.size(); c++) {
        if (next[c] < candidates.get(c).size() && candidates.get(c).get(next[c]) == j) {
          next[c]++;
        }
      }
      Rule other = rules.get(j);
      if (j != i && RuleCover.covers(other, rule) && (j < i || !RuleCover.covers(rule, other))) {
        return Optional.of(other);
      }
    }
  }

  private static String port(PortRange range) {
    return range.protocol() + " " + range.first();
  }
}
