package dev.jnp.flows;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared conformance data lives: the {@code jnp.shared} system property (the root
 * pom's surefire sets it), else {@code ../shared} beside the repository root.
 */
final class SharedData {
  private SharedData() {}

  static Path root() {
    String property = System.getProperty("jnp.shared");
    if (property != null && !property.isBlank() && Files.isDirectory(Path.of(property))) {
      return Path.of(property);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared").normalize();
      if (Files.isDirectory(candidate.resolve("conformance"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared data not found: set -Djnp.shared or put it at ../shared beside the repository");
  }

  static Path conformance(String part) {
    return root().resolve("conformance").resolve(part);
  }
}
