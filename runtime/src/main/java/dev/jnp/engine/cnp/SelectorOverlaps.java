package dev.jnp.engine.cnp;

import dev.jnp.ir.Allowlist;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The allowlists of one namespace so far, to find the first whose pod selector does not
 * contradict a later one's (no key that both name with different values): two such may select
 * the same pod. Comparing every pair was quadratic: a 4 MiB file of 116,000 workloads in one
 * namespace ran for hours.
 *
 * <p>Selectors are grouped by the set of keys they name. The members of a group agree with a
 * later selector exactly when their values agree on the keys both name, so one lookup of those
 * values finds a group's first such member. A group is skipped without a lookup when it names a
 * key of the later selector's that none of its members gives the later selector's value, which
 * one key of the later selector shows for most groups at once: the usual file, whose selectors
 * name the same keys with different values ({@code app=…}), takes a lookup or none per workload.
 */
final class SelectorOverlaps {
  /** The groups, in the order of their first members. */
  private final List<KeySet> groups = new ArrayList<>();

  private final Map<Set<String>, KeySet> byKeys = new HashMap<>();
  /**
   * Key → value → the groups with a member that selects that value of that key, in the order of
   * their first members: a list, as most values are one group's (a workload's own app label).
   */
  private final Map<String, Map<String, List<KeySet>>> byValue = new HashMap<>();
  /** Key → how many groups name that key. */
  private final Map<String, Integer> naming = new HashMap<>();

  private int added;

  /** The first allowlist added so far whose selector does not contradict {@code later}'s. */
  Optional<Allowlist> firstCompatible(Allowlist later) {
    Map<String, String> labels = later.podLabels();
    // The fewest candidate groups one key of the later selector leaves: those that give it the
    // same value, and those that do not name it.
    String narrowest = null;
    int fewest = groups.size();
    for (Map.Entry<String, String> label : labels.entrySet()) {
      int candidates = groupsSelecting(label.getKey(), label.getValue()).size()
          + groups.size() - naming.getOrDefault(label.getKey(), 0);
      if (candidates < fewest || narrowest == null) {
        narrowest = label.getKey();
        fewest = candidates;
      }
    }
    Member first = null;
    if (narrowest == null) {
      // A selector of no labels contradicts none.
      return groups.isEmpty() ? Optional.empty() : Optional.of(groups.get(0).members.get(0).allowlist);
    }
    for (KeySet group : groupsSelecting(narrowest, labels.get(narrowest))) {
      first = earlier(first, group.firstAgreeing(labels));
    }
    if (naming.getOrDefault(narrowest, 0) < groups.size()) {
      for (KeySet group : groups) {
        if (first != null && group.members.get(0).order > first.order) {
          break;
        }
        if (!group.keys.contains(narrowest)) {
          first = earlier(first, group.firstAgreeing(labels));
        }
      }
    }
    return Optional.ofNullable(first).map(member -> member.allowlist);
  }

  /** Adds {@code allowlist}, after the ones added before it. */
  void add(Allowlist allowlist) {
    Set<String> keys = allowlist.podLabels().keySet();
    KeySet group = byKeys.get(keys);
    if (group == null) {
      group = new KeySet(keys);
      byKeys.put(keys, group);
      groups.add(group);
      for (String key : keys) {
        naming.merge(key, 1, Integer::sum);
      }
    }
    for (Map.Entry<String, String> label : allowlist.podLabels().entrySet()) {
      List<KeySet> selecting = byValue.computeIfAbsent(label.getKey(), k -> new HashMap<>())
          .computeIfAbsent(label.getValue(), v -> new ArrayList<>(1));
      if (!selecting.contains(group)) {
        selecting.add(group);
      }
    }
    group.add(new Member(added++, allowlist));
  }

  private List<KeySet> groupsSelecting(String key, String value) {
    Map<String, List<KeySet>> byThisKey = byValue.get(key);
    List<KeySet> selecting = byThisKey == null ? null : byThisKey.get(value);
    return selecting == null ? List.of() : selecting;
  }

  private static Member earlier(Member a, Member b) {
    if (a == null) {
      return b;
    }
    return b == null || a.order < b.order ? a : b;
  }

  /** An allowlist and its place among those added. */
  private static final class Member {
    final int order;
    final Allowlist allowlist;

    Member(int order, Allowlist allowlist) {
      this.order = order;
      this.allowlist = allowlist;
    }
  }

  /** The selectors that name one set of keys. */
  private static final class KeySet {
    final Set<String> keys;
    final List<Member> members = new ArrayList<>();
    /**
     * For each list of this group's keys a later selector also named: the members' values on
     * those keys → the first member with them. Made when first asked for, kept up to date after.
     */
    final Map<List<String>, Map<List<String>, Member>> agreeing = new HashMap<>();

    KeySet(Set<String> keys) {
      this.keys = keys;
    }

    void add(Member member) {
      members.add(member);
      // A loop, not forEach with a lambda: every allowlist is added (docs/decisions.md).
      for (Map.Entry<List<String>, Map<List<String>, Member>> shared : agreeing.entrySet()) {
        shared.getValue().putIfAbsent(values(member.allowlist.podLabels(), shared.getKey()), member);
      }
    }

    /** The first member whose values agree with {@code labels} on the keys both name, if any. */
    Member firstAgreeing(Map<String, String> labels) {
      List<String> shared = new ArrayList<>();
      for (String key : keys) {
        if (labels.containsKey(key)) {
          shared.add(key);
        }
      }
      Map<List<String>, Member> firsts = agreeing.get(shared);
      if (firsts == null) {
        firsts = new HashMap<>();
        for (Member member : members) {
          firsts.putIfAbsent(values(member.allowlist.podLabels(), shared), member);
        }
        agreeing.put(shared, firsts);
      }
      return firsts.get(values(labels, shared));
    }

    private static List<String> values(Map<String, String> labels, List<String> keys) {
      List<String> values = new ArrayList<>(keys.size());
      for (String key : keys) {
        values.add(labels.get(key));
      }
      return values;
    }
  }
}
