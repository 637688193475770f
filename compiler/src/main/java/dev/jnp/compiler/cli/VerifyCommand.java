package dev.jnp.compiler.cli;

import dev.jnp.compiler.Compilation;
import dev.jnp.compiler.verify.Verifier;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jnp verify}: renders for each engine, reads the objects back from their YAML, and
 * evaluates every {@code expect} under that engine's semantics.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Check every 'expect' against the objects rendered for the engine (--engine all:"
        + " every engine), read back from YAML and evaluated under that engine's semantics.")
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Override
  public Integer call() {
    source.validate(spec);
    PrintWriter out = spec.commandLine().getOut();
    SourceOptions.Outcome outcome = source.compile();
    DiagnosticRenderer renderer = new DiagnosticRenderer(outcome.sources());
    out.print(renderer.text(outcome.diagnostics()));
    if (outcome.compilation().isPresent()) {
      Compilation compilation = outcome.compilation().get();
      for (Map.Entry<String, Integer> engine : compilation.expectationsChecked().entrySet()) {
        long failed = compilation.diagnostics().stream()
            .filter(d -> d.code().equals(Verifier.FAILED) && d.message().startsWith("on " + engine.getKey() + ","))
            .count();
        out.println(engine.getKey() + ": " + (engine.getValue() - failed) + " of " + engine.getValue() + " expectations hold");
      }
    }
    out.flush();
    return outcome.failed() ? Main.INPUT_ERRORS : Main.OK;
  }
}
