package dev.jnp.compiler.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The {@code jnp} command line. Exit status: 0 ok, 1 input errors, 2 usage, 3 internal fault. */
public final class Main {
  public static final int OK = 0;
  public static final int INPUT_ERRORS = 1;
  public static final int USAGE = 2;
  public static final int BUG = 3;

  private static final int BUFFER = 1 << 16;

  private static final List<String> DESCRIPTION = List.of("Compiles .jnp network policy into the policy objects of one engine.");
  private static final List<Option> OPTIONS = List.of(Option.HELP, Option.VERSION);
  private static final SortedMap<Integer, String> EXIT_STATUS = new TreeMap<>(Map.of(
      OK, "success",
      INPUT_ERRORS, "the input has errors",
      USAGE, "usage error",
      BUG, "internal fault (a bug in jnp)"));

  private Main() {}

  public static void main(String[] args) {
    // UTF-8 whatever the platform's default: output must be the same bytes everywhere. Buffered
    // here: the standard streams flush every write, and a compile writes a document at a time.
    PrintWriter out = new Utf8Writer.Printer(new BufferedOutputStream(System.out, BUFFER));
    PrintWriter err = new Utf8Writer.Printer(new BufferedOutputStream(System.err, BUFFER));
    int status = run(args, out, err);
    out.flush();
    err.flush();
    // Not System.exit: since JDK 21 it starts the platform's logging to log the exit
    // (JDK-8301627): twenty classes from outside the class cache, ~5 ms of a cold run.
    // jnp registers no shutdown hook, and its output is flushed above.
    Runtime.getRuntime().halt(status);
  }

  /** Runs the command line with the given streams; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    List<Command> commands = List.of(
        new CompileCommand(), new CheckCommand(), new VerifyCommand(), new FmtCommand(), new AnalyzeCommand(), new LspCommand());
    return execute(commands, args, out, err);
  }

  /**
   * Runs {@code jnp} with {@code commands} (and {@code help}, which explains them): usage errors
   * exit 2, and an escaped exception is a bug (exit 3).
   */
  static int execute(List<Command> commands, String[] args, PrintWriter out, PrintWriter err) {
    List<Command> all = HelpCommand.withHelp(commands);
    Map<String, Command> byName = new LinkedHashMap<>();
    for (Command command : all) {
      byName.put(command.name(), command);
    }
    String current = "jnp";
    try {
      Arguments main = Arguments.parseUntilCommand(OPTIONS, byName.keySet(), args);
      if (main.asksForHelp()) {
        out.print(help(all));
        return OK;
      }
      if (main.asksForVersion()) {
        out.println(Version.text());
        return OK;
      }
      main.requireComplete();
      if (main.commandIndex().isEmpty()) {
        throw new UsageError("a command is missing: " + listed(commands));
      }
      int at = main.commandIndex().get();
      Command command = byName.get(args[at]);
      current = "jnp " + command.name();
      Arguments arguments = Arguments.parse(command.options(), command.operands(), args, at + 1);
      if (arguments.asksForHelp()) {
        out.print(Help.of(command));
        return OK;
      }
      if (arguments.asksForVersion()) {
        out.println(Version.text());
        return OK;
      }
      if (!command.ignoresUnknownArguments()) {
        arguments.requireComplete();
      }
      return command.run(arguments, out, err);
    } catch (UsageError e) {
      return usage(e, current, err);
    } catch (IOException | RuntimeException | Error e) {
      reportBug(e, err);
      return BUG;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** {@code compile, check or lsp}. */
  private static String listed(List<Command> commands) {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < commands.size(); i++) {
      names.append(i == 0 ? "" : i == commands.size() - 1 ? " or " : ", ").append(commands.get(i).name());
    }
    return names.toString();
  }

  /** The text of {@code jnp --help}. */
  static String help(List<Command> commands) {
    return Help.ofMain(DESCRIPTION, OPTIONS, commands, EXIT_STATUS);
  }

  private static int usage(UsageError error, String command, PrintWriter err) {
    err.println("jnp: " + error.getMessage());
    error.suggestion().ifPresent(err::println);
    err.println("Run '" + error.helpOf().orElse(command) + " --help' for usage.");
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
