package dev.jnp.engine;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The backends on the class path, found with {@link ServiceLoader}. */
public final class Backends {
  /** Engines in the order the language lists them; {@code --engine all} renders them so. */
  public static final List<String> ENGINES =
      List.of("kubernetes", "cilium", "calico", "clusterNetworkPolicy");

  private Backends() {}

  /** The backend for {@code engine}, if one is installed. */
  public static Optional<Backend> forEngine(String engine) {
    for (Backend backend : ServiceLoader.load(Backend.class, Backends.class.getClassLoader())) {
      if (backend.engine().equals(engine)) {
        return Optional.of(backend);
      }
    }
    return Optional.empty();
  }

  /** The engines that have a backend installed, in {@link #ENGINES} order. */
  public static List<String> available() {
    return ENGINES.stream().filter(e -> forEngine(e).isPresent()).toList();
  }
}
