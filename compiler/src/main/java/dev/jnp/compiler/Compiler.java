package dev.jnp.compiler;

import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.check.Checker;
import dev.jnp.compiler.check.Codes;
import dev.jnp.compiler.check.Parameters;
import dev.jnp.compiler.check.Resolver;
import dev.jnp.compiler.check.Setting;
import dev.jnp.compiler.check.Suggestions;
import dev.jnp.compiler.lower.Lowering;
import dev.jnp.compiler.syntax.SourceParser;
import dev.jnp.compiler.verify.ExpectationLowering;
import dev.jnp.compiler.verify.Expectations;
import dev.jnp.compiler.verify.Verifier;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Diagnostics;
import dev.jnp.diagnostics.Result;
import dev.jnp.diagnostics.Severity;
import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.engine.Backend;
import dev.jnp.engine.Backends;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.DefaultDeny;
import dev.jnp.ir.PolicySet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole pipeline: parse, check, lower, then for each engine check capabilities, render, and
 * evaluate the file's expectations on what was rendered (read back from YAML).
 * Files are taken in path order, so the output does not depend on the order they were named in.
 *
 * <p>A file's declarations are taken in runs, each checked, lowered, and checked and rendered for
 * each engine in turn while what it is made of is still in the processor's cache: taken phase by
 * phase over a large file, each phase read the last one's output back from memory, at twice the
 * cost (docs/decisions.md, "A run at a time"). What a run makes is kept only when the whole file
 * holds no error.
 */
public final class Compiler {
  /** Declarations taken as one task: a file of a few is compiled on the calling thread. */
  static final int DECLARATIONS_PER_RUN = 64;

  private Compiler() {}

  /**
   * One checked and lowered file: the engine it targets, its policies, its expectations, and for
   * each engine it is rendered for, its allowlists checked and rendered.
   */
  private record Lowered(
      String engine, PolicySet policies, Expectations expectations, Map<String, RenderedAllowlists> rendered) {}

  public static Compilation compile(List<SourceInput> inputs, Options options) {
    return compile(inputs, options, DECLARATIONS_PER_RUN);
  }

  /** As {@link #compile(List, Options)}, a file's declarations taken in runs of {@code runSize}. */
  static Compilation compile(List<SourceInput> inputs, Options options, int runSize) {
    Diagnostics diagnostics = new Diagnostics();
    Map<String, Setting> settings = new LinkedHashMap<>();
    options.settings().forEach(s -> settings.put(s.name(), s));
    Set<String> declaredParams = new LinkedHashSet<>();
    List<Lowered> lowered = new ArrayList<>();

    // Files are read independently (in parallel when there are several) and taken in path
    // order, so the output does not depend on the order they were named in or finished in.
    List<SourceInput> ordered = inputs.stream().sorted((a, b) -> a.path().compareTo(b.path())).toList();
    for (FrontEnd file : Parallel.map(ordered, input -> frontEnd(input, settings, options, runSize))) {
      diagnostics.addAll(file.diagnostics());
      declaredParams.addAll(file.parameters());
      file.lowered().ifPresent(lowered::add);
    }
    for (Setting setting : settings.values()) {
      if (!declaredParams.contains(setting.name())) {
        diagnostics.add(
            Diagnostic.error(Codes.UNDECLARED_SETTING, setting.origin(), "no file declares parameter '" + setting.name() + "'")
                .withHint(Suggestions.closest(setting.name(), declaredParams)
                    .map(s -> "did you mean '" + s + "'?")
                    .orElse("declare it with 'param " + setting.name() + " = …', or drop the setting")));
      }
    }
    checkObjectNames(lowered, diagnostics);

    // Engines are rendered independently (in parallel when there are several); their results
    // are taken in engine order, so the output does not depend on which finished first.
    List<String> engines = engines(lowered, options);
    List<Rendered> renderings = Parallel.map(engines, engine -> render(engine, lowered.stream()
        .filter(file -> options.engine().isPresent() || file.engine().equals(engine))
        .toList()));
    Map<String, List<Manifest>> manifests = new LinkedHashMap<>();
    Map<String, Integer> checked = new LinkedHashMap<>();
    for (int i = 0; i < engines.size(); i++) {
      String engine = engines.get(i);
      Rendered rendered = renderings.get(i);
      manifests.put(engine, rendered.manifests());
      diagnostics.addAll(rendered.diagnostics());
      rendered.expectationsChecked().ifPresent(count -> checked.put(engine, count));
    }

    List<Diagnostic> found = Diagnostic.distinct(diagnostics.sorted());
    if (options.warningsAsErrors()) {
      found = found.stream().map(d -> d.severity() == Severity.WARNING ? d.withSeverity(Severity.ERROR) : d).toList();
    }
    boolean failed = Diagnostic.anyError(found);
    return new Compilation(found, failed ? Map.of() : manifests, checked);
  }

