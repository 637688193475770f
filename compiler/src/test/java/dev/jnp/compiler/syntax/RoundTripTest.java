package dev.jnp.compiler.syntax;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.compiler.TestSources;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.fmt.Formatter;
import dev.jnp.diagnostics.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** parse → format → parse gives the same AST, for every sample and every diagnostics case. */
class RoundTripTest {
  static List<Path> inputs() throws IOException {
    List<Path> inputs = new ArrayList<>(TestSources.samples());
    try (Stream<Path> cases = Files.list(Path.of("src/test/resources/diagnostics"))) {
      cases.filter(p -> p.toString().endsWith(".jnp")).sorted().forEach(inputs::add);
    }
    return inputs;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void printedSourceParsesToTheSameTree(Path input) throws IOException {
    Result<JnpFile> first = SourceParser.parse(input.toString(), Files.readString(input));
    if (first.hasErrors()) {
      // Files with syntax errors have no tree to print; the syntax tests cover them.
      assertThat(first.diagnostics().get(0).code()).isEqualTo("JNP0001");
      return;
    }
    String printed = Formatter.format(Files.readString(input)).orElseThrow();
    Result<JnpFile> second = SourceParser.parse(input.toString(), printed);
    assertWithMessage("printed source does not parse:\n%s", printed).that(second.hasErrors()).isFalse();
    assertThat(TestSources.withoutSpans(second.value().orElseThrow()))
        .isEqualTo(TestSources.withoutSpans(first.value().orElseThrow()));
    assertWithMessage("formatting is idempotent").that(Formatter.format(printed).orElseThrow()).isEqualTo(printed);
  }
}
