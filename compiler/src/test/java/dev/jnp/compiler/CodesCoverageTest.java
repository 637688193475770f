package dev.jnp.compiler;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.compiler.check.Codes;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic code of the front end is asserted somewhere: in a diagnostics golden (with its
 * line and column) or in a test that names it. A new code without a test fails here.
 */
class CodesCoverageTest {
  @Test
  void everyCodeHasATest() throws IOException, IllegalAccessException {
    String tested;
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/test/resources")), Files.walk(Path.of("src/test/java")))) {
      tested = files.filter(Files::isRegularFile)
          .filter(p -> !p.endsWith("CodesCoverageTest.java"))
          .map(CodesCoverageTest::read)
          .collect(Collectors.joining("\n"));
    }
    List<String> untested = new ArrayList<>();
    for (Field field : Codes.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String code = (String) field.get(null);
        if (!tested.contains(code)) {
          untested.add(field.getName() + " " + code);
        }
      }
    }
    assertWithMessage("codes that no test asserts").that(untested).isEmpty();
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      return "";
    }
  }
}
