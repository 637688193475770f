package dev.jnp.flows;

import java.nio.file.Path;

/**
 * Where the shared conformance data lives: the {@code jnp.shared} system property (the root
 * pom's surefire sets it), else {@code ../shared} beside the repository root.
 */
final class SharedData {
  private SharedData() {}

  static Path root() {
    return dev.jnp.testing.SharedFolder.find();
  }

  static Path conformance(String part) {
    return root().resolve("conformance").resolve(part);
  }
}
