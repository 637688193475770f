package dev.jnp.compiler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** One command of {@code jnp}: what it is called, what it accepts, what it does. */
interface Command {
  /** The word after {@code jnp}: {@code compile}. */
  String name();

  /** Paragraphs for its help; the first is its line in {@code jnp --help}. */
  List<String> description();

  /** Every option it accepts, {@link Option#HELP} and {@link Option#VERSION} included. */
  List<Option> options();

  /** The arguments that are not options, when it takes any. */
  Optional<Operands> operands();

  /**
   * Whether arguments it does not know are ignored rather than refused: only {@code help},
   * which is there to help and so answers {@code jnp help compile --bogus} with the help.
   */
  default boolean ignoresUnknownArguments() {
    return false;
  }

  /**
   * Runs on arguments already split and found complete; returns the exit status. A wrong value
   * found here (an unknown engine) is a {@link UsageError}.
   */
  int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException;
}
