package dev.jnp.compiler.cli;

import dev.jnp.compiler.Compilation;
import dev.jnp.compiler.Compiler;
import dev.jnp.compiler.Options;
import dev.jnp.compiler.SourceInput;
import dev.jnp.compiler.check.Setting;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Diagnostics;
import dev.jnp.engine.Backends;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** The options every command that compiles shares: files, engine, parameters. */
final class SourceOptions {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .jnp files.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--engine",
      paramLabel = "E",
      description = "Target engine, overriding the files' 'engine': kubernetes, cilium, calico,"
          + " clusterNetworkPolicy, or all.")
  String engine;

  @Option(names = "--set", paramLabel = "K=V", description = "Set a parameter (repeatable; wins over --values).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--values", paramLabel = "F", description = "A YAML file of parameter values, flat or nested (repeatable).")
  List<Path> valuesFiles = new ArrayList<>();

  @Option(names = "--warnings-as-errors", description = "Treat warnings as errors.")
  boolean warningsAsErrors;

  /** What reading and compiling found: the sources read, and the compilation (if it ran). */
  record Outcome(Map<String, String> sources, List<Diagnostic> readProblems, Optional<Compilation> compilation) {
    List<Diagnostic> diagnostics() {
      return compilation.map(Compilation::diagnostics).orElse(readProblems);
    }

    boolean failed() {
      return compilation.map(Compilation::hasErrors).orElse(true);
    }
  }

  void validate(CommandSpec spec) {
    if (engine != null && !engine.equals(Options.ALL_ENGINES) && !Backends.ENGINES.contains(engine)) {
      throw new ParameterException(spec.commandLine(),
          "unknown engine '" + engine + "'; the engines are " + String.join(", ", Backends.ENGINES) + ", or all");
    }
    if (engine != null && Backends.forEngine(engine).isEmpty() && !engine.equals(Options.ALL_ENGINES)) {
      throw new ParameterException(spec.commandLine(), "the " + engine + " engine is not in this build of jnp");
    }
  }

  Outcome compile() {
    Diagnostics problems = new Diagnostics();
    List<SourceInput> inputs = Inputs.sources(files, problems);
    List<Setting> settings = Inputs.settings(valuesFiles, sets, problems);
    Map<String, String> sources = new LinkedHashMap<>();
    inputs.forEach(i -> sources.put(i.path(), i.text()));
    if (problems.hasErrors()) {
      return new Outcome(sources, problems.sorted(), Optional.empty());
    }
    Options options = new Options(Optional.ofNullable(engine), settings, warningsAsErrors);
    return new Outcome(sources, List.of(), Optional.of(Compiler.compile(inputs, options)));
  }
}
