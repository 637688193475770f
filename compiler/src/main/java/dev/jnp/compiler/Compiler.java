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
 */
public final class Compiler {
  /** Allowlists rendered and written as one task: a file of a few is written on the calling thread. */
  static final int ALLOWLISTS_PER_RUN = 64;

  private Compiler() {}

  /** One checked and lowered file: the engine it targets, its policies and its expectations. */
  private record Lowered(String engine, PolicySet policies, Expectations expectations) {}

  public static Compilation compile(List<SourceInput> inputs, Options options) {
    Diagnostics diagnostics = new Diagnostics();
    Map<String, Setting> settings = new LinkedHashMap<>();
    options.settings().forEach(s -> settings.put(s.name(), s));
    Set<String> declaredParams = new LinkedHashSet<>();
    List<Lowered> lowered = new ArrayList<>();

    // Files are read independently (in parallel when there are several) and taken in path
    // order, so the output does not depend on the order they were named in or finished in.
    List<SourceInput> ordered = inputs.stream().sorted((a, b) -> a.path().compareTo(b.path())).toList();
    for (FrontEnd file : Parallel.map(ordered, input -> frontEnd(input, settings, options))) {
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

    List<Diagnostic> found = diagnostics.sorted().stream().distinct().toList();
    if (options.warningsAsErrors()) {
      found = found.stream().map(d -> d.severity() == Severity.WARNING ? d.withSeverity(Severity.ERROR) : d).toList();
    }
    boolean failed = found.stream().anyMatch(Diagnostic::isError);
    return new Compilation(found, failed ? Map.of() : manifests, checked);
  }

  /**
   * What the front end made of one file: its diagnostics, the parameters it declares, and the
   * file checked and lowered (none when it has errors).
   */
  private record FrontEnd(
      List<Diagnostic> diagnostics, Set<String> parameters, Optional<Lowered> lowered) {}

  /** Parses, checks and lowers one file. */
  private static FrontEnd frontEnd(SourceInput input, Map<String, Setting> settings, Options options) {
    Result<JnpFile> parsed = SourceParser.parse(input.path(), input.text());
    if (parsed.hasErrors()) {
      return new FrontEnd(parsed.diagnostics(), Set.of(), Optional.empty());
    }
    JnpFile file = parsed.value().orElseThrow();
    Diagnostics fileDiagnostics = new Diagnostics();
    Parameters parameters = Parameters.of(file, settings, fileDiagnostics);
    Checker.check(file, parameters, fileDiagnostics);
    Optional<Lowered> lowered = Optional.empty();
    if (!fileDiagnostics.hasErrors()) {
      PolicySet policies = Lowering.lower(file, parameters, fileDiagnostics);
      Expectations expectations = ExpectationLowering.lower(file, parameters, policies);
      String engine = engineOf(file, parameters, options);
      lowered = Optional.of(new Lowered(engine, policies, expectations));
    }
    List<Diagnostic> found = new ArrayList<>(parsed.diagnostics());
    found.addAll(fileDiagnostics.sorted());
    return new FrontEnd(found, parameters.names(), lowered);
  }

  /**
   * What one engine made of some files: its objects, written, what it reported, and how many
   * expectations were evaluated on its output (none when no file was rendered).
   */
  private record Rendered(
      List<Manifest> manifests, List<Diagnostic> diagnostics, Optional<Integer> expectationsChecked) {}

  /**
   * The objects of {@code engine} for {@code files}, each written as soon as it is rendered: what
   * the engine cannot express is reported, and each file's expectations are evaluated on what was
   * written for it.
   */
  private static Rendered render(String engine, List<Lowered> files) {
    Backend backend = Backends.forEngine(engine)
        .orElseThrow(() -> new IllegalStateException("no backend for " + engine));
    List<Manifest> written = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Optional<Integer> checked = Optional.empty();
    for (Lowered file : files) {
      List<Diagnostic> capability = backend.check(file.policies());
      diagnostics.addAll(capability);
      if (capability.stream().anyMatch(Diagnostic::isError)) {
        continue;
      }
      List<Manifest> manifests = write(backend, file.policies());
      // An expect that does not hold is an error of compile too: the output is not written.
      diagnostics.addAll(Verifier.verify(engine, manifests, file.expectations()));
      checked = Optional.of(checked.orElse(0) + file.expectations().expectations().size());
      written.addAll(manifests);
    }
    return new Rendered(written, diagnostics, checked);
  }

  /**
   * The objects of {@code policies}, each written as soon as it is rendered, its tree dropped. A
   * large file's allowlists are rendered and written in runs on the machine's cores, and taken in
   * source order.
   */
  private static List<Manifest> write(Backend backend, PolicySet policies) {
    List<Manifest> manifests = new ArrayList<>();
    List<List<Allowlist>> runs = Parallel.runs(policies.allowlists(), ALLOWLISTS_PER_RUN);
    for (List<Manifest> run : Parallel.map(runs, run -> run.stream().map(a -> Manifest.of(backend.render(a, policies))).toList())) {
      manifests.addAll(run);
    }
    for (DefaultDeny deny : policies.defaultDenies()) {
      manifests.add(Manifest.of(backend.render(deny)));
    }
    return manifests;
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
    if (options.engine().isPresent()) {
      return options.engine().get().equals(Options.ALL_ENGINES) ? Backends.available() : List.of(options.engine().get());
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
