package dev.jnp.flows;

import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnp.flows.selector.CalicoSelector;
import dev.jnp.flows.selector.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The evaluators try only the policies a {@link SelectorIndex} gives for a pod: it must give
 * every policy that selects the pod. So each selector's required label must be on every set of
 * labels it matches, and the index must give every policy whose required label a pod has.
 */
class SelectorIndexTest {
  private static final String[] KEYS = {"app", "tier", "team"};
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, String> labels(Random random) {
    Map<String, String> labels = new TreeMap<>();
    for (String key : KEYS) {
      if (random.nextInt(3) > 0) {
        labels.put(key, "v" + random.nextInt(3));
      }
    }
    return labels;
  }

  @Test
  void givesEveryPolicyWhoseRequiredLabelThePodHasAndEveryOneWithoutInOrder() {
    Random random = new Random(20261127);
    for (int round = 0; round < 2_000; round++) {
      List<Optional<Map.Entry<String, String>>> required = new ArrayList<>();
      for (int i = random.nextInt(30); i > 0; i--) {
        required.add(random.nextInt(4) == 0
            ? Optional.empty()
            : Optional.of(Map.entry(KEYS[random.nextInt(KEYS.length)], "v" + random.nextInt(3))));
      }
      List<Integer> positions = new ArrayList<>();
      for (int i = 0; i < required.size(); i++) {
        positions.add(i);
      }
      SelectorIndex<Integer> index = new SelectorIndex<>(positions, required::get);
      Map<String, String> pod = labels(random);
      List<Integer> expected = positions.stream()
          .filter(i -> required.get(i).map(l -> l.getValue().equals(pod.get(l.getKey()))).orElse(true))
          .toList();
      assertWithMessage("round %s: %s, pod %s", round, required, pod).that(index.candidates(pod)).isEqualTo(expected);
    }
  }

  @Test
  void aLabelSelectorsRequiredLabelIsOnEveryPodItMatches() {
    Random random = new Random(1127);
    String[] operators = {"In", "NotIn", "Exists", "DoesNotExist"};
    for (int round = 0; round < 5_000; round++) {
      ObjectNode selector = JSON.createObjectNode();
      if (random.nextBoolean()) {
        ObjectNode matchLabels = selector.putObject("matchLabels");
        labels(random).forEach(matchLabels::put);
      }
      ArrayNode expressions = selector.putArray("matchExpressions");
      for (int i = random.nextInt(3); i > 0; i--) {
        ObjectNode expression = expressions.addObject();
        expression.put("key", KEYS[random.nextInt(KEYS.length)]);
        expression.put("operator", operators[random.nextInt(operators.length)]);
        ArrayNode values = expression.putArray("values");
        for (int v = random.nextInt(3); v >= 0; v--) {
          values.add("v" + random.nextInt(3));
        }
      }
      LabelSelector parsed = LabelSelector.parse(selector, new ArrayList<>());
      assertRequiredOnMatches(random, selector.toString(), parsed.requiredLabel(), parsed::matches);
    }
  }

  @Test
  void aCalicoSelectorsRequiredLabelIsOnEveryEndpointItMatches() {
    Random random = new Random(2711);
    for (int round = 0; round < 5_000; round++) {
      String text = calicoSelector(random, 2);
      CalicoSelector parsed = CalicoSelector.parse(text);
      assertRequiredOnMatches(random, text, parsed.requiredLabel(), parsed::matches);
    }
  }

  private static String calicoSelector(Random random, int depth) {
    String key = KEYS[random.nextInt(KEYS.length)];
    String value = "'v" + random.nextInt(3) + "'";
    switch (depth == 0 ? random.nextInt(6) : random.nextInt(9)) {
      case 0: return key + " == " + value;
      case 1: return key + " != " + value;
      case 2: return key + " in {" + value + "}";
      case 3: return key + " in {" + value + ", 'v9'}";
      case 4: return "has(" + key + ")";
      case 5: return "all()";
      case 6: return "!(" + calicoSelector(random, depth - 1) + ")";
      case 7: return "(" + calicoSelector(random, depth - 1) + ") && (" + calicoSelector(random, depth - 1) + ")";
      default: return "(" + calicoSelector(random, depth - 1) + ") || (" + calicoSelector(random, depth - 1) + ")";
    }
  }

  private static void assertRequiredOnMatches(Random random, String selector,
      Optional<Map.Entry<String, String>> required, java.util.function.Predicate<Map<String, String>> matches) {
    if (required.isEmpty()) {
      return;
    }
    for (int pod = 0; pod < 20; pod++) {
      Map<String, String> labels = labels(random);
      if (matches.test(labels)) {
        assertWithMessage("%s matches %s", selector, labels)
            .that(labels.get(required.get().getKey())).isEqualTo(required.get().getValue());
      }
    }
  }
}
