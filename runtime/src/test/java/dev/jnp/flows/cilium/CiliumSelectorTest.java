package dev.jnp.flows.cilium;

import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CiliumSelectorTest {
  /** Keys of a pod's own, and keys Cilium adds to pods, which a pod's own may clash with. */
  private static final String[] KEYS = {
    "app", "k8s:app", "any:app", "tier", "reserved:tier", CiliumLabel.NAMESPACE,
    "k8s:" + CiliumLabel.NAMESPACE, CiliumLabel.NAMESPACE_LABELS + "team", CiliumLabel.SERVICE_ACCOUNT
  };

  @Test
  void theRequiredPodLabelIsOnEveryPodTheSelectorMatches() {
    ObjectMapper json = new ObjectMapper();
    Random random = new Random(20261127);
    String[] operators = {"In", "NotIn", "Exists", "DoesNotExist"};
    for (int round = 0; round < 5_000; round++) {
      ObjectNode selector = json.createObjectNode();
      ObjectNode matchLabels = selector.putObject("matchLabels");
      for (int i = random.nextInt(3); i > 0; i--) {
        matchLabels.put(KEYS[random.nextInt(KEYS.length)], "v" + random.nextInt(2));
      }
      ArrayNode expressions = selector.putArray("matchExpressions");
      for (int i = random.nextInt(2); i > 0; i--) {
        ObjectNode expression = expressions.addObject();
        expression.put("key", KEYS[random.nextInt(KEYS.length)]);
        expression.put("operator", operators[random.nextInt(operators.length)]);
        expression.putArray("values").add("v" + random.nextInt(2));
      }
      CiliumSelector parsed = CiliumSelector.parse(selector, new ArrayList<>());
      Optional<Map.Entry<String, String>> required = parsed.requiredPodLabel();
      if (required.isEmpty()) {
        continue;
      }
      for (int pod = 0; pod < 20; pod++) {
        // A pod's own labels, some with the keys Cilium adds, and the labels Cilium adds.
        Map<String, String> own = new TreeMap<>();
        for (String key : new String[] {"app", "tier", CiliumLabel.NAMESPACE, CiliumLabel.SERVICE_ACCOUNT}) {
          if (random.nextInt(3) > 0) {
            own.put(key, "v" + random.nextInt(2));
          }
        }
        List<CiliumLabel> identity = new ArrayList<>();
        own.forEach((k, v) -> identity.add(new CiliumLabel(CiliumLabel.K8S, k, v)));
        identity.add(new CiliumLabel(CiliumLabel.K8S, CiliumLabel.NAMESPACE, "v" + random.nextInt(2)));
        identity.add(new CiliumLabel(CiliumLabel.K8S, CiliumLabel.NAMESPACE_LABELS + "team", "v" + random.nextInt(2)));
        identity.add(new CiliumLabel(CiliumLabel.K8S, CiliumLabel.SERVICE_ACCOUNT, "v" + random.nextInt(2)));
        if (parsed.matches(identity)) {
          assertWithMessage("%s matches %s", selector, identity)
              .that(own.get(required.get().getKey())).isEqualTo(required.get().getValue());
        }
      }
    }
  }
}
