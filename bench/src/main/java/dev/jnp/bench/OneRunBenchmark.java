package dev.jnp.bench;

import dev.jnp.compiler.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One run of {@code jnp compile FILE --engine E} through the CLI ({@code Main.run}), the YAML
 * stream going to a writer that drops it. {@link #cold} is the first run in a fresh JVM (class
 * loading, interpreter, JIT: what a user waits for), one shot per fork; {@link #warm} the same
 * run once the JVM is warm. The issue asks for 2,000 workloads on all four engines in at most
 * four times the time of 20 workloads.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OneRunBenchmark {
  /** {@code kubernetes} compiles for that engine; {@code all} for the four. */
  @Param({"kubernetes", "all"})
  public String engine;

  @Param({"20", "2000"})
  public int workloads;

  private Path file;
  private final StringWriter errors = new StringWriter();
  private final PrintWriter out = new PrintWriter(Writer.nullWriter());
  private final PrintWriter err = new PrintWriter(errors);

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    file = Files.createTempFile("jnp-bench-", ".jnp");
    Files.writeString(file, SyntheticSource.generate(workloads, engine), StandardCharsets.UTF_8);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  private int run() {
    int status = Main.run(new String[] {"compile", "--engine", engine, file.toString()}, out, err);
    if (status != Main.OK) {
      throw new IllegalStateException("jnp compile exited " + status + ": " + errors);
    }
    return status;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(value = 10, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public int cold() {
    return run();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public int warm() {
    return run();
  }
}
