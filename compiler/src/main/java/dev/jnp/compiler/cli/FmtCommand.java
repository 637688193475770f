package dev.jnp.compiler.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.jnp.compiler.fmt.Formatter;
import dev.jnp.compiler.syntax.SourceParser;
import dev.jnp.diagnostics.Diagnostics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jnp fmt}: rewrites files in the canonical layout, or with {@code --check} shows the diff. */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    description = "Format .jnp files in place (comments kept, meaning unchanged); with --check,"
        + " change nothing, print a diff and exit 1 when a file is not formatted.")
final class FmtCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .jnp files.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--check", description = "Write nothing; print a unified diff of what would change.")
  boolean check;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean failed = false;
    for (Path file : files) {
      Diagnostics problems = new Diagnostics();
      Optional<String> text = Inputs.read(file, problems);
      if (text.isEmpty()) {
        err.print(new DiagnosticRenderer(Map.of()).text(problems.sorted()));
        failed = true;
        continue;
      }
      Optional<String> formatted = Formatter.format(text.get());
      if (formatted.isEmpty()) {
        var syntax = SourceParser.parse(file.toString(), text.get()).diagnostics();
        err.print(new DiagnosticRenderer(Map.of(file.toString(), text.get())).text(syntax));
        failed = true;
        continue;
      }
      if (formatted.get().equals(text.get())) {
        continue;
      }
      if (check) {
        out.print(diff(file.toString(), text.get(), formatted.get()));
        failed = true;
      } else {
        replace(file, formatted.get());
      }
    }
    out.flush();
    err.flush();
    return failed ? Main.INPUT_ERRORS : Main.OK;
  }

  static String diff(String name, String before, String after) {
    List<String> original = before.lines().toList();
    List<String> revised = after.lines().toList();
    List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(
        "a/" + name, "b/" + name, original, DiffUtils.diff(original, revised), 3);
    return String.join("\n", lines) + "\n";
  }

  private static void replace(Path file, String text) throws IOException {
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".jnp-fmt");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
