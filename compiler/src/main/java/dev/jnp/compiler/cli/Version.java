package dev.jnp.compiler.cli;

/** The version, from the jar's manifest when there is one. */
final class Version {
  private Version() {}

  /** {@code jnp 0.1.0}: what {@code --version} prints. */
  static String text() {
    String version = Main.class.getPackage().getImplementationVersion();
    return "jnp " + (version == null ? "0.1.0-SNAPSHOT" : version);
  }
}
