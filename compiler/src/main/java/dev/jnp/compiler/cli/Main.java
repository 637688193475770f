package dev.jnp.compiler.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jnp} command line. Exit status: 0 ok, 1 input errors, 2 usage, 3 internal fault. */
@Command(
    name = "jnp",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Compiles .jnp network policy into the policy objects of one engine.",
    subcommands = {
      CompileCommand.class,
      CheckCommand.class,
      VerifyCommand.class,
      FmtCommand.class,
      AnalyzeCommand.class,
      LspCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:success",
      "1:the input has errors",
      "2:usage error",
      "3:internal fault (a bug in jnp)"
    })
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int INPUT_ERRORS = 1;
  public static final int USAGE = 2;
  public static final int BUG = 3;

  public static void main(String[] args) {
    // UTF-8 whatever the platform's default: output must be the same bytes everywhere.
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err));
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** {@code jnp} alone: say what is missing. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing: compile, check, verify, fmt, analyze or lsp");
  }

  /** Runs the command line with the given streams; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return execute(new CommandLine(new Main()), args, out, err);
  }

  /** Runs {@code commandLine}: usage errors exit 2, and an escaped exception is a bug (exit 3). */
  static int execute(CommandLine commandLine, String[] args, PrintWriter out, PrintWriter err) {
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
      if (exception instanceof CommandLine.ParameterException usage) {
        return usage(usage, err);
      }
      reportBug(exception, err);
      return BUG;
    });
    commandLine.setParameterExceptionHandler((exception, unused) -> usage(exception, err));
    try {
      return commandLine.execute(args);
    } catch (RuntimeException | Error e) {
      reportBug(e, err);
      return BUG;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int usage(CommandLine.ParameterException exception, PrintWriter err) {
    err.println("jnp: " + exception.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
    err.println("Run '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return USAGE;
  }

  static void reportBug(Throwable exception, PrintWriter err) {
    err.println("jnp: internal error: " + exception.getClass().getName()
        + (exception.getMessage() == null ? "" : ": " + exception.getMessage()));
    err.println("This is a bug in jnp, not in your input. Please report it with the input that caused it;");
    err.println("set JNP_DEBUG=1 to include the stack trace.");
    if (System.getenv("JNP_DEBUG") != null) {
      exception.printStackTrace(err);
    }
    err.flush();
  }
}
