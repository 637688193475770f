package dev.jnp.samples;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.jnp.compiler.cli.Main;
import dev.jnp.engine.Backends;
import dev.jnp.testing.Golden;
import dev.jnp.testing.SchemaValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample, compiled through the real CLI for every engine: its output is valid against the
 * engine's upstream schema (unknown fields and the CRDs' CEL rules included), and its output and
 * diagnostics match the reviewed golden files.
 */
class SampleGoldenTest {
  static List<SampleCase> cases() throws IOException {
    return SampleCase.all(Backends.available());
  }

  /** Runs the CLI; returns {exit code, stdout, stderr}. */
  static Object[] run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Object[] {status, out.toString(), err.toString()};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputMatchesGolden(SampleCase sample) throws IOException {
    Object[] result = run(sample.arguments());
    int status = (int) result[0];
    String yaml = (String) result[1];
    String diagnostics = (String) result[2];
    assertWithMessage("exit status of %s; stderr:\n%s", sample, diagnostics).that(status).isAnyOf(Main.OK, Main.INPUT_ERRORS);
    if (status == Main.OK) {
      assertWithMessage("%s is not valid against the upstream schema", sample)
          .that(SchemaValidator.shared().validateYaml(sample.engine(), yaml))
          .isEmpty();
      Golden.assertMatches(sample.expectedYaml(), yaml);
    } else {
      assertThat(yaml).isEmpty();
      assertWithMessage("a sample that fails on %s must not have output", sample.engine())
          .that(Golden.updating() || !Files.exists(sample.expectedYaml())).isTrue();
    }
    if (diagnostics.isEmpty()) {
      if (Golden.updating()) {
        Files.deleteIfExists(sample.expectedDiagnostics());
      }
      assertWithMessage("%s compiled without diagnostics but has a golden", sample)
          .that(Files.exists(sample.expectedDiagnostics())).isFalse();
    } else {
      Golden.assertMatches(sample.expectedDiagnostics(), diagnostics);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyExpectationHoldsOnEveryEngineTheSampleCompilesFor(SampleCase sample) {
    List<String> args = new java.util.ArrayList<>(sample.arguments());
    args.set(0, "verify");
    Object[] result = run(args);
    if (!Files.exists(sample.expectedYaml())) {
      return; // the engine cannot express this sample; its diagnostics golden says why
    }
    String out = (String) result[1];
    assertWithMessage("%s: %s", sample, out).that((int) result[0]).isEqualTo(Main.OK);
    java.util.regex.Matcher counts = java.util.regex.Pattern.compile(sample.engine() + ": (\\d+) of (\\d+) expectations hold").matcher(out);
    assertWithMessage("%s: %s", sample, out).that(counts.find()).isTrue();
    assertThat(counts.group(1)).isEqualTo(counts.group(2));
    assertThat(Integer.parseInt(counts.group(2))).isGreaterThan(0);
  }

  /** The YAML documents of a stream, read back as plain trees. */
  static List<Map<String, Object>> documents(String yaml) throws IOException {
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    try (MappingIterator<Map<String, Object>> it = mapper.readerForMapOf(Object.class).readValues(yaml)) {
      return it.readAll();
    }
  }
}
