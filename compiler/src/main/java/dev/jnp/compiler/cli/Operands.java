package dev.jnp.compiler.cli;

/**
 * The arguments of a command that are not options, such as its {@code FILE…}.
 *
 * @param label what the help calls them ({@code FILE})
 * @param description their line in the help
 * @param required whether at least one must be given
 * @param repeatable whether more than one may be given
 */
record Operands(String label, String description, boolean required, boolean repeatable) {
  /** {@code FILE...}: one or more. */
  static Operands oneOrMore(String label, String description) {
    return new Operands(label, description, true, true);
  }

  /** {@code [COMMAND]}: none or one. */
  static Operands optional(String label, String description) {
    return new Operands(label, description, false, false);
  }

  /** How the usage line and the options table show them: {@code FILE...}, {@code [COMMAND]}. */
  String synopsis() {
    return (required ? label : "[" + label + "]") + (repeatable ? "..." : "");
  }
}
