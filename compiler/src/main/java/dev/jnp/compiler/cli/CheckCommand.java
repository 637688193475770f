package dev.jnp.compiler.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jnp check}: every diagnostic, and nothing else. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Check .jnp files and print their diagnostics; renders nothing.")
final class CheckCommand implements Callable<Integer> {
  /** Output formats of {@code --format}. */
  enum Format {
    text,
    json,
    sarif
  }

  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Option(names = "--format", paramLabel = "F", description = "text (default), json or sarif.")
  Format format = Format.text;

  @Override
  public Integer call() {
    source.validate(spec);
    PrintWriter out = spec.commandLine().getOut();
    SourceOptions.Outcome outcome = source.compile();
    DiagnosticRenderer renderer = new DiagnosticRenderer(outcome.sources());
    out.print(switch (format) {
      case text -> renderer.text(outcome.diagnostics());
      case json -> renderer.json(outcome.diagnostics());
      case sarif -> renderer.sarif(outcome.diagnostics());
    });
    out.flush();
    return outcome.failed() ? Main.INPUT_ERRORS : Main.OK;
  }
}
