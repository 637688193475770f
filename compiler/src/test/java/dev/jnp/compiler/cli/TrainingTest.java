package dev.jnp.compiler.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training runs, core and full, go through their commands and change no sample. */
class TrainingTest {
  @ParameterizedTest
  @EnumSource(Training.Scope.class)
  void runsOnTheSamplesAndLeavesThemAsTheyWere(Training.Scope scope, @TempDir Path copy) throws IOException {
    Path samples = Path.of("..", "samples", "jaas");
    try (Stream<Path> files = Files.list(samples)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, copy.resolve(file.getFileName().toString()));
      }
    }
    Map<String, String> before = contents(copy);

    Training.train(copy, scope);

    assertThat(contents(copy)).isEqualTo(before);
  }

  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> contents = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        contents.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    return contents;
  }
}
