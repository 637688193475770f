package dev.jnp.compiler.cli;

import dev.jnp.compiler.check.Codes;
import dev.jnp.engine.Backends;
import dev.jnp.flows.ConnectionList;
import dev.jnp.flows.ManifestReader;
import dev.jnp.flows.Manifests;
import dev.jnp.flows.PolicyEvaluator;
import dev.jnp.flows.PolicyEvaluators;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code jnp analyze}: the connections a cluster's manifests and policies allow, in np-guard
 * netpol-analyzer's {@code list} format, so clusters not written in jnp can be checked too.
 */
final class AnalyzeCommand implements Command {
  static final Option ENGINE = Option.single("E", "Whose policy objects to evaluate (default kubernetes).", "--engine");

  @Override
  public String name() {
    return "analyze";
  }

  @Override
  public List<String> description() {
    return List.of("List the connections that the policies in some manifests allow between their workloads"
        + " (netpol-analyzer's list format).");
  }

  @Override
  public List<Option> options() {
    return List.of(ENGINE, Option.HELP, Option.VERSION);
  }

  @Override
  public Optional<Operands> operands() {
    return Optional.of(Operands.oneOrMore("DIR|FILE", "Manifests: YAML or JSON files, or folders of them."));
  }

  @Override
  public int run(Arguments arguments, PrintWriter out, PrintWriter err) {
    String engine = arguments.value(ENGINE).orElse("kubernetes");
    if (!Backends.ENGINES.contains(engine)) {
      throw new UsageError("unknown engine '" + engine + "'; the engines are " + String.join(", ", Backends.ENGINES));
    }
    List<Path> inputs = arguments.operandPaths();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        err.println(input + ": error[" + Codes.UNREADABLE + "]: no such file or folder");
        return Main.INPUT_ERRORS;
      }
    }
    Manifests manifests;
    try {
      manifests = ManifestReader.read(inputs);
    } catch (UncheckedIOException e) {
      String code = e.getCause() instanceof CharacterCodingException ? Codes.BAD_ENCODING : Codes.UNREADABLE;
      err.println("jnp: error[" + code + "]: cannot read the manifests: " + e.getMessage().lines().findFirst().orElse(""));
      return Main.INPUT_ERRORS;
    }
    // What was skipped or read in part, as netpol-analyzer does: said, and the rest listed.
    PolicyEvaluator evaluator = PolicyEvaluators.forEngine(engine, manifests.policies());
    for (String warning : manifests.warnings()) {
      err.println("jnp: warning[" + Codes.SKIPPED_MANIFEST + "]: " + warning);
    }
    for (String warning : evaluator.warnings()) {
      err.println("jnp: warning[" + Codes.SKIPPED_MANIFEST + "]: " + warning);
    }
    err.flush();
    // Written a source at a time: the list grows with the square of the workloads.
    ConnectionList.write(manifests.world(), evaluator, out::write);
    out.flush();
    return Main.OK;
  }
}
