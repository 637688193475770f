package dev.jnp.compiler.cli;

import dev.jnp.compiler.lsp.JnpLanguageServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** {@code jnp lsp}: the language server, on standard input and output. */
final class LspCommand implements Command {
  static final Option STDIO =
      Option.flag("Accepted for clients that pass it: standard input and output are the only transport.", "--stdio");

  @Override
  public String name() {
    return "lsp";
  }

  @Override
  public List<String> description() {
    return List.of(
        "Run the language server for .jnp files on standard input and output (for editors).",
        "Logs go to standard error. Exits when the client sends 'exit' or closes the stream.");
  }

  @Override
  public List<Option> options() {
    return List.of(STDIO, Option.HELP, Option.VERSION);
  }

  @Override
  public Optional<Operands> operands() {
    return Optional.empty();
  }

  @Override
  public int run(Arguments arguments, PrintWriter out, PrintWriter err) {
    // Standard output carries the protocol; anything else printed there would corrupt it.
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    PrintStream stdout = System.out;
    System.setOut(System.err);
    try {
      return JnpLanguageServer.serve(System.in, protocol);
    } finally {
      System.setOut(stdout);
    }
  }
}
