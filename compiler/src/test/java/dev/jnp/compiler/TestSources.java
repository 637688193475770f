package dev.jnp.compiler;

import dev.jnp.compiler.check.Setting;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.SourceSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/** Helpers shared by the compiler's tests. */
public final class TestSources {
  private TestSources() {}

  /** Compiles one in-memory file named {@code test.jnp}. */
  public static Compilation compile(String source, String... sets) {
    List<Setting> settings = new ArrayList<>();
    for (String set : sets) {
      int equals = set.indexOf('=');
      settings.add(new Setting(set.substring(0, equals), set.substring(equals + 1), SourceSpan.none("--set " + set)));
    }
    return Compiler.compile(
        List.of(new SourceInput("test.jnp", source)), new Options(Optional.empty(), settings, false));
  }

  /** A diagnostic as one line, without the file: {@code 3:9: error[JNP0101]: message}. */
  public static String oneLine(Diagnostic d) {
    return d.span().line() + ":" + d.span().column() + ": " + d.severity().label() + "[" + d.code() + "]: " + d.message()
        + d.hint().map(h -> "\n    hint: " + h).orElse("");
  }

  /** The project's root folder (tests run in their module's folder). */
  public static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("samples")) && Files.exists(here.resolve("compiler")) ? here : here.getParent();
  }

  /** Every .jnp file under the samples folder, sorted. */
  public static List<Path> samples() {
    try (Stream<Path> walk = Files.walk(root().resolve("samples"))) {
      return walk.filter(p -> p.toString().endsWith(".jnp")).filter(p -> !p.toString().contains("/target/")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every .jnp file in the project (samples, test and fuzz inputs) as text, in path order. */
  public static List<String> everySource() {
    try (Stream<Path> walk = Files.walk(root())) {
      List<String> texts = new ArrayList<>();
      for (Path path : walk.filter(p -> p.toString().endsWith(".jnp")).filter(p -> !p.toString().contains("/target/")).sorted().toList()) {
        texts.add(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
      }
      return texts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code count} texts of 1 to {@code most} of {@code fragments} each, drawn at random from a
   * fixed seed: the same texts in every run.
   */
  public static List<String> randomTexts(String[] fragments, int count, int most) {
    Random random = new Random(20261127L);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(most);
      for (int j = 0; j < length; j++) {
        text.append(fragments[random.nextInt(fragments.length)]);
      }
      texts.add(text.toString());
    }
    return texts;
  }

  /** {@code value} with every SourceSpan inside it replaced, so ASTs compare by content alone. */
  public static Object withoutSpans(Object value) {
    if (value instanceof SourceSpan) {
      return SourceSpan.none("");
    }
    if (value instanceof List<?> list) {
      return list.stream().map(TestSources::withoutSpans).toList();
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(TestSources::withoutSpans);
    }
    if (value instanceof Record record) {
      try {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
          components[i].getAccessor().setAccessible(true);
          values[i] = withoutSpans(components[i].getAccessor().invoke(record));
          types[i] = components[i].getType();
        }
        var constructor = record.getClass().getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return value;
  }
}
