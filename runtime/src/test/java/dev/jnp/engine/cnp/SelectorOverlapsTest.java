package dev.jnp.engine.cnp;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.ir.Allowlist;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SelectorOverlapsTest {
  private static Allowlist allowlist(String name, Map<String, String> labels) {
    return new Allowlist(name, "shop", labels, List.of(), Optional.empty(), List.of(), SourceSpan.none("test.jnp"));
  }

  /** What every pair used to be compared by: no key that both name with different values. */
  private static boolean compatible(Allowlist a, Allowlist b) {
    return a.podLabels().entrySet().stream()
        .allMatch(e -> !b.podLabels().containsKey(e.getKey()) || b.podLabels().get(e.getKey()).equals(e.getValue()));
  }

  /** For each allowlist in turn, the first earlier one it may overlap, by comparing every pair. */
  private static List<Optional<String>> byEveryPair(List<Allowlist> allowlists) {
    List<Optional<String>> found = new ArrayList<>();
    for (int i = 0; i < allowlists.size(); i++) {
      Optional<String> first = Optional.empty();
      for (int j = 0; j < i && first.isEmpty(); j++) {
        if (compatible(allowlists.get(j), allowlists.get(i))) {
          first = Optional.of(allowlists.get(j).name());
        }
      }
      found.add(first);
    }
    return found;
  }

  private static List<Optional<String>> byIndex(List<Allowlist> allowlists) {
    SelectorOverlaps overlaps = new SelectorOverlaps();
    List<Optional<String>> found = new ArrayList<>();
    for (Allowlist allowlist : allowlists) {
      found.add(overlaps.firstCompatible(allowlist).map(Allowlist::name));
      overlaps.add(allowlist);
    }
    return found;
  }

  @Test
  void findsTheFirstEarlierSelectorThatDoesNotContradict() {
    List<Allowlist> allowlists = List.of(
        allowlist("web", Map.of("app", "web")),
        allowlist("api", Map.of("app", "api")),
        allowlist("web-canary", Map.of("app", "web", "track", "canary")),
        allowlist("canary", Map.of("track", "canary")),
        allowlist("stable", Map.of("track", "stable", "app", "db")),
        allowlist("everything", Map.of()),
        allowlist("db", Map.of("app", "db")));
    assertThat(byIndex(allowlists)).containsExactly(
        Optional.empty(),
        Optional.empty(),
        Optional.of("web"),
        Optional.of("web"),
        Optional.empty(),
        Optional.of("web"),
        Optional.of("canary")).inOrder();
  }

  @Test
  void agreesWithComparingEveryPairOnRandomNamespaces() {
    Random random = new Random(20261127);
    String[] keys = {"app", "tier", "track", "team", "zone"};
    for (int round = 0; round < 3_000; round++) {
      int count = 1 + random.nextInt(40);
      int values = 1 + random.nextInt(4);
      List<Allowlist> allowlists = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Map<String, String> labels = new TreeMap<>();
        int size = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
        for (int l = 0; l < size; l++) {
          labels.put(keys[random.nextInt(keys.length)], "v" + random.nextInt(values));
        }
        allowlists.add(allowlist("w" + i, labels));
      }
      assertWithMessage("round %s: %s", round, allowlists).that(byIndex(allowlists)).isEqualTo(byEveryPair(allowlists));
    }
  }
}
