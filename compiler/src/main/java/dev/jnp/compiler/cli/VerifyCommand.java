package dev.jnp.compiler.cli;

import dev.jnp.compiler.Compilation;
import dev.jnp.compiler.verify.Verifier;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code jnp verify}: renders for each engine, reads the objects back from their YAML, and
 * evaluates every {@code expect} under that engine's semantics.
 */
final class VerifyCommand implements Command {
  @Override
  public String name() {
    return "verify";
  }

  @Override
  public List<String> description() {
    return List.of("Check every 'expect' against the objects rendered for the engine (--engine all: every engine),"
        + " read back from YAML and evaluated under that engine's semantics.");
  }

  @Override
  public List<Option> options() {
    return SourceOptions.options();
  }

  @Override
  public Optional<Operands> operands() {
    return Optional.of(SourceOptions.FILES);
  }

  @Override
  public int run(Arguments arguments, PrintWriter out, PrintWriter err) {
    SourceOptions source = new SourceOptions(arguments);
    SourceOptions.Outcome outcome = source.compile();
    DiagnosticRenderer renderer = new DiagnosticRenderer(outcome.sources());
    renderer.print(outcome.diagnostics(), out);
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
