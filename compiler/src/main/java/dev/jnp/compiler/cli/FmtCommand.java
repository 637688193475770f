package dev.jnp.compiler.cli;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code jnp fmt}: rewrites files in the canonical layout, or with {@code --check} shows the diff. */
final class FmtCommand implements Command {
  static final Option CHECK = Option.flag("Write nothing; print a unified diff of what would change.", "--check");

  @Override
  public String name() {
    return "fmt";
  }

  @Override
  public List<String> description() {
    return List.of("Format .jnp files in place (comments kept, meaning unchanged); with --check, change nothing,"
        + " print a diff and exit 1 when a file is not formatted.");
  }

  @Override
  public List<Option> options() {
    return List.of(CHECK, Option.HELP, Option.VERSION);
  }

  @Override
  public Optional<Operands> operands() {
    return Optional.of(SourceOptions.FILES);
  }

  @Override
  public int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException {
    boolean check = arguments.has(CHECK);
    boolean failed = false;
    for (Path file : arguments.operandPaths()) {
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
        out.print(SourceDiff.unified(file.toString(), text.get(), formatted.get()));
        failed = true;
      } else {
        replace(file, formatted.get());
      }
    }
    out.flush();
    err.flush();
    return failed ? Main.INPUT_ERRORS : Main.OK;
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
