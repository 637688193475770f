package dev.jnp.flows;

import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.jnp.flows.Endpoint.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@code conformance/k8s-e2e}: each probe's {@code allowed} and {@code denied}
 * pairs must get that verdict (README section 2 gives the format). The tests use only v1
 * NetworkPolicies between pods, which every engine enforces alike, so every engine is checked.
 */
class K8sE2eConformanceTest {

  static Stream<Arguments> cases() throws IOException {
    try (Stream<Path> files = Files.list(SharedData.conformance("k8s-e2e"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream()
          .flatMap(n -> PolicyEvaluators.ENGINES.stream().map(e -> Arguments.of(n, e)));
    }
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("cases")
  void truthTableHolds(String file, String engine) throws IOException {
    JsonNode test = new YAMLMapper().readTree(SharedData.conformance("k8s-e2e").resolve(file).toFile());
    World.Builder builder = World.builder();
    test.get("namespaces").properties().forEach(e ->
        builder.namespace(e.getKey(), Tree.stringMap(test.get("namespaces"), e.getKey())));
    Map<String, Workload> pods = new HashMap<>();
    for (JsonNode pod : Tree.list(test, "pods")) {
      List<ContainerPort> ports = new ArrayList<>();
      for (JsonNode p : Tree.list(pod, "containerPorts")) {
        ports.add(new ContainerPort(Tree.text(p, "name", ""), p.get("containerPort").asInt(),
            Protocol.parse(Tree.text(p, "protocol", "TCP")).orElseThrow()));
      }
      String ns = pod.get("namespace").asText();
      String name = pod.get("name").asText();
      Workload w = Workload.of(ns, name, "Pod", Tree.stringMap(pod, "labels"), ports);
      builder.workload(w);
      pods.put(ns + "/" + name, w);
    }
    World world = builder.build();
    List<PolicyDocument> policies = new ArrayList<>();
    for (JsonNode p : Tree.list(test, "policies")) {
      policies.add(PolicyDocument.of(p, file));
    }
    PolicyEvaluator evaluator = PolicyEvaluators.forEngine(engine, policies);
    assertWithMessage("warnings").that(evaluator.warnings()).isEmpty();

    int checked = 0;
    for (JsonNode probe : Tree.list(test, "probes")) {
      Protocol protocol = Protocol.parse(probe.get("protocol").asText()).orElseThrow();
      int port = probe.get("port").asInt();
      for (String outcome : List.of("allowed", "denied")) {
        for (JsonNode pair : Tree.list(probe, outcome)) {
          Workload from = pods.get(pair.get(0).asText());
          Workload to = pods.get(pair.get(1).asText());
          Verdict verdict = evaluator.evaluate(world, new Connection(from, to, protocol, port));
          assertWithMessage("%s %s/%s: %s", outcome, port, protocol, verdict)
              .that(verdict.allowed())
              .isEqualTo(outcome.equals("allowed"));
          checked++;
        }
      }
    }
    int n = pods.size();
    assertWithMessage("pairs checked").that(checked)
        .isEqualTo(Tree.list(test, "probes").size() * n * (n - 1));
  }
}
