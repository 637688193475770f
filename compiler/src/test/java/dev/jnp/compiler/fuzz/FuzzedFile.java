package dev.jnp.compiler.fuzz;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.compiler.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fuzz input as a file on disk, for a command that reads files: one file, rewritten for each
 * input, deleted when the JVM exits.
 */
final class FuzzedFile {
  private final String name;
  private Path path;

  FuzzedFile(String name) {
    this.name = name;
  }

  /** Writes {@code input} to the file and returns its path. */
  synchronized Path write(byte[] input) {
    try {
      if (path == null) {
        Path dir = Files.createTempDirectory("jnp-fuzz-");
        path = dir.resolve(name);
        dir.toFile().deleteOnExit();
        path.toFile().deleteOnExit();
      }
      Files.write(path, input);
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code jnp ARGS} (the file among them) through {@link Main#run}, and asserts that it
   * exits 0 or 1, never 3, and never reports an internal error.
   */
  static void assertRunsCleanly(byte[] input, String... args) {
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(Writer.nullWriter()), new PrintWriter(err));
    String text = new String(input, StandardCharsets.UTF_8);
    assertWithMessage("exit status of jnp %s for:\n%s\nstderr:\n%s", String.join(" ", args), text, err)
        .that(status).isAnyOf(Main.OK, Main.INPUT_ERRORS);
    assertWithMessage("stderr for:\n%s", text).that(err.toString()).doesNotContain("internal error");
  }
}
