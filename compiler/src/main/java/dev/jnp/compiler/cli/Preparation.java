package dev.jnp.compiler.cli;

import dev.jnp.engine.Backends;

/**
 * What a cold command line can do on a second core while the first reads and parses its sources:
 * look the backends up on the class path (~19 ms of a ~110 ms {@code jnp compile} in a fresh JVM,
 * measured in docs/decisions.md). It is done once per JVM, under its class's initialisation lock,
 * so the main thread only waits for what is not done when it gets there; the output does not
 * depend on which thread did it.
 */
final class Preparation {
  private Preparation() {}

  /** Starts the preparation on a daemon thread and returns at once. */
  static void startInBackground() {
    Thread preparation = new Thread(Preparation::prepare, "jnp-preparation");
    preparation.setDaemon(true);
    preparation.start();
  }

  private static void prepare() {
    try {
      Backends.available();
    } catch (RuntimeException | LinkageError e) {
      // The main thread meets the same failure where it needs a backend, and reports it there; a
      // daemon thread must not print it first.
    }
  }
}
