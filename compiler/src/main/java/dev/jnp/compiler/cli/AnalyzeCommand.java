package dev.jnp.compiler.cli;

import dev.jnp.engine.Backends;
import dev.jnp.flows.ConnectionList;
import dev.jnp.flows.ManifestReader;
import dev.jnp.flows.Manifests;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jnp analyze}: the connections a cluster's manifests and policies allow, in np-guard
 * netpol-analyzer's {@code list} format, so clusters not written in jnp can be checked too.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "List the connections that the policies in some manifests allow between their"
        + " workloads (netpol-analyzer's list format).")
final class AnalyzeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "Manifests: YAML or JSON files, or folders of them.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--engine", paramLabel = "E", description = "Whose policy objects to evaluate (default kubernetes).")
  String engine = "kubernetes";

  @Override
  public Integer call() {
    if (!Backends.ENGINES.contains(engine)) {
      throw new ParameterException(spec.commandLine(),
          "unknown engine '" + engine + "'; the engines are " + String.join(", ", Backends.ENGINES));
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        err.println(input + ": error[JNP0901]: no such file or folder");
        return Main.INPUT_ERRORS;
      }
    }
    Manifests manifests;
    try {
      manifests = ManifestReader.read(inputs);
    } catch (UncheckedIOException e) {
      err.println("jnp: error[JNP0902]: cannot read the manifests: " + e.getCause().getMessage().lines().findFirst().orElse(""));
      return Main.INPUT_ERRORS;
    }
    out.print(ConnectionList.analyze(manifests, engine));
    out.flush();
    return Main.OK;
  }
}
