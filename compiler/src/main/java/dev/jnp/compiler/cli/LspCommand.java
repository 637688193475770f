package dev.jnp.compiler.cli;

import dev.jnp.compiler.lsp.JnpLanguageServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jnp lsp}: the language server, on standard input and output. */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    description = {
      "Run the language server for .jnp files on standard input and output (for editors).",
      "Logs go to standard error. Exits when the client sends 'exit' or closes the stream."
    })
final class LspCommand implements Callable<Integer> {
  @Option(names = "--stdio", description = "Accepted for clients that pass it: standard input and output are the only transport.")
  boolean stdio;

  @Override
  public Integer call() {
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
