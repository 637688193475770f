package dev.jnp.compiler.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes generated files into a directory all at once: everything is written to a staging
 * directory beside it first, then moved in file by file with atomic renames. Files a previous run
 * listed in its {@code kustomization.yaml} that this run no longer makes are removed; any other
 * file in the directory is left alone.
 */
final class OutputDirectory {
  static final String KUSTOMIZATION = "kustomization.yaml";

  private OutputDirectory() {}

  /** Writes {@code files} (relative path → content) under {@code dir}. */
  static void write(Path dir, Map<String, String> files) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".jnp-");
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = staging.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
      }
      if (!Files.exists(target)) {
        move(staging, target);
        return;
      }
      List<Path> stale = stale(target, files);
      for (String relative : files.keySet()) {
        Path destination = target.resolve(relative);
        Files.createDirectories(destination.getParent());
        move(staging.resolve(relative), destination);
      }
      for (Path path : stale) {
        Files.deleteIfExists(path);
      }
    } finally {
      deleteTree(staging);
    }
  }

  /** Files named by the kustomizations already in {@code target} that this run does not write. */
  private static List<Path> stale(Path target, Map<String, String> files) throws IOException {
    List<Path> stale = new ArrayList<>();
    for (String relative : files.keySet()) {
      if (!relative.endsWith(KUSTOMIZATION)) {
        continue;
      }
      Path old = target.resolve(relative);
      if (!Files.isRegularFile(old)) {
        continue;
      }
      Path folder = old.getParent();
      for (String line : Files.readAllLines(old, StandardCharsets.UTF_8)) {
        if (line.startsWith("- ") && line.endsWith(".yaml")) {
          String name = line.substring(2).trim();
          Path candidate = folder.resolve(name).normalize();
          String key = target.relativize(candidate).toString().replace('\\', '/');
          if (candidate.startsWith(folder) && !files.containsKey(key)) {
            stale.add(candidate);
          }
        }
      }
    }
    return stale;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
