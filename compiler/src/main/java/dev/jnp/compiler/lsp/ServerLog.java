package dev.jnp.compiler.lsp;

import java.io.PrintStream;

/**
 * The server's log, on standard error (standard output carries the protocol). A failure is logged
 * as one line; its stack trace only with {@code JNP_DEBUG} set, as the CLI does.
 */
final class ServerLog {
  private static final PrintStream ERR = System.err;

  private ServerLog() {}

  static void info(String message) {
    ERR.println("jnp lsp: " + message);
    ERR.flush();
  }

  /** A failure while answering {@code what}: a bug in jnp, never the client's problem. */
  static void failure(String what, Throwable failure) {
    ERR.println("jnp lsp: internal error while " + what + ": " + failure.getClass().getName()
        + (failure.getMessage() == null ? "" : ": " + failure.getMessage())
        + " (a bug in jnp; set JNP_DEBUG=1 for the stack trace)");
    if (System.getenv("JNP_DEBUG") != null) {
      failure.printStackTrace(ERR);
    }
    ERR.flush();
  }
}
