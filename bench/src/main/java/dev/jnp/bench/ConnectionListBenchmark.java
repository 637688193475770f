package dev.jnp.bench;

import dev.jnp.flows.ConnectionList;
import dev.jnp.flows.ManifestReader;
import dev.jnp.flows.Manifests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code jnp analyze} on netpol-analyzer conformance cases: {@code ConnectionList.analyze} over
 * manifests read once in setup, the output checked against the case's {@code expected.txt}.
 * The cases are read from {@code -Djnp.shared=DIR} ({@code DIR/conformance/netpol-analyzer}), or
 * from {@code ../shared} beside the repository.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConnectionListBenchmark {
  /** Small (17 lines), named ports (378 lines), many address blocks (23,943 lines). */
  @Param({"onlineboutique", "test_with_named_ports", "ipblockstest_4"})
  public String conformanceCase;

  @Param({"kubernetes", "cilium", "calico", "clusterNetworkPolicy"})
  public String engine;

  private Manifests manifests;

  @Setup
  public void setUp() throws Exception {
    Path folder = conformance().resolve(conformanceCase);
    manifests = ManifestReader.read(List.of(folder));
    String expected = Files.readString(folder.resolve("expected.txt"), StandardCharsets.UTF_8);
    if (!analyze().equals(expected)) {
      throw new IllegalStateException(conformanceCase + " on " + engine + " does not give expected.txt");
    }
  }

  @Benchmark
  public String analyze() {
    return ConnectionList.analyze(manifests, engine);
  }

  /** {@code DIR/conformance/netpol-analyzer}, DIR from {@code jnp.shared} or {@code ../shared}. */
  static Path conformance() {
    String shared = System.getProperty("jnp.shared");
    if (shared != null && !shared.isBlank()) {
      return Path.of(shared, "conformance", "netpol-analyzer");
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("conformance").resolve("netpol-analyzer");
      if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no conformance cases: set -Djnp.shared=DIR (DIR/conformance/netpol-analyzer)");
  }
}
