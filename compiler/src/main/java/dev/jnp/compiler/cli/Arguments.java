package dev.jnp.compiler.cli;

import dev.jnp.compiler.check.Suggestions;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments split into options and operands, against the options it declares.
 *
 * <p>Options are written {@code --name VALUE}, {@code --name=VALUE}, {@code -n VALUE},
 * {@code -nVALUE} or {@code -n=VALUE}; single-letter flags may be grouped ({@code -hV}); a flag
 * takes {@code =true} or {@code =false}. After {@code --} every argument is an operand. A value
 * may start with a dash ({@code --set -x}), but may not be {@code --} or an option's name.
 *
 * <p>Some mistakes end the parse at once (a missing or repeated value). Others, an unknown
 * option or an extra or missing operand, are kept for {@link #requireComplete}, so that
 * {@code --help} and {@code --version} still answer on a command line that has them.
 *
 * <p>Written with loops, not streams and lambdas, and keyed by identity, not by the records'
 * {@code hashCode}: each of those is bootstrapped at run time, and {@code jnp --help} would
 * spend most of its time doing that on a JVM without a warm cache.
 */
final class Arguments {
  private final List<Option> declared;
  private final Optional<Operands> operandsDeclared;
  private final Set<String> commands;
  private final Map<Option, List<String>> values = new IdentityHashMap<>();
  private final List<String> operands = new ArrayList<>();
  private final List<String> unmatched = new ArrayList<>();
  private int firstUnmatched = -1;
  private int command = -1;

  private Arguments(List<Option> declared, Optional<Operands> operands, Set<String> commands) {
    this.declared = declared;
    this.operandsDeclared = operands;
    this.commands = commands;
  }

  /** The arguments of a command: {@code args} from index {@code from} on. */
  static Arguments parse(List<Option> options, Optional<Operands> operands, String[] args, int from) {
    Arguments arguments = new Arguments(options, operands, Set.of());
    arguments.split(args, from);
    return arguments;
  }

  /**
   * The arguments in front of a command, which take no operands: the parse stops at the first
   * operand that names one of {@code commands}, found with {@link #commandIndex}.
   */
  static Arguments parseUntilCommand(List<Option> options, Set<String> commands, String[] args) {
    Arguments arguments = new Arguments(options, Optional.empty(), commands);
    arguments.split(args, 0);
    return arguments;
  }

  private void split(String[] args, int from) {
    boolean onlyOperands = false;
    for (int i = from; i < args.length; i++) {
      String arg = args[i];
      if (onlyOperands) {
        operand(i, arg);
      } else if (arg.equals("--")) {
        onlyOperands = true;
      } else if (arg.startsWith("--")) {
        i = longOption(args, i);
      } else if (arg.startsWith("-") && arg.length() > 1) {
        i = shortOptions(args, i);
      } else if (commands.contains(arg)) {
        command = i;
        return;
      } else {
        operand(i, arg);
      }
    }
  }

  /** {@code --name}, {@code --name VALUE} or {@code --name=VALUE}; returns the last index used. */
  private int longOption(String[] args, int i) {
    String arg = args[i];
    int equals = arg.indexOf('=');
    Option option = named(equals < 0 ? arg : arg.substring(0, equals));
    if (option == null) {
      unmatched(i, arg);
      return i;
    }
    if (equals >= 0) {
      add(option, arg.substring(equals + 1));
      return i;
    }
    if (!option.takesValue()) {
      add(option, "true");
      return i;
    }
    add(option, valueAfter(option, args, i));
    return i + 1;
  }

  /** {@code -h}, {@code -hV}, {@code -o DIR}, {@code -oDIR}, {@code -o=DIR}; returns the last index used. */
  private int shortOptions(String[] args, int i) {
    String arg = args[i];
    for (int at = 1; at < arg.length(); at++) {
      Option option = named("-" + arg.charAt(at));
      if (option == null) {
        unmatched(i, arg);
        return i;
      }
      if (option.takesValue()) {
        String rest = arg.substring(at + 1);
        if (rest.isEmpty()) {
          add(option, valueAfter(option, args, i));
          return i + 1;
        }
        add(option, rest.startsWith("=") ? rest.substring(1) : rest);
        return i;
      }
      add(option, "true");
    }
    return i;
  }

  private String valueAfter(Option option, String[] args, int i) {
    if (i + 1 >= args.length) {
      throw new UsageError("Missing required parameter for option '" + option.longestName() + "' (" + option.paramLabel() + ")");
    }
    String value = args[i + 1];
    int equals = value.indexOf('=');
    if (value.equals("--") || named(equals < 0 ? value : value.substring(0, equals)) != null) {
      throw new UsageError("Expected parameter for option '" + option.longestName() + "' but found '" + value + "'");
    }
    return value;
  }

  private void add(Option option, String value) {
    List<String> given = values.get(option);
    if (given == null) {
      given = new ArrayList<>();
      values.put(option, given);
    }
    if (option.kind() != Option.Kind.REPEATABLE && !given.isEmpty()) {
      String label = option.takesValue() ? " (" + option.paramLabel() + ")" : "";
      throw new UsageError("option '" + option.longestName() + "'" + label + " should be specified only once");
    }
    if (option.kind() == Option.Kind.FLAG) {
      if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
        throw new UsageError("Invalid value for option '" + option.longestName() + "': '" + value + "' is not a boolean");
      }
      value = value.toLowerCase(Locale.ROOT);
    }
    if (!option.choices().isEmpty() && !option.choices().contains(value)) {
      throw new UsageError("Invalid value for option '" + option.longestName() + "': expected one of "
          + option.choices() + " (case-sensitive) but was '" + value + "'");
    }
    given.add(value);
  }

  private void operand(int i, String arg) {
    boolean room = operandsDeclared.isPresent() && (operandsDeclared.get().repeatable() || operands.isEmpty());
    if (room) {
      operands.add(arg);
    } else {
      unmatched(i, arg);
    }
  }

  private void unmatched(int i, String arg) {
    if (unmatched.isEmpty()) {
      firstUnmatched = i;
    }
    unmatched.add(arg);
  }

  private Option named(String name) {
    for (Option option : declared) {
      if (option.names().contains(name)) {
        return option;
      }
    }
    return null;
  }

  /** Fails with the first mistake kept back: a required operand missing, or unmatched arguments. */
  void requireComplete() {
    if (operands.isEmpty() && operandsDeclared.isPresent() && operandsDeclared.get().required()) {
      throw new UsageError("Missing required parameter: '" + operandsDeclared.get().label() + "'");
    }
    if (unmatched.isEmpty()) {
      return;
    }
    String quoted = "'" + String.join("', '", unmatched) + "'";
    String plural = unmatched.size() == 1 ? "" : "s";
    String first = unmatched.get(0);
    if (first.startsWith("-")) {
      Optional<String> meant = closestOption(first.indexOf('=') < 0 ? first : first.substring(0, first.indexOf('=')));
      throw new UsageError("Unknown option" + plural + ": " + quoted,
          meant.isPresent() ? Optional.of("Possible solutions: " + meant.get()) : Optional.empty(), Optional.empty());
    }
    Optional<String> meant = closest(first, commands);
    String at = unmatched.size() == 1 ? " at index " : " from index ";
    throw new UsageError("Unmatched argument" + plural + at + firstUnmatched + ": " + quoted,
        meant.isPresent() ? Optional.of("Did you mean: jnp " + meant.get() + "?") : Optional.empty(), Optional.empty());
  }

  /** The option a misspelt one probably meant, compared without dashes: {@code --engin}, {@code -e}. */
  private Optional<String> closestOption(String wrong) {
    Map<String, String> byBareName = new LinkedHashMap<>();
    for (Option option : declared) {
      for (String name : option.names()) {
        byBareName.put(bare(name), option.longestName());
      }
    }
    Optional<String> meant = closest(bare(wrong), byBareName.keySet());
    return meant.isPresent() ? Optional.of(byBareName.get(meant.get())) : Optional.empty();
  }

  private static String bare(String optionName) {
    int dashes = 0;
    while (dashes < optionName.length() && optionName.charAt(dashes) == '-') {
      dashes++;
    }
    return optionName.substring(dashes);
  }

  /**
   * The known name a misspelt one probably meant: within a small edit distance, ignoring case
   * ({@code CHECK}, {@code compil}; not for one or two letters, where every name is that close),
   * or else the only one it begins ({@code comp}).
   */
  static Optional<String> closest(String wrong, Collection<String> known) {
    String typed = wrong.toLowerCase(Locale.ROOT);
    if (typed.isEmpty()) {
      return Optional.empty();
    }
    if (typed.length() >= 3) {
      Optional<String> close = Suggestions.closest(typed, known);
      if (close.isPresent()) {
        return close;
      }
    }
    List<String> starting = new ArrayList<>();
    for (String name : known) {
      if (name.toLowerCase(Locale.ROOT).startsWith(typed)) {
        starting.add(name);
      }
    }
    return starting.size() == 1 ? Optional.of(starting.get(0)) : Optional.empty();
  }

  /** The index of the command's name in the arguments, when {@link #parseUntilCommand} found one. */
  Optional<Integer> commandIndex() {
    return command < 0 ? Optional.empty() : Optional.of(command);
  }

  /** Whether a flag was given (and not as {@code =false}). */
  boolean has(Option flag) {
    return values.getOrDefault(flag, List.of()).contains("true");
  }

  /** Whether {@code -h} or {@code --help} was given, however the command describes it. */
  boolean asksForHelp() {
    return hasFlagNamed("--help");
  }

  /** Whether {@code -V} or {@code --version} was given. */
  boolean asksForVersion() {
    return hasFlagNamed("--version");
  }

  private boolean hasFlagNamed(String name) {
    Option flag = named(name);
    return flag != null && has(flag);
  }

  /** The value of an option given at most once. */
  Optional<String> value(Option option) {
    List<String> given = values.getOrDefault(option, List.of());
    return given.isEmpty() ? Optional.empty() : Optional.of(given.get(0));
  }

  /** The values of a repeatable option, in the order given. */
  List<String> values(Option option) {
    return List.copyOf(values.getOrDefault(option, List.of()));
  }

  List<String> operands() {
    return List.copyOf(operands);
  }

  /** The value of an option given at most once, as a path. */
  Optional<Path> path(Option option) {
    Optional<String> value = value(option);
    return value.isPresent() ? Optional.of(toPath(value.get(), "option '" + option.longestName() + "'")) : Optional.empty();
  }

  /** The values of a repeatable option, as paths, in the order given. */
  List<Path> paths(Option option) {
    List<Path> paths = new ArrayList<>();
    for (String value : values(option)) {
      paths.add(toPath(value, "option '" + option.longestName() + "'"));
    }
    return paths;
  }

  /** The operands, as paths. */
  List<Path> operandPaths() {
    List<Path> paths = new ArrayList<>();
    for (String value : operands) {
      paths.add(toPath(value, "'" + operandsDeclared.orElseThrow().label() + "'"));
    }
    return paths;
  }

  private static Path toPath(String value, String what) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageError("Invalid value for " + what + ": '" + value + "' is not a path (" + e.getReason() + ")");
    }
  }
}
