package dev.jnp.samples;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code jnp lsp} in a real client: runs {@code editors/nvim/lsp-e2e.sh} (headless Neovim) against
 * the packaged CLI jar. Failsafe runs it after {@code package}, so the jar is the one just built.
 * Skipped, saying so, only when {@code nvim} is not on the PATH.
 */
class NeovimLspIT {

  @Test
  void neovimShowsTheServersDiagnosticOnTheRightLine() throws Exception {
    String skipped = "nvim is not on the PATH: the Neovim LSP test is skipped (apt-get install neovim)";
    if (!onPath("nvim")) {
      System.out.println("NeovimLspIT: " + skipped);
    }
    assumeTrue(onPath("nvim"), skipped);
    Path root = Path.of(System.getProperty("jnp.root", "..")).toAbsolutePath().normalize();
    Path jar = Path.of(System.getProperty("jnp.jar", root.resolve("compiler/target/jnp.jar").toString()));
    assertWithMessage("the CLI jar %s; build it with mvn package", jar).that(Files.isRegularFile(jar)).isTrue();

    Process process = new ProcessBuilder("bash", root.resolve("editors/nvim/lsp-e2e.sh").toString(), jar.toString())
        .redirectErrorStream(true)
        .start();
    process.getOutputStream().close();
    String output;
    boolean finished;
    try {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      finished = process.waitFor(5, TimeUnit.MINUTES);
    } finally {
      process.destroyForcibly();
    }
    System.out.print(output);
    assertWithMessage("lsp-e2e.sh finished").that(finished).isTrue();
    assertWithMessage("lsp-e2e.sh's exit status; it printed:%n%s", output).that(process.exitValue()).isEqualTo(0);
    assertWithMessage("lsp-e2e.sh's report").that(output).contains("lsp-e2e: passed");
  }

  private static boolean onPath(String command) throws IOException {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    try (Stream<String> dirs = Stream.of(path.split(File.pathSeparator))) {
      return dirs.anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }
  }
}
