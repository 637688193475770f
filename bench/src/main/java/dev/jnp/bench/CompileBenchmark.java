package dev.jnp.bench;

import dev.jnp.compiler.Compilation;
import dev.jnp.compiler.Compiler;
import dev.jnp.compiler.SourceInput;
import dev.jnp.yaml.YamlWriter;
import java.util.List;
import java.util.Map;
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
 * Compile throughput against its floor. {@link #compile} is what {@code jnp compile --engine E}
 * does in memory: parse, check, lower, render and write the YAML stream. {@link #serialize} only
 * writes the same object trees (rendered once, in setup, and read back from what the compiler
 * wrote, which keeps no trees; setup checks they are written as the same bytes) with the same
 * writer: no compiler can be faster than that, so {@code compile / serialize} is the compiler's own overhead. Both run under
 * the collector {@code ./jnp} runs (the parallel one); under G1 the parse of 10,000 workloads
 * took up to 2.5 times as long, its tree and tokens copied by the collector.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx6g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CompileBenchmark {
  @Param({"kubernetes", "cilium", "calico", "clusterNetworkPolicy"})
  public String engine;

  @Param({"10", "100", "1000", "10000"})
  public int workloads;

  private List<SourceInput> inputs;
  private List<Map<String, Object>> trees;

  @Setup
  public void setUp() {
    String source = SyntheticSource.generate(workloads, engine);
    inputs = List.of(new SourceInput(SyntheticSource.PATH, source));
    trees = SyntheticSource.trees(SyntheticSource.compile(source, engine));
  }

  @Benchmark
  public String compile() {
    Compilation compilation = Compiler.compile(inputs, SyntheticSource.options(engine));
    if (compilation.hasErrors()) {
      throw new IllegalStateException("compile failed: " + compilation.diagnostics());
    }
    return SyntheticSource.stream(compilation);
  }

  @Benchmark
  public String serialize() {
    return YamlWriter.writeAll(trees);
  }
}