  /**
   * What the front end made of one file: its diagnostics, the parameters it declares, and the
   * file checked and lowered (none when it has errors).
   */
  private record FrontEnd(
      List<Diagnostic> diagnostics, Set<String> parameters, Optional<Lowered> lowered) {}

  /**
   * What one run of a file's declarations made: what checking it found, and when it is clean and
   * so is the file as a whole, its allowlists and, for each engine, their objects.
   */
  private record Run(
      Checker.CheckedRun checked, Optional<Lowering.LoweredRun> lowered, Map<String, RenderedAllowlists> rendered) {}

  /** Parses, checks and lowers one file, and renders its allowlists for the engines it is for. */
  private static FrontEnd frontEnd(SourceInput input, Map<String, Setting> settings, Options options, int runSize) {
    Result<JnpFile> parsed = SourceParser.parse(input.path(), input.text());
    if (parsed.hasErrors()) {
      return new FrontEnd(parsed.diagnostics(), Set.of(), Optional.empty());
    }
    JnpFile file = parsed.value().orElseThrow();
    Diagnostics fileDiagnostics = new Diagnostics();
    Parameters parameters = Parameters.of(file, settings, fileDiagnostics);
    Checker checker = Checker.of(file, parameters, fileDiagnostics);
    boolean wholeClean = !fileDiagnostics.hasErrors();
    Optional<Lowering> lowering = wholeClean ? Optional.of(Lowering.of(file, parameters)) : Optional.empty();
    List<Backend> backends = wholeClean ? backends(targets(file, parameters, options)) : List.of();
    List<Run> runs = Parallel.map(
        Parallel.runs(file.declarations(), runSize), run -> run(run, checker, lowering, backends));
    checker.join(runs.stream().map(Run::checked).toList());
    Optional<Lowered> lowered = Optional.empty();
    if (!fileDiagnostics.hasErrors()) {
      PolicySet policies = lowering.orElseThrow()
          .join(runs.stream().map(run -> run.lowered().orElseThrow()).toList(), fileDiagnostics);
      Expectations expectations = ExpectationLowering.lower(file, parameters, policies);
      Map<String, RenderedAllowlists> rendered = new LinkedHashMap<>();
      for (Backend backend : backends) {
        rendered.put(backend.engine(), RenderedAllowlists.join(runs.stream().map(run -> run.rendered().get(backend.engine())).toList()));
      }
      lowered = Optional.of(new Lowered(engineOf(file, parameters, options), policies, expectations, rendered));
    }
    List<Diagnostic> found = new ArrayList<>(parsed.diagnostics());
    found.addAll(fileDiagnostics.sorted());
    return new FrontEnd(found, parameters.names(), lowered);
  }

  /**
   * Checks {@code declarations}, one run of a file, and when it is clean lowers it and checks and
   * renders its allowlists for each of {@code backends}.
   */
  private static Run run(
      List<Declaration> declarations, Checker checker, Optional<Lowering> lowering, List<Backend> backends) {
    Checker.CheckedRun checked = checker.check(declarations);
    if (!checked.clean() || lowering.isEmpty()) {
      return new Run(checked, Optional.empty(), Map.of());
    }
    Lowering.LoweredRun lowered = lowering.get().lower(declarations);
    PolicySet policies = new PolicySet(lowered.allowlists(), lowering.get().defaultDenies());
    Map<String, RenderedAllowlists> rendered = new LinkedHashMap<>();
    for (Backend backend : backends) {
      rendered.put(backend.engine(), RenderedAllowlists.of(backend, policies));
    }
    return new Run(checked, Optional.of(lowered), rendered);
  }

