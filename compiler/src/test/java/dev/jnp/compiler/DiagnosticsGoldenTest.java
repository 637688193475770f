package dev.jnp.compiler;

import dev.jnp.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code src/test/resources/diagnostics/NAME.jnp} is compiled and its diagnostics compared
 * with {@code NAME.diagnostics}: a missing and an extra diagnostic both fail. Adding a case needs
 * no Java.
 */
class DiagnosticsGoldenTest {
  static final Path CASES = Path.of("src/test/resources/diagnostics");

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      return files.filter(p -> p.toString().endsWith(".jnp")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void diagnosticsMatchGolden(Path input) throws IOException {
    String source = Files.readString(input);
    List<String> sets = source.lines()
        .filter(l -> l.startsWith("# test: --set "))
        .map(l -> l.substring("# test: --set ".length()).trim())
        .toList();
    Compilation compilation = TestSources.compile(source, sets.toArray(String[]::new));
    String actual = compilation.diagnostics().stream().map(TestSources::oneLine).collect(Collectors.joining("\n", "", "\n"));
    String name = input.getFileName().toString().replace(".jnp", ".diagnostics");
    Golden.assertMatches(input.resolveSibling(name), actual);
  }
}
