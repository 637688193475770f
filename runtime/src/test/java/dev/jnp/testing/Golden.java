package dev.jnp.testing;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected output kept in the source tree, produced by the code and reviewed in
 * {@code git diff}. Run the build with {@code -Dgolden.update=true} to rewrite them in place.
 */
public final class Golden {
  private Golden() {}

  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  /** Asserts that {@code actual} equals the content of {@code expected}, or rewrites it. */
  public static void assertMatches(Path expected, String actual) {
    try {
      if (updating()) {
        Files.createDirectories(expected.toAbsolutePath().getParent());
        Files.writeString(expected, actual, StandardCharsets.UTF_8);
        return;
      }
      assertWithMessage("golden file %s is missing; run with -Dgolden.update=true to create it", expected)
          .that(Files.exists(expected))
          .isTrue();
      String golden = Files.readString(expected, StandardCharsets.UTF_8);
      assertWithMessage("output differs from %s (run with -Dgolden.update=true and review git diff)", expected)
          .that(actual)
          .isEqualTo(golden);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
