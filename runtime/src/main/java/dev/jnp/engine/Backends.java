package dev.jnp.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The backends on the class path, found with {@link ServiceLoader} once per JVM. */
public final class Backends {
  /** Engines in the order the language lists them; {@code --engine all} renders them so. */
  public static final List<String> ENGINES =
      List.of("kubernetes", "cilium", "calico", "clusterNetworkPolicy");

  private Backends() {}

  /** Made on first use: looking the providers up reads the class path, which is slow to start. */
  private static final class Installed {
    static final List<Backend> BACKENDS = load();

    private static List<Backend> load() {
      List<Backend> backends = new ArrayList<>();
      for (Backend backend : ServiceLoader.load(Backend.class, Backends.class.getClassLoader())) {
        backends.add(backend);
      }
      return List.copyOf(backends);
    }
  }

  /** The backend for {@code engine}, if one is installed. */
  public static Optional<Backend> forEngine(String engine) {
    for (Backend backend : Installed.BACKENDS) {
      if (backend.engine().equals(engine)) {
        return Optional.of(backend);
      }
    }
    return Optional.empty();
  }

  /** The engines that have a backend installed, in {@link #ENGINES} order. */
  public static List<String> available() {
    List<String> available = new ArrayList<>();
    for (String engine : ENGINES) {
      if (forEngine(engine).isPresent()) {
        available.add(engine);
      }
    }
    return available;
  }
}
