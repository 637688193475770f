package dev.jnp.flows;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code conformance/netpol-analyzer}: {@code jnp analyze} on the case's manifests
 * must print {@code expected.txt} exactly, line by line.
 *
 * <p>The cases hold only v1 NetworkPolicies, which Cilium, Calico and the ClusterNetworkPolicy
 * engine enforce too, so every engine must print the same list. For Calico this also relies on
 * the data: Calico's {@code ipBlock} matches pod addresses, and no pod address in these inputs
 * makes a difference (the one {@code 0.0.0.0/0} block sits beside rules that allow the same pods).
 */
class NetpolAnalyzerConformanceTest {

  static Stream<Arguments> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(SharedData.conformance("netpol-analyzer"))) {
      List<String> names =
          dirs.filter(Files::isDirectory)
              .filter(d -> Files.exists(d.resolve("expected.txt")))
              .map(d -> d.getFileName().toString())
              .sorted()
              .toList();
      return names.stream()
          .flatMap(n -> PolicyEvaluators.ENGINES.stream().map(e -> Arguments.of(n, e)));
    }
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("cases")
  void reproducesExpectedList(String name, String engine) throws IOException {
    Path dir = SharedData.conformance("netpol-analyzer").resolve(name);
    String expected = Files.readString(dir.resolve("expected.txt"), StandardCharsets.UTF_8);
    Manifests manifests = ManifestReader.read(List.of(dir));
    String actual = ConnectionList.analyze(manifests, engine);
    if (!actual.equals(expected)) {
      assertWithMessage(diff(expected, actual)).that(actual).isEqualTo(expected);
    }
    PolicyEvaluator evaluator = PolicyEvaluators.forEngine(engine, manifests.policies());
    assertWithMessage("cut at every boundary any policy names")
        .that(ConnectionList.lines(manifests.world(), evaluator))
        .isEqualTo(EveryBoundary.lines(manifests.world(), evaluator));
  }

  /** The first lines that differ: missing and unexpected lines, or the first line out of order. */
  static String diff(String expected, String actual) {
    List<String> want = expected.lines().toList();
    List<String> got = actual.lines().toList();
    Set<String> wantSet = new LinkedHashSet<>(want);
    Set<String> gotSet = new LinkedHashSet<>(got);
    List<String> out = new ArrayList<>();
    out.add("expected " + want.size() + " lines, got " + got.size());
    int shown = 0;
    for (String line : want) {
      if (!gotSet.contains(line) && shown++ < 15) {
        out.add("- " + line);
      }
    }
    shown = 0;
    for (String line : got) {
      if (!wantSet.contains(line) && shown++ < 15) {
        out.add("+ " + line);
      }
    }
    if (out.size() == 1) {
      for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
        if (!want.get(i).equals(got.get(i))) {
          out.add("first difference at line " + (i + 1) + ": expected '" + want.get(i)
              + "', got '" + got.get(i) + "'");
          break;
        }
      }
      if (!expected.endsWith("\n") || !actual.endsWith("\n")) {
        out.add("line endings differ at the end of the text");
      }
    }
    return String.join("\n", out);
  }
}
