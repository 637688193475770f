package dev.jnp.compiler.lower;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Protocol;
import dev.jnp.ir.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShadowedRulesTest {
  private static final SourceSpan SPAN = SourceSpan.none("test.jnp");

  /** The first rule that covers rule {@code i} and comes before it or allows more: every pair. */
  private static Optional<Rule> byEveryPair(List<Rule> rules, int i) {
    Rule rule = rules.get(i);
    for (int j = 0; j < rules.size(); j++) {
      Rule other = rules.get(j);
      if (j == i || rule.dns() || other.dns()) {
        continue;
      }
      if (RuleCover.covers(other, rule) && (j < i || !RuleCover.covers(rule, other))) {
        return Optional.of(other);
      }
    }
    return Optional.empty();
  }

  private static final List<Peer> PEERS = List.of(
      new Peer.Any(SPAN),
      new Peer.Namespaces(new NamespaceSelector.Named("front"), SPAN),
      new Peer.Namespaces(new NamespaceSelector.Named("back"), SPAN),
      new Peer.Namespaces(new NamespaceSelector.Labelled(Map.of("team", "a")), SPAN),
      new Peer.Namespaces(new NamespaceSelector.Own(), SPAN),
      new Peer.Namespaces(new NamespaceSelector.All(), SPAN),
      new Peer.Pods(Map.of("app", "web"), new NamespaceSelector.Named("front"), SPAN),
      new Peer.Pods(Map.of("app", "db"), new NamespaceSelector.Named("front"), SPAN),
      new Peer.Pods(Map.of("app", "web"), new NamespaceSelector.Labelled(Map.of("team", "a")), SPAN),
      new Peer.Pods(Map.of("app", "web"), new NamespaceSelector.Own(), SPAN),
      new Peer.Cidr("10.0.0.0/8", List.of(), SPAN),
      new Peer.Cidr("10.0.0.0/8", List.of("10.1.0.0/16"), SPAN),
      new Peer.Fqdn("example.com", SPAN),
      new Peer.Nodes(SPAN),
      new Peer.ApiServer(List.of("10.0.0.1/32"), SPAN));

  private static final List<PortRange> PORTS = List.of(
      PortRange.single(80, Protocol.TCP),
      PortRange.single(81, Protocol.TCP),
      PortRange.single(80, Protocol.UDP),
      new PortRange(80, 90, Protocol.TCP),
      // Ranges across the blocks the index cuts them into, and ones at the ends of the ports.
      new PortRange(81, 90, Protocol.TCP),
      new PortRange(64, 127, Protocol.TCP),
      PortRange.single(90, Protocol.TCP),
      new PortRange(85, 86, Protocol.UDP),
      new PortRange(60000, 65535, Protocol.TCP),
      PortRange.single(65535, Protocol.TCP),
      PortRange.single(1, Protocol.TCP),
      new PortRange(1, 65535, Protocol.TCP));

  @Test
  void findsWhatComparingEveryPairFinds() {
    Random random = new Random(20261127);
    for (int round = 0; round < 5_000; round++) {
      List<Rule> rules = new ArrayList<>();
      // Both ways of finding them: pair by pair up to COMPARED_PAIRWISE rules, the index above.
      int count = 1 + random.nextInt(3 * ShadowedRules.COMPARED_PAIRWISE);
      for (int r = 0; r < count; r++) {
        List<PortRange> ports = new ArrayList<>();
        int portCount = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(2);
        for (int p = 0; p < portCount; p++) {
          ports.add(PORTS.get(random.nextInt(PORTS.size())));
        }
        List<Peer> peers = new ArrayList<>();
        int peerCount = 1 + random.nextInt(3);
        for (int p = 0; p < peerCount; p++) {
          peers.add(PEERS.get(random.nextInt(PEERS.size())));
        }
        rules.add(new Rule(ports, peers, random.nextInt(8) == 0, new SourceSpan("test.jnp", r + 1, 1, r + 1, 2)));
      }
      ShadowedRules shadowed = new ShadowedRules(rules);
      for (int i = 0; i < rules.size(); i++) {
        assertWithMessage("round %s, rule %s of %s", round, i, rules)
            .that(shadowed.covering(i))
            .isEqualTo(byEveryPair(rules, i));
      }
    }
  }
}
