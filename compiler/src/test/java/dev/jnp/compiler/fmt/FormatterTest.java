package dev.jnp.compiler.fmt;

import static com.google.common.truth.Truth.assertThat;

import dev.jnp.compiler.Compilation;
import dev.jnp.compiler.Compiler;
import dev.jnp.compiler.Manifest;
import dev.jnp.compiler.Options;
import dev.jnp.compiler.SourceInput;
import dev.jnp.compiler.TestSources;
import dev.jnp.compiler.syntax.SourceParser;
import dev.jnp.engine.Backends;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FormatterTest {
  static List<Path> inputs() throws IOException {
    List<Path> inputs = new ArrayList<>(TestSources.samples());
    try (Stream<Path> cases = Files.list(Path.of("src/test/resources/diagnostics"))) {
      cases.filter(p -> p.toString().endsWith(".jnp")).sorted().forEach(inputs::add);
    }
    return inputs;
  }

  /** What compiling says and renders, for every engine; positions left out, since lines move. */
  static List<String> meaning(String path, String text) {
    List<String> meaning = new ArrayList<>();
    for (String engine : Backends.available()) {
      Compilation compilation = Compiler.compile(List.of(new SourceInput(path, text)), new Options(Optional.of(engine), List.of(), false));
      compilation.diagnostics().forEach(d -> meaning.add(engine + " " + d.severity() + " " + d.code() + " " + d.message()));
      for (List<Manifest> manifests : compilation.manifests().values()) {
        manifests.forEach(m -> meaning.add(m.yaml()));
      }
    }
    return meaning;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void formattingChangesNoCompiledOutputAndKeepsEveryComment(Path input) throws IOException {
    String text = Files.readString(input);
    Optional<String> formatted = Formatter.format(text);
    if (formatted.isEmpty()) {
      assertThat(SourceParser.parse("x", text).hasErrors()).isTrue();
      return;
    }
    assertThat(meaning(input.toString(), formatted.get())).isEqualTo(meaning(input.toString(), text));
    assertThat(SourceParser.comments(formatted.get()).stream().map(SourceParser.Comment::text).toList())
        .isEqualTo(SourceParser.comments(text).stream().map(SourceParser.Comment::text).toList());
    assertThat(Formatter.format(formatted.get())).hasValue(formatted.get());
  }

  @Test
  void canonicalLayout() {
    String messy = String.join("\n",
        "",
        "# header",
        "namespace   shop",
        "param a = true # first",
        "param longer_name = \"x\"",
        "",
        "",
        "",
        "workload web in shop {",
        "",
        "    select app=web,tier=front",
        "  port http 8080 # web",
        "     port management 8081 probe",
        "  allow http from ns a,",
        "      ns b   # continued",
        "  allow management from nodes",
        "  # before egress",
        "  egress when a {",
        "  allow dns",
        "  # trailing in block",
        "",
        "  }",
        "",
        "}",
        "expect allow ns a -> web:http when (a)",
        "# the end",
        "");
    assertThat(Formatter.format(messy)).hasValue(String.join("\n",
        "# header",
        "namespace shop",
        "param a           = true  # first",
        "param longer_name = \"x\"",
        "",
        "workload web in shop {",
        "  select app=web, tier=front",
        "  port http       8080  # web",
        "  port management 8081 probe",
        "  allow http from ns a, ns b  # continued",
        "  allow management from nodes",
        "  # before egress",
        "  egress when a {",
        "    allow dns",
        "    # trailing in block",
        "  }",
        "}",
        "expect allow ns a -> web:http when a",
        "# the end",
        ""));
  }

  @Test
  void syntaxErrorsAreNotFormatted() {
    assertThat(Formatter.format("workload {")).isEmpty();
  }
}
