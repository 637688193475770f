package dev.jnp.samples;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same input, same bytes: two runs, another locale (Turkish, whose dotless i breaks naive case
 * mapping), another time zone, and the input files in another order — each in a fresh JVM.
 */
class DeterminismTest {
  static final List<String> SAMPLES = List.of("jaas/renderer.jnp", "jaas/operator.jnp", "jaas/zero-trust.jnp");

  @TempDir Path dir;

  static String compile(List<String> jvmOptions, List<String> files) throws IOException, InterruptedException {
    return compile(Path.of(System.getProperty("java.home"), "bin", "java"), jvmOptions, files);
  }

  /** A JDK 25 beside this one (JNP_JDK25, or under /usr/lib/jvm), for the cross-JDK check. */
  static java.util.Optional<Path> jdk25() throws IOException {
    String configured = System.getenv("JNP_JDK25");
    if (configured != null && Files.isExecutable(Path.of(configured, "bin", "java"))) {
      return java.util.Optional.of(Path.of(configured, "bin", "java"));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return java.util.Optional.empty();
    }
    try (var dirs = Files.list(jvms)) {
      return dirs.filter(d -> d.getFileName().toString().contains("25"))
          .map(d -> d.resolve("bin/java"))
          .filter(Files::isExecutable)
          .sorted()
          .findFirst();
    }
  }

  static String compile(Path java, List<String> jvmOptions, List<String> files) throws IOException, InterruptedException {
    return run(java, jvmOptions, files).out();
  }

  /** What a compile wrote: the objects on stdout, the diagnostics on stderr. */
  record Output(String out, String err) {}

  static Output run(Path java, List<String> jvmOptions, List<String> files) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.jnp.compiler.cli.Main", "compile", "--engine", "all"));
    command.addAll(files);
    Path err = Files.createTempFile("jnp", ".err");
    Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String diagnostics = Files.readString(err);
    assertWithMessage("exit status of %s: %s", command, diagnostics).that(process.exitValue()).isEqualTo(0);
    Files.delete(err);
    return new Output(new String(out, StandardCharsets.UTF_8), diagnostics);
  }

  static List<String> reversed(List<String> files) {
    List<String> copy = new ArrayList<>(files);
    java.util.Collections.reverse(copy);
    return copy;
  }

  @Test
  void sameBytesEveryRunLocaleTimeZoneAndFileOrder() throws Exception {
    // The samples share a namespace and a workload; give each its own so they compile together.
    List<String> files = new ArrayList<>();
    for (int i = 0; i < SAMPLES.size(); i++) {
      Path copy = dir.resolve("policy-" + i + ".jnp");
      Files.writeString(copy, Files.readString(Path.of(SAMPLES.get(i))).replace("namespace jaas", "namespace jaas-" + i));
      files.add(copy.toString());
    }
    String first = compile(List.of(), files);
    assertThat(first).contains("kind: NetworkPolicy");
    assertThat(compile(List.of(), files)).isEqualTo(first);
    assertThat(compile(List.of("-Duser.language=tr", "-Duser.country=TR"), files)).isEqualTo(first);
    assertThat(compile(List.of("-Duser.timezone=Pacific/Kiritimati", "-Dfile.encoding=ISO-8859-1"), files)).isEqualTo(first);
    assertThat(compile(List.of(), reversed(files))).isEqualTo(first);
  }

  /**
   * A file large enough to be parsed in parts, and checked, lowered, rendered and written in runs,
   * on the common pool: the same objects and the same diagnostics, however its threads run.
   */
  @Test
  void aFileParsedInPartsIsTheSameBytesOnAnyNumberOfThreads() throws Exception {
    StringBuilder text = new StringBuilder("namespace shop\n");
    for (int i = 0; i < 400; i++) {
      text.append("workload w").append(i).append(" {\n  select app=w").append(i).append(", tier=backend\n")
          .append("  port http 8080\n  allow http from pods app=w").append((i + 399) % 400).append(", ns monitoring\n")
          // Notes in every run: the nodes on three engines, a rule another already allows.
          .append(i % 3 == 0 ? "  allow 9100 from nodes\n" : "")
          .append(i % 5 == 0 ? "  allow 8080 from ns monitoring\n" : "")
          // A warning now and then: an egress block without DNS.
          .append("  egress {\n").append(i % 7 == 0 ? "" : "    allow dns\n")
          .append("    allow 443 to cidr 10.").append(i % 250).append(".0.0/16\n  }\n}\n");
    }
    Path large = dir.resolve("large.jnp");
    Files.writeString(large, text);
    List<String> files = List.of(large.toString());
    Path jdk = Path.of(System.getProperty("java.home"), "bin", "java");
    Output first = run(jdk, List.of(), files);
    // Each engine's objects in source order, whichever run finished first.
    Matcher names = Pattern.compile("(?m)^  name: (?:shop-)?w(\\d+)$").matcher(first.out());
    List<Integer> order = new ArrayList<>();
    while (names.find()) {
      order.add(Integer.parseInt(names.group(1)));
    }
    List<Integer> sourceOrder = new ArrayList<>();
    for (int engine = 0; engine < 4; engine++) {
      for (int i = 0; i < 400; i++) {
        sourceOrder.add(i);
      }
    }
    assertThat(order).isEqualTo(sourceOrder);
    assertThat(first.err()).contains("JNP0310");
    assertThat(first.err()).contains("JNP0409");
    // The last workload's warning, from the last run of each phase.
    assertThat(first.err()).contains("warning[JNP0405]: this egress block has no DNS rule, so every name lookup of 'w399' fails");
    assertThat(run(jdk, List.of("-XX:ActiveProcessorCount=1"), files)).isEqualTo(first);
    assertThat(run(jdk, List.of("-Djava.util.concurrent.ForkJoinPool.common.parallelism=7"), files)).isEqualTo(first);
  }

  @Test
  void sameBytesOnJdk17AndJdk25() throws Exception {
    java.util.Optional<Path> jdk25 = jdk25();
    org.junit.jupiter.api.Assumptions.assumeTrue(jdk25.isPresent(), "no JDK 25 here (set JNP_JDK25 to one)");
    List<String> files = List.of(Path.of(SAMPLES.get(0)).toAbsolutePath().toString());
    assertThat(Runtime.version().feature()).isLessThan(25);
    assertThat(compile(jdk25.get(), List.of(), files)).isEqualTo(compile(List.of(), files));
  }
}
