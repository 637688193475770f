package dev.jnp.engine;

import static com.google.common.truth.Truth.assertThat;
import static dev.jnp.engine.Ir.allow;
import static dev.jnp.engine.Ir.any;
import static dev.jnp.engine.Ir.apiserver;
import static dev.jnp.engine.Ir.cidr;
import static dev.jnp.engine.Ir.deny;
import static dev.jnp.engine.Ir.dns;
import static dev.jnp.engine.Ir.ns;
import static dev.jnp.engine.Ir.pods;
import static dev.jnp.engine.Ir.tcp;
import static dev.jnp.engine.Ir.udp;
import static dev.jnp.engine.Ir.workload;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.PolicySet;
import dev.jnp.testing.SchemaValidator;
import dev.jnp.yaml.YamlWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every engine's output as text: valid once written, read back unchanged, the same every time. */
class RenderedYamlTest {
  static final List<String> ENGINES = Backends.ENGINES;

  /** What every engine can express, with a port range YAML 1.1 would misread unquoted. */
  private static PolicySet common() {
    return new PolicySet(
        List.of(
            workload(
                "web",
                "shop",
                List.of(
                    allow(List.of(tcp(8080), tcp(20, 21), udp(30000, 32767)), any(3)),
                    allow(List.of(), pods(Map.of("app", "prom"), new NamespaceSelector.Named("monitoring"), 4))),
                Optional.of(
                    List.of(
                        dns(6),
                        allow(List.of(tcp(6443)), apiserver(List.of("10.0.0.1/32"), 7)),
                        allow(List.of(tcp(443)), cidr("203.0.113.0/24", List.of("203.0.113.128/25"), 8)),
                        allow(List.of(), ns("flux-system", 9)))))),
        List.of(deny("shop", 11)));
  }

  private static String render(String engine) {
    Backend backend = Backends.forEngine(engine).orElseThrow();
    assertThat(backend.check(common()).stream().filter(Diagnostic::isError).toList()).isEmpty();
    return YamlWriter.writeAll(backend.render(common()).stream().map(PolicyObject::tree).toList());
  }

  @ParameterizedTest
  @FieldSource("ENGINES")
  void writtenYamlIsValid(String engine) {
    assertThat(SchemaValidator.shared().validateYaml(engine, render(engine))).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("ENGINES")
  void writtenYamlReadsBackAsTheSameTrees(String engine) throws Exception {
    Backend backend = Backends.forEngine(engine).orElseThrow();
    List<Map<String, Object>> trees =
        backend.render(common()).stream().map(PolicyObject::tree).toList();
    YAMLMapper mapper = new YAMLMapper();
    try (MappingIterator<Map<String, Object>> read =
        mapper.readerForMapOf(Object.class).readValues(render(engine))) {
      assertThat(read.readAll()).isEqualTo(trees);
    }
  }

  @ParameterizedTest
  @FieldSource("ENGINES")
  void renderingIsDeterministic(String engine) {
    assertThat(render(engine)).isEqualTo(render(engine));
  }
}
