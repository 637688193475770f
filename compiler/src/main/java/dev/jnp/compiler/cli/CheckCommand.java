package dev.jnp.compiler.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** {@code jnp check}: every diagnostic, and nothing else. */
final class CheckCommand implements Command {
  static final Option FORMAT = Option.single("F", "text (default), json or sarif.", "--format").oneOf("text", "json", "sarif");

  @Override
  public String name() {
    return "check";
  }

  @Override
  public List<String> description() {
    return List.of("Check .jnp files and print their diagnostics; renders nothing.");
  }

  @Override
  public List<Option> options() {
    return SourceOptions.options(FORMAT);
  }

  @Override
  public Optional<Operands> operands() {
    return Optional.of(SourceOptions.FILES);
  }

  @Override
  public int run(Arguments arguments, PrintWriter out, PrintWriter err) {
    SourceOptions source = new SourceOptions(arguments);
    String format = arguments.value(FORMAT).orElse("text");
    SourceOptions.Outcome outcome = source.compile();
    DiagnosticRenderer renderer = new DiagnosticRenderer(outcome.sources());
    out.print(switch (format) {
      case "json" -> renderer.json(outcome.diagnostics());
      case "sarif" -> renderer.sarif(outcome.diagnostics());
      default -> renderer.text(outcome.diagnostics());
    });
    out.flush();
    return outcome.failed() ? Main.INPUT_ERRORS : Main.OK;
  }
}
