package dev.jnp.compiler;

import dev.jnp.compiler.check.Setting;
import java.util.List;
import java.util.Optional;

/**
 * How to compile: the engine that overrides the files' own ({@code all} for every engine), the
 * parameter settings from {@code --values} files and {@code --set} (later ones win), and whether
 * warnings count as errors.
 */
public record Options(Optional<String> engine, List<Setting> settings, boolean warningsAsErrors) {
  public static final String ALL_ENGINES = "all";

  public static Options defaults() {
    return new Options(Optional.empty(), List.of(), false);
  }
}
