package dev.jnp.compiler.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The help texts, rendered from the same declarations the arguments are parsed against: usage
 * line, description, a table of operands and options, and for {@code jnp} itself the commands
 * and exit statuses. Lines are at most 79 characters; a long cell wraps under itself, indented.
 */
final class Help {
  private static final int WIDTH = 79;

  private Help() {}

  /** {@code jnp compile --help}. */
  static String of(Command command) {
    StringBuilder help = new StringBuilder();
    Optional<Operands> operands = command.operands();
    help.append(usage(concat("jnp ", command.name()), command.options(),
        operands.isPresent() ? Optional.of(operands.get().synopsis()) : Optional.empty()));
    for (String paragraph : command.description()) {
      help.append(wrap(paragraph, 0, 0));
    }
    help.append(options(command.options(), operands));
    return help.toString();
  }

  /** {@code jnp --help}: with the commands and the exit statuses. */
  static String ofMain(
      List<String> description, List<Option> options, List<Command> commands, SortedMap<Integer, String> exitStatus) {
    StringBuilder help = new StringBuilder();
    help.append(usage("jnp", options, Optional.of("[COMMAND]")));
    for (String paragraph : description) {
      help.append(wrap(paragraph, 0, 0));
    }
    help.append(options(options, Optional.empty()));
    help.append("Commands:\n");
    int nameWidth = 0;
    for (Command command : commands) {
      nameWidth = Math.max(nameWidth, command.name().length());
    }
    for (Command command : commands) {
      String name = concat("  ", pad(command.name(), nameWidth), "  ");
      help.append(name).append(wrap(command.description().get(0), name.length(), name.length() + 2));
    }
    help.append("\nExit status:\n");
    for (Map.Entry<Integer, String> status : exitStatus.entrySet()) {
      help.append("  ").append(status.getKey()).append("   ").append(status.getValue()).append('\n');
    }
    return help.toString();
  }

  /** {@code Usage: jnp compile [-hV] [--check] [--engine=E] [--set=K=V]... FILE...}, wrapped under its first token. */
  private static String usage(String command, List<Option> options, Optional<String> operands) {
    List<Option> sorted = sorted(options);
    List<String> tokens = new ArrayList<>();
    StringBuilder letters = new StringBuilder();
    for (Option option : sorted) {
      if (!option.takesValue() && option.shortName() != null) {
        letters.append(option.shortName().charAt(1));
      }
    }
    if (letters.length() > 0) {
      tokens.add(concat("[-", letters.toString(), "]"));
    }
    for (Option option : sorted) {
      if (!option.takesValue() && option.shortName() == null) {
        tokens.add(concat("[", option.shortestName(), "]"));
      }
    }
    for (Option option : sorted) {
      if (option.takesValue()) {
        String repeat = option.kind() == Option.Kind.REPEATABLE ? "..." : "";
        tokens.add(concat("[", option.shortestName(), "=", option.paramLabel(), "]", repeat));
      }
    }
    if (operands.isPresent()) {
      tokens.add(operands.get());
    }
    String head = concat("Usage: ", command, " ");
    return head + wrap(String.join(" ", tokens), head.length(), head.length());
  }

  /** One row per operand and option: {@code   -o, --output=DIR   Write one file …}. */
  private static String options(List<Option> options, Optional<Operands> operands) {
    List<String[]> rows = new ArrayList<>();
    if (operands.isPresent()) {
      rows.add(new String[] {"", operands.get().synopsis(), operands.get().description()});
    }
    for (Option option : sorted(options)) {
      String name = option.longName() == null ? "" : option.longName();
      String value = option.takesValue() ? concat("=", option.paramLabel()) : "";
      rows.add(new String[] {option.shortName() == null ? "" : option.shortName(), concat(name, value), option.description()});
    }
    int width = 0;
    for (String[] row : rows) {
      width = Math.max(width, row[1].length());
    }
    StringBuilder table = new StringBuilder();
    for (String[] row : rows) {
      String separator = row[0].isEmpty() || row[1].isEmpty() ? "  " : ", ";
      String names = concat("  ", pad(row[0], 2), separator, pad(row[1], width), "   ");
      table.append(names).append(wrap(row[2], names.length(), names.length() + 2));
    }
    return table.toString();
  }

  private static List<Option> sorted(List<Option> options) {
    List<Option> sorted = new ArrayList<>(options);
    sorted.sort(Option.HELP_ORDER);
    return sorted;
  }

  /**
   * {@code text} as lines of at most {@link #WIDTH} characters, the first going on from
   * {@code column} (what comes before it is the caller's), the others indented by {@code indent}.
   */
  private static String wrap(String text, int column, int indent) {
    StringBuilder lines = new StringBuilder();
    boolean lineEmpty = true;
    for (String word : text.split(" ")) {
      if (!lineEmpty && column + 1 + word.length() > WIDTH) {
        lines.append('\n').append(" ".repeat(indent));
        column = indent;
        lineEmpty = true;
      }
      if (!lineEmpty) {
        lines.append(' ');
        column++;
      }
      lines.append(word);
      column += word.length();
      lineEmpty = false;
    }
    return lines.append('\n').toString();
  }

  private static String pad(String text, int width) {
    return concat(text, " ".repeat(Math.max(0, width - text.length())));
  }

  /**
   * {@code a + b + …} without {@code +}: javac compiles each shape of {@code +} to an
   * invokedynamic call site that the JVM links on first use, some milliseconds each, which is
   * most of {@code jnp --help}'s time on a JVM without a warm cache.
   */
  private static String concat(String... parts) {
    StringBuilder text = new StringBuilder();
    for (String part : parts) {
      text.append(part);
    }
    return text.toString();
  }
}
