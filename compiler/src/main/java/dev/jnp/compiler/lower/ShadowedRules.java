package dev.jnp.compiler.lower;

import dev.jnp.ir.Peer;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Rule;
import java.util.ArrayList;
import java.util.Arrays;
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
 * same network, the same name); and only by one that allows every port, or has ports that hold
 * the rule's first port or range. Rules are indexed by those, so a workload of many rules is not
 * compared pair by pair. 4 MiB files took so: 169 workloads of 999 rules from different peers,
 * 27 s, and 2.4 s with the index; 186 workloads of 999 single ports from one peer, 19.8 s and
 * 2.6 s. With ranges indexed by single ports only, 130 workloads of 999 two-port ranges from one
 * peer took 14.5 s, and 128 of 999 ranges each inside the next, 9.6 s; with the blocks, 2.8 s and
 * 4.2 s (the second compares each range with those holding its first port, but by their ends).
 * A direction of a few rules, the usual one, is compared pair by pair.
 */
final class ShadowedRules {
  private static final int LAST_PORT = 65535;
  /**
   * Up to this many rules are compared pair by pair: the index costs more to build than it saves
   * (it was a tenth of what a compile of 10,000 usual workloads allocated).
   */
  static final int COMPARED_PAIRWISE = 16;
  private final List<Rule> rules;
  /** The rules by what their peers select ({@link RuleCover#selection}), then by their ports. */
  private final Map<String, Ports> bySelection = new HashMap<>();

  ShadowedRules(List<Rule> rules) {
    this.rules = rules;
    if (rules.size() <= COMPARED_PAIRWISE) {
      return;
    }
    for (int j = 0; j < rules.size(); j++) {
      Rule rule = rules.get(j);
      if (rule.dns()) {
        continue;
      }
      for (Peer peer : rule.peers()) {
        Ports ports = bySelection.computeIfAbsent(RuleCover.selection(peer), s -> new Ports());
        if (rule.allPorts()) {
          ports.allPorts.add(j, LAST_PORT);
        }
        for (PortRange range : rule.ports()) {
          ports.add(range, j);
        }
      }
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
    if (rules.size() <= COMPARED_PAIRWISE) {
      for (int j = 0; j < rules.size(); j++) {
        Rule other = rules.get(j);
        if (j != i && !other.dns() && RuleCover.covers(other, rule) && (j < i || !RuleCover.covers(rule, other))) {
          return Optional.of(other);
        }
      }
      return Optional.empty();
    }
    Peer peer = rule.peers().get(0);
    PortRange first = rule.allPorts() ? null : rule.ports().get(0);
    // Every list is in order: the first rule of each that covers this one; the earliest of those.
    int earliest = Integer.MAX_VALUE;
    for (String selection : peer instanceof Peer.Any ? List.of(RuleCover.ANY) : List.of(RuleCover.ANY, RuleCover.selection(peer))) {
      Ports ports = bySelection.get(selection);
      if (ports == null) {
        continue;
      }
      earliest = first(ports.allPorts, first == null ? LAST_PORT : first.last(), i, earliest);
      if (first != null) {
        for (Holders holders : ports.holding(first.protocol().ordinal(), first.first())) {
          earliest = first(holders, first.last(), i, earliest);
        }
      }
    }
    return earliest == Integer.MAX_VALUE ? Optional.empty() : Optional.of(rules.get(earliest));
  }

  /**
   * The first rule of {@code holders} before {@code before} that covers rule {@code i}, else
   * {@code before}. One whose range ends before {@code last}, where the rule's first range ends,
   * cannot hold it: passed over without comparing the rules.
   */
  private int first(Holders holders, int last, int i, int before) {
    Rule rule = rules.get(i);
    for (int k = 0; k < holders.size; k++) {
      int j = holders.positions[k];
      if (j >= before) {
        break;
      }
      if (holders.lasts[k] < last) {
        continue;
      }
      Rule other = rules.get(j);
      if (j != i && RuleCover.covers(other, rule) && (j < i || !RuleCover.covers(rule, other))) {
        return j;
      }
    }
    return before;
  }

  /**
   * The rules of one selection by their ports: those that allow every port, and each range of
   * ports cut into aligned blocks of a power of two ports (a single port is a block of one), so
   * that the ranges holding a port are found in one lookup per block size.
   */
  private static final class Ports {
    private static final int SIZES = 17; // blocks of 1, 2, 4, … 65,536 ports
    private final Holders allPorts = new Holders();
    /** The rules with a range that holds a block, by block: protocol, size (as a power of two), number. */
    private final Map<Integer, Holders> byBlock = new HashMap<>();
    /** The largest block of any range, as a power of two: no larger one is looked up. */
    private int largest;

    void add(PortRange range, int position) {
      int protocol = range.protocol().ordinal();
      int from = range.first();
      int to = range.last() + 1;
      while (from < to) {
        int size = Integer.numberOfTrailingZeros(from);
        while (from + (1 << size) > to) {
          size--;
        }
        largest = Math.max(largest, size);
        byBlock.computeIfAbsent(block(protocol, size, from), b -> new Holders()).add(position, range.last());
        from += 1 << size;
      }
    }

    /** The rules with a range that holds {@code port}, one {@link Holders} per block. */
    List<Holders> holding(int protocol, int port) {
      List<Holders> holding = new ArrayList<>();
      for (int size = 0; size <= largest; size++) {
        Holders holders = byBlock.get(block(protocol, size, port));
        if (holders != null) {
          holding.add(holders);
        }
      }
      return holding;
    }

    private static int block(int protocol, int size, int port) {
      return ((protocol * SIZES + size) << 16) | (port >> size);
    }
  }

  /**
   * Rules in order: their positions, and where the range of each that holds a block of ports
   * ends (the largest end, for a rule with two such ranges; the last port, for every port).
   */
  private static final class Holders {
    private int[] positions = new int[2];
    private int[] lasts = new int[2];
    private int size;

    void add(int position, int last) {
      if (size > 0 && positions[size - 1] == position) {
        lasts[size - 1] = Math.max(lasts[size - 1], last);
        return;
      }
      if (size == positions.length) {
        positions = Arrays.copyOf(positions, size * 2);
        lasts = Arrays.copyOf(lasts, size * 2);
      }
      positions[size] = position;
      lasts[size] = last;
      size++;
    }
  }
}
