package dev.jnp.bench;

import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.syntax.SourceParser;
import dev.jnp.diagnostics.Result;
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

/** The parser alone: text to AST ({@code SourceParser.parse}), the sources of {@link CompileBenchmark}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx6g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmark {
  @Param({"10", "100", "1000", "10000"})
  public int workloads;

  private String source;

  @Setup
  public void setUp() {
    source = SyntheticSource.generate(workloads, "kubernetes");
    if (SourceParser.parse(SyntheticSource.PATH, source).hasErrors()) {
      throw new IllegalStateException("the generated source does not parse");
    }
  }

  @Benchmark
  public Result<JnpFile> parse() {
    return SourceParser.parse(SyntheticSource.PATH, source);
  }
}
