package dev.jnp.compiler.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code jnp help [COMMAND]}: the help of {@code jnp} or of one command. */
final class HelpCommand implements Command {
  private static final Option HELP = Option.flag("Show usage help for the help command and exit.", "-h", "--help");

  private final List<Command> commands;

  private HelpCommand(List<Command> commands) {
    this.commands = commands;
  }

  /** {@code commands}, then {@code help}, which explains them. */
  static List<Command> withHelp(List<Command> commands) {
    List<Command> all = new ArrayList<>(commands);
    all.add(new HelpCommand(commands));
    return List.copyOf(all);
  }

  @Override
  public String name() {
    return "help";
  }

  @Override
  public List<String> description() {
    return List.of(
        "Display help information about the specified command.",
        "When no COMMAND is given, the usage help for the main command is displayed.",
        "If a COMMAND is specified, the help for that command is shown.");
  }

  @Override
  public List<Option> options() {
    return List.of(HELP);
  }

  @Override
  public Optional<Operands> operands() {
    return Optional.of(Operands.optional("COMMAND", "The COMMAND to display the usage help message for."));
  }

  @Override
  public boolean ignoresUnknownArguments() {
    return true;
  }

  @Override
  public int run(Arguments arguments, PrintWriter out, PrintWriter err) {
    List<Command> all = new ArrayList<>(commands);
    all.add(this);
    if (arguments.operands().isEmpty()) {
      out.print(Main.help(all));
      return Main.OK;
    }
    String name = arguments.operands().get(0);
    List<String> names = new ArrayList<>();
    for (Command command : all) {
      if (command.name().equals(name)) {
        out.print(Help.of(command));
        return Main.OK;
      }
      names.add(command.name());
    }
    Optional<String> meant = Arguments.closest(name, names);
    throw new UsageError("Unknown subcommand '" + name + "'.",
        meant.isPresent() ? Optional.of("Did you mean: jnp help " + meant.get() + "?") : Optional.empty(), Optional.of("jnp"));
  }
}
