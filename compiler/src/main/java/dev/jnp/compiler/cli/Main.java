package dev.jnp.compiler.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jnp} command line. Exit status: 0 ok, 1 input errors, 2 usage, 3 internal fault. */
@Command(
    name = "jnp",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Compiles .jnp network policy into the policy objects of one engine.",
    subcommands = {CompileCommand.class, CheckCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:success",
      "1:the input has errors",
      "2:usage error",
      "3:internal fault (a bug in jnp)"
    })
public final class Main {
  public static final int OK = 0;
  public static final int INPUT_ERRORS = 1;
  public static final int USAGE = 2;
  public static final int BUG = 3;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
      reportBug(exception, err);
      return BUG;
    });
    commandLine.setParameterExceptionHandler((exception, args1) -> {
      err.println("jnp: " + exception.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
      err.println("Run '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
      return USAGE;
    });
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
