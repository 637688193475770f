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

/** The operands and options every command that compiles shares: files, engine, parameters. */
final class SourceOptions {
  static final Operands FILES = Operands.oneOrMore("FILE", "The .jnp files.");
  static final Option ENGINE = Option.single("E",
      "Target engine, overriding the files' 'engine': kubernetes, cilium, calico, clusterNetworkPolicy, or all.",
      "--engine");
  static final Option SET = Option.repeatable("K=V", "Set a parameter (repeatable; wins over --values).", "--set");
  static final Option VALUES = Option.repeatable("F", "A YAML file of parameter values, flat or nested (repeatable).", "--values");
  static final Option WARNINGS_AS_ERRORS = Option.flag("Treat warnings as errors.", "--warnings-as-errors");

  /** The options, with {@code extra} ones of the command and the standard {@code -h} and {@code -V}. */
  static List<Option> options(Option... extra) {
    List<Option> options = new ArrayList<>(List.of(ENGINE, SET, VALUES, WARNINGS_AS_ERRORS, Option.HELP, Option.VERSION));
    options.addAll(List.of(extra));
    return List.copyOf(options);
  }

  final Optional<String> engine;
  private final List<Path> files;
  private final List<String> sets;
  private final List<Path> valuesFiles;
  private final boolean warningsAsErrors;

  /** The sources and settings {@code arguments} name; fails on an engine jnp does not have. */
  SourceOptions(Arguments arguments) {
    Preparation.startInBackground();
    files = arguments.operandPaths();
    engine = arguments.value(ENGINE);
    sets = arguments.values(SET);
    valuesFiles = arguments.paths(VALUES);
    warningsAsErrors = arguments.has(WARNINGS_AS_ERRORS);
    validate();
  }

  /** What reading and compiling found: the sources read, and the compilation (if it ran). */
  record Outcome(Map<String, String> sources, List<Diagnostic> readProblems, Optional<Compilation> compilation) {
    List<Diagnostic> diagnostics() {
      return compilation.map(Compilation::diagnostics).orElse(readProblems);
    }

    boolean failed() {
      return compilation.map(Compilation::hasErrors).orElse(true);
    }
  }

  private void validate() {
    if (engine.isEmpty() || engine.get().equals(Options.ALL_ENGINES)) {
      return;
    }
    if (!Backends.ENGINES.contains(engine.get())) {
      throw new UsageError(
          "unknown engine '" + engine.get() + "'; the engines are " + String.join(", ", Backends.ENGINES) + ", or all");
    }
    if (Backends.forEngine(engine.get()).isEmpty()) {
      throw new UsageError("the " + engine.get() + " engine is not in this build of jnp");
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
    Options options = new Options(engine, settings, warningsAsErrors);
    return new Outcome(sources, List.of(), Optional.of(Compiler.compile(inputs, options)));
  }
}
