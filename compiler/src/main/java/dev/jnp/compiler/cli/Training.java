package dev.jnp.compiler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run that {@code ./jnp} makes its class cache from: the commands people run, on the
 * samples, in one JVM, their output dropped. A cache holds the classes, and the lambdas and
 * string concatenations linked, of the paths its training took; one {@code compile --engine all}
 * missed those of a file's own engine, of {@code check}, {@code verify} and diagnostics. Writes
 * nothing but under a temporary folder it deletes.
 *
 * <p>Two trainings: {@link Scope#CORE} runs only what needs nothing of Jackson (no {@code
 * --values}, no {@code --format json|sarif}); {@link Scope#FULL} runs those too. A JDK 25 AOT
 * cache loads every class it holds at start, so the launcher keeps one cache of each and takes
 * the core one for the runs that need nothing more (docs/decisions.md, "Start-up and
 * dependencies").
 */
public final class Training {
  private Training() {}

  /** Which commands a training runs: its scope. */
  public enum Scope {
    /** compile, check, verify, fmt and help, with parameters set by {@code --set} only. */
    CORE,
    /** CORE, and {@code --values} files and JSON diagnostics: what needs Jackson. */
    FULL
  }

  /**
   * {@code args[0]}: the folder of the samples ({@code samples/jaas}); {@code args[1]}, optional:
   * {@code core} or {@code full} (the default).
   */
  public static void main(String[] args) throws IOException {
    train(Path.of(args[0]), args.length > 1 && args[1].equals("core") ? Scope.CORE : Scope.FULL);
  }

  /** Runs the commands of {@code scope} on the samples in {@code samples}. */
  public static void train(Path samples, Scope scope) throws IOException {
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
      // A syntax error: the only files ANTLR's parser reads (the others the predictive parser does).
      Path mistyped = Files.writeString(output.resolve("mistyped.jnp"), "workload web {\n  allow from\n}\n");
      run("compile", mistyped.toString());
      for (String source : sources) {
        run("compile", source);
        run("check", source);
      }
      // The values of jaas.operator.values.yaml, as --set: the same paths but the YAML reading.
      String[] operator = {"--set", "operator=true", "--set", "webhook=true", "--set", "metrics=true",
          "--set", "s3=true", "--set", "tracing=true"};
      String[] parameters = scope == Scope.FULL ? new String[] {"--values", values} : operator;
      run(concat(new String[] {"compile", "--engine", "all", jaas}, parameters));
      run(concat(new String[] {"compile", "--engine", "all", "-o", output.resolve("out").toString(), jaas}, parameters));
      run(concat(new String[] {"verify", "--engine", "all", jaas}, parameters));
      if (scope == Scope.FULL) {
        run("check", "--format", "json", jaas);
      }
      run("fmt", "--check", jaas);
      run("--help");
      run("compile", "--help");
    } finally {
      delete(output);
    }
  }

  private static String[] concat(String[] first, String[] second) {
    String[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
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