  /**
   * What one engine made of some files: its objects, written, what it reported, and how many
   * expectations were evaluated on its output (none when no file was rendered).
   */
  private record Rendered(
      List<Manifest> manifests, List<Diagnostic> diagnostics, Optional<Integer> expectationsChecked) {}

  /**
   * The objects of {@code engine} for {@code files}, whose allowlists the front end rendered: what
   * the engine cannot express is reported, and each file's expectations are evaluated on what was
   * written for it.
   */
  private static Rendered render(String engine, List<Lowered> files) {
    Backend backend = backend(engine);
    List<Manifest> written = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Optional<Integer> checked = Optional.empty();
    for (Lowered file : files) {
      RenderedAllowlists allowlists = file.rendered().get(engine);
      List<Diagnostic> capability = new ArrayList<>(allowlists.capability());
      capability.addAll(backend.checkSet(file.policies()));
      diagnostics.addAll(capability);
      if (capability.stream().anyMatch(Diagnostic::isError)) {
        continue;
      }
      List<Manifest> manifests = new ArrayList<>(allowlists.manifests());
      for (DefaultDeny deny : file.policies().defaultDenies()) {
        manifests.add(Manifest.of(backend, deny));
      }
      // An expect that does not hold is an error of compile too: the output is not written.
      diagnostics.addAll(Verifier.verify(engine, manifests, file.expectations()));
      checked = Optional.of(checked.orElse(0) + file.expectations().expectations().size());
      written.addAll(manifests);
    }
    return new Rendered(written, diagnostics, checked);
  }

  private static Backend backend(String engine) {
    return Backends.forEngine(engine).orElseThrow(() -> new IllegalStateException("no backend for " + engine));
  }

  private static List<Backend> backends(List<String> engines) {
    return engines.stream().map(Compiler::backend).toList();
  }

  /** The engines {@code file} is rendered for: those asked for on the command line, else its own. */
  private static List<String> targets(JnpFile file, Parameters parameters, Options options) {
    return requested(options).orElseGet(() -> List.of(engineOf(file, parameters, options)));
  }

  /** The engines asked for on the command line, if any: every file is rendered for them. */
  private static Optional<List<String>> requested(Options options) {
    return options.engine()
        .map(engine -> engine.equals(Options.ALL_ENGINES) ? Backends.available() : List.of(engine));
  }

  private static String engineOf(JnpFile file, Parameters parameters, Options options) {
    if (options.engine().isPresent() && !options.engine().get().equals(Options.ALL_ENGINES)) {
      return options.engine().get();
    }
    Resolver resolver = new Resolver(parameters, new Diagnostics());
    return file.all(Declaration.Engine.class).stream()
        .findFirst()
        .flatMap(e -> resolver.text(e.engine()))
        .orElse("kubernetes");
  }

  private static List<String> engines(List<Lowered> lowered, Options options) {
    if (requested(options).isPresent()) {
      return requested(options).get();
    }
    Set<String> used = new LinkedHashSet<>();
    lowered.forEach(l -> used.add(l.engine()));
    return Backends.ENGINES.stream().filter(used::contains).toList();
  }

  /** Two objects of one name in one namespace would overwrite each other when applied. */
  private static void checkObjectNames(List<Lowered> lowered, Diagnostics diagnostics) {
    Map<String, SourceSpan> seen = new HashMap<>();
    for (Lowered file : lowered) {
      for (Allowlist allowlist : file.policies().allowlists()) {
        claim(seen, allowlist.namespace() + "/" + allowlist.name(), allowlist.span(), diagnostics);
      }
      for (DefaultDeny deny : file.policies().defaultDenies()) {
        claim(seen, deny.namespace() + "/default-deny", deny.span(), diagnostics);
      }
    }
  }

  private static void claim(
      Map<String, SourceSpan> seen, String object, SourceSpan span, Diagnostics diagnostics) {
    SourceSpan first = seen.putIfAbsent(object, span);
    if (first != null) {
      diagnostics.add(
          Diagnostic.error(Codes.DUPLICATE_OBJECT, span, "this renders policy '" + object + "', which " + first + " renders too")
              .withHint("rename the workload; one namespace holds one policy of a name"));
    }
  }
}
