package dev.jnp.compiler.fuzz;

import static com.google.common.truth.Truth.assertWithMessage;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jnp.compiler.cli.Main;
import dev.jnp.engine.Backends;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Jazzer fuzz test of {@code jnp analyze}: whatever the bytes of a manifest file, every engine's
 * analysis exits 0 (what it cannot read is a warning) or 1 (not UTF-8), and never reports an
 * internal error. It runs as a regression test over the seed corpus in {@code
 * src/test/resources/dev/jnp/compiler/fuzz/ManifestFuzzTestInputs/analyzeForEveryEngine/} (small
 * clusters with a policy of each engine) in every build; with {@code JAZZER_FUZZ=1} it fuzzes
 * (docs/fuzzing.md). Mutations draw on the Kubernetes and policy field names in {@code
 * manifests.dict}.
 */
class ManifestFuzzTest {
  private static Path file;

  @FuzzTest(maxDuration = "15m")
  @DictionaryFile(resourcePath = "/dev/jnp/compiler/fuzz/manifests.dict")
  void analyzeForEveryEngine(byte[] input) throws IOException {
    Files.write(file(), input);
    for (String engine : Backends.ENGINES) {
      StringWriter err = new StringWriter();
      int status = Main.run(
          new String[] {"analyze", "--engine", engine, file().toString()},
          new PrintWriter(Writer.nullWriter()),
          new PrintWriter(err));
      String text = new String(input, StandardCharsets.UTF_8);
      assertWithMessage("exit status of jnp analyze --engine %s for:\n%s\nstderr:\n%s", engine, text, err)
          .that(status).isAnyOf(Main.OK, Main.INPUT_ERRORS);
      assertWithMessage("stderr for:\n%s", text).that(err.toString()).doesNotContain("internal error");
    }
  }

  /** One file, rewritten for each input; deleted when the JVM exits. */
  private static synchronized Path file() {
    if (file == null) {
      try {
        Path dir = Files.createTempDirectory("jnp-fuzz-manifests-");
        file = dir.resolve("cluster.yaml");
        dir.toFile().deleteOnExit();
        file.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return file;
  }
}
