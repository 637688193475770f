package dev.jnp.compiler.cli;

import java.util.Comparator;
import java.util.List;

/**
 * One option of a command as the user writes it ({@code --engine E}, {@code -o DIR},
 * {@code --check}) and as its help shows it: names, how many values, the value's label.
 *
 * <p>An option is a declaration: {@link Arguments} tells options apart by identity.
 *
 * @param names every name, each with its dashes: {@code "-o", "--output"}
 * @param kind a flag, an option given at most once, or one given any number of times
 * @param paramLabel what the value is called in the help ({@code DIR}); null for a flag
 * @param choices the values allowed, when only a few are; empty when any value is
 * @param description its line in the help
 */
record Option(List<String> names, Kind kind, String paramLabel, List<String> choices, String description) {
  /** How an option takes values. */
  enum Kind {
    /** No value: present or not ({@code --check}; {@code --check=false} is accepted too). */
    FLAG,
    /** One value, and the option at most once. */
    SINGLE,
    /** One value each time, any number of times, kept in order. */
    REPEATABLE
  }

  static final Option HELP = flag("Show this help message and exit.", "-h", "--help");
  static final Option VERSION = flag("Print version information and exit.", "-V", "--version");

  /** The order of the help: by shortest name, ignoring dashes and case ({@code -h, -o, --set, -V, --values}). */
  static final Comparator<Option> HELP_ORDER = new Comparator<>() {
    @Override
    public int compare(Option a, Option b) {
      String first = a.shortestName().substring(a.shortestName().startsWith("--") ? 2 : 1);
      String second = b.shortestName().substring(b.shortestName().startsWith("--") ? 2 : 1);
      int ignoringCase = first.compareToIgnoreCase(second);
      return ignoringCase != 0 ? ignoringCase : first.compareTo(second);
    }
  };

  static Option flag(String description, String... names) {
    return new Option(List.of(names), Kind.FLAG, null, List.of(), description);
  }

  static Option single(String paramLabel, String description, String... names) {
    return new Option(List.of(names), Kind.SINGLE, paramLabel, List.of(), description);
  }

  static Option repeatable(String paramLabel, String description, String... names) {
    return new Option(List.of(names), Kind.REPEATABLE, paramLabel, List.of(), description);
  }

  /** This option, accepting only {@code allowed} as its value. */
  Option oneOf(String... allowed) {
    return new Option(names, kind, paramLabel, List.of(allowed), description);
  }

  boolean takesValue() {
    return kind != Kind.FLAG;
  }

  /** The name messages use: the long one. */
  String longestName() {
    String longest = names.get(0);
    for (String name : names) {
      longest = name.length() > longest.length() ? name : longest;
    }
    return longest;
  }

  /** The name the usage line uses: the short one. */
  String shortestName() {
    String shortest = names.get(0);
    for (String name : names) {
      shortest = name.length() < shortest.length() ? name : shortest;
    }
    return shortest;
  }

  /** The single-dash, single-letter name ({@code -o}), or null. */
  String shortName() {
    for (String name : names) {
      if (name.length() == 2 && !name.startsWith("--")) {
        return name;
      }
    }
    return null;
  }

  /** The double-dash name ({@code --output}), or null. */
  String longName() {
    for (String name : names) {
      if (name.startsWith("--")) {
        return name;
      }
    }
    return null;
  }
}
