package dev.jnp.compiler.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jnp.engine.Backends;
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
  private static final FuzzedFile FILE = new FuzzedFile("cluster.yaml");

  @FuzzTest(maxDuration = "60m", maxExecutions = 1_000_000)
  @DictionaryFile(resourcePath = "/dev/jnp/compiler/fuzz/manifests.dict")
  void analyzeForEveryEngine(byte[] input) {
    Path file = FILE.write(input);
    for (String engine : Backends.ENGINES) {
      FuzzedFile.assertRunsCleanly(input, "analyze", "--engine", engine, file.toString());
    }
  }
}
