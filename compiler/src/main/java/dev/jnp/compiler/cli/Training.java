package dev.jnp.compiler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run that {@code ./jnp} makes its class cache from: the commands people run, on the
 * samples, in one JVM, their output dropped. A cache holds the classes, and the lambdas and
 * string concatenations linked, of the paths its training took; one {@code compile --engine all}
 * missed those of a file's own engine, of {@code check}, {@code verify} and diagnostics. Writes
 * nothing but under a temporary folder it deletes.
 */
public final class Training {
  private Training() {}

  /** {@code args[0]}: the folder of the samples ({@code samples/jaas}). */
  public static void main(String[] args) throws IOException {
    Path samples = Path.of(args[0]);
    List<String> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(samples)) {
      files.filter(f -> f.toString().endsWith(".jnp")).sorted().forEach(f -> sources.add(f.toString()));
    }
    String jaas = samples.resolve("jaas.jnp").toString();
    String values = samples.resolve("jaas.operator.values.yaml").toString();
    Path output = Files.createTempDirectory("jnp-training-");
    try {
      Path broken = Files.writeString(output.resolve("broken.jnp"), "workload web {\n  port http 8080\n  allow htp from any\n}\n");
      run("compile", broken.toString());
      for (String source : sources) {
        run("compile", source);
        run("check", source);
      }
      run("compile", "--engine", "all", jaas, "--values", values);
      run("compile", "--engine", "all", "-o", output.resolve("out").toString(), jaas, "--values", values);
      run("verify", "--engine", "all", jaas, "--values", values);
      run("check", "--format", "json", jaas);
      run("fmt", "--check", jaas);
      run("--help");
      run("compile", "--help");
    } finally {
      delete(output);
    }
  }

  private static void run(String... args) {
    Main.run(args, new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
