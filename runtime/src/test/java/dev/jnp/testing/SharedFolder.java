package dev.jnp.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared specs and schemas are: the {@code jnp.shared} system property (the root pom's
 * surefire configuration sets it to {@code ../shared} beside the repository), else {@code
 * ../shared} beside the repository root found from the working directory. Schemas are never
 * copied into the repository.
 */
public final class SharedFolder {
  private SharedFolder() {}

  public static Path find() {
    String property = System.getProperty("jnp.shared", "");
    if (!property.isBlank() && hasSchemas(Path.of(property))) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git")) && hasSchemas(dir.resolveSibling("shared"))) {
        return dir.resolveSibling("shared").normalize();
      }
    }
    throw new IllegalStateException(
        "cannot find the shared schemas: jnp.shared is '"
            + property
            + "' and no ../shared/schemas is beside the repository root above "
            + Path.of("").toAbsolutePath());
  }

  private static boolean hasSchemas(Path dir) {
    return Files.isDirectory(dir.resolve("schemas"));
  }
}
