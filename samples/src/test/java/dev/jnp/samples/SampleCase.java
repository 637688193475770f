package dev.jnp.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One sample compiled one way: {@code DIR/NAME.jnp}, optionally with {@code DIR/NAME.VARIANT.values.yaml},
 * for one engine. Its golden output lives in {@code DIR/expected/NAME[.VARIANT]/ENGINE.yaml}, with
 * {@code ENGINE.diagnostics} beside it when compiling says anything.
 */
record SampleCase(Path source, Optional<Path> values, String engine) {
  /** The folder the samples live in (tests run in the samples module). */
  static final Path ROOT = Path.of(".");

  static List<SampleCase> all(List<String> engines) throws IOException {
    List<SampleCase> cases = new ArrayList<>();
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(ROOT)) {
      sources = walk.filter(p -> p.toString().endsWith(".jnp"))
          .filter(p -> !p.startsWith(ROOT.resolve("target")) && !p.startsWith(ROOT.resolve("src")))
          .map(ROOT::relativize)
          .sorted()
          .toList();
    }
    for (Path source : sources) {
      String stem = stem(source);
      List<Optional<Path>> variants = new ArrayList<>();
      variants.add(Optional.empty());
      try (Stream<Path> siblings = Files.list(source.getParent())) {
        siblings.filter(p -> p.getFileName().toString().startsWith(stem + ".") && p.toString().endsWith(".values.yaml"))
            .sorted()
            .forEach(p -> variants.add(Optional.of(ROOT.relativize(p))));
      }
      for (Optional<Path> values : variants) {
        for (String engine : engines) {
          cases.add(new SampleCase(source, values, engine));
        }
      }
    }
    return cases;
  }

  private static String stem(Path source) {
    String name = source.getFileName().toString();
    return name.substring(0, name.length() - ".jnp".length());
  }

  /** NAME or NAME.VARIANT. */
  String caseName() {
    return values.map(v -> v.getFileName().toString().replace(".values.yaml", "")).orElse(stem(source));
  }

  Path expectedDir() {
    return source.getParent().resolve("expected").resolve(caseName());
  }

  Path expectedYaml() {
    return expectedDir().resolve(engine + ".yaml");
  }

  Path expectedDiagnostics() {
    return expectedDir().resolve(engine + ".diagnostics");
  }

  List<String> arguments() {
    List<String> args = new ArrayList<>(List.of("compile", source.toString().replace('\\', '/'), "--engine", engine));
    values.ifPresent(v -> args.addAll(List.of("--values", v.toString().replace('\\', '/'))));
    return args;
  }

  @Override
  public String toString() {
    return source.getParent().resolve(caseName()) + " [" + engine + "]";
  }
}
