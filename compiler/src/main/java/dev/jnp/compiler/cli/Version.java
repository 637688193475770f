package dev.jnp.compiler.cli;

import picocli.CommandLine;

/** The version, from the jar's manifest when there is one. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"jnp " + (version == null ? "0.1.0-SNAPSHOT" : version)};
  }
}
