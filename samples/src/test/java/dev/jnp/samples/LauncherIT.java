package dev.jnp.samples;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command: {@code ./jnp} runs the packaged jar from a class cache it makes and
 * keeps. With only the JDK the build runs on (no JDK 25 to be found) it makes an AppCDS archive;
 * otherwise, with a JDK 25 under {@code /usr/lib/jvm}, an AOT cache. Either way the output is the
 * sample's golden, on the first run (which trains the cache) and on the next (which uses it).
 */
class LauncherIT {
  private static final Path ROOT = Path.of(System.getProperty("jnp.root", "..")).toAbsolutePath().normalize();
  private static final Path LAUNCH = ROOT.resolve("compiler/target/jnp.launch");

  @Test
  void withTheBuildsJdkAloneItRunsFromAnAppCdsArchive(@TempDir Path noJdks) throws Exception {
    Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"), "JNP_JDKS", noJdks.toString());
    compileTwiceAndCompareWithTheGolden(env);
    String kind = Files.readAllLines(LAUNCH).get(2);
    assertWithMessage("the cache's kind (target/jnp.launch) on JDK %s", Runtime.version().feature())
        .that(kind).isEqualTo(Runtime.version().feature() >= 25 ? "aot" : "jsa");
  }

  @Test
  void withTheJdksOfTheMachineItRunsFromTheBestCache() throws Exception {
    compileTwiceAndCompareWithTheGolden(Map.of());
    assertWithMessage("target/jnp.launch names a cache").that(Files.readAllLines(LAUNCH)).hasSize(5);
  }

  /**
   * With a JDK 25 the launcher keeps two AOT caches, as such a cache loads every class it holds at
   * start: a run that needs nothing of Jackson takes the core one, which holds none of it; a run
   * with {@code --values} the full one, which holds Jackson's parser and mappers.
   */
  @Test
  void onlyRunsThatNeedJacksonStartFromTheCacheThatHoldsIt(@TempDir Path logs) throws Exception {
    compileTwiceAndCompareWithTheGolden(Map.of());
    assumeTrue(Files.readAllLines(LAUNCH).get(2).equals("aot"), "no JDK 25 here: one AppCDS archive, loaded lazily");

    String core = classesLoaded(logs.resolve("core.log"), "compile", "samples/jaas/renderer.jnp");
    assertWithMessage("classes loaded by ./jnp compile renderer.jnp").that(core).contains("source: shared objects file");
    assertWithMessage("classes loaded by ./jnp compile renderer.jnp").that(core).doesNotContain("ObjectMapper");
    // Every class of jnp's from the cache, and none spun at run time: a record's equals and
    // hashCode on first use spin method-handle classes, which cost a cold compile of a sample
    // ~35 ms. (`-jar` reads two classes of the JDK's own that the training, run with -cp, does not.)
    List<String> notCached = core.lines()
        .filter(line -> line.contains("class,load"))
        .filter(line -> !line.contains("source: shared objects file") && !line.contains("source: jrt:/"))
        .toList();
    assertWithMessage("classes ./jnp compile renderer.jnp loaded from the jar or made at run time")
        .that(notCached).isEmpty();

    String full = classesLoaded(logs.resolve("full.log"),
        "compile", "samples/jaas/jaas.jnp", "--values", "samples/jaas/jaas.operator.values.yaml");
    assertWithMessage("classes loaded by ./jnp compile jaas.jnp --values …").that(full)
        .contains("com.fasterxml.jackson.databind.ObjectMapper source: shared objects file");
  }

  /** The class-loading log of one {@code ./jnp} run with {@code args}, which must succeed. */
  private static String classesLoaded(Path log, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "./jnp"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(ROOT.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove("JAVA_HOME");
    builder.environment().remove("JNP_NO_CACHE");
    builder.environment().put("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + log);
    Process process = builder.start();
    process.getOutputStream().close();
    assertWithMessage("./jnp %s finished", String.join(" ", args)).that(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertWithMessage("exit status of ./jnp %s", String.join(" ", args)).that(process.exitValue()).isEqualTo(0);
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /**
   * Nothing of Jackson or ANTLR is loaded for {@code --help} or {@code --version}: they are for
   * commands that read YAML or sources. (With an AOT cache the JVM maps every cached class at start,
   * by design of AOT class linking, but initialises none it is not asked for.)
   */
  @Test
  void helpAndVersionLoadNeitherJacksonNorAntlr() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = ROOT.resolve("compiler/target/jnp.jar").toString();
    for (String option : List.of("--help", "--version")) {
      Process process = new ProcessBuilder(java, "-Xshare:auto", "-Xlog:class+load", "-jar", jar, option)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      process.getOutputStream().close();
      List<String> loaded = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> line.contains("class,load"))
          .toList();
      assertWithMessage("jnp %s finished", option).that(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
      assertWithMessage("classes loaded for jnp %s", option).that(loaded.size()).isGreaterThan(100);
      assertWithMessage("Jackson and ANTLR classes loaded for jnp %s", option)
          .that(loaded.stream().filter(line -> line.contains("jackson") || line.contains("antlr")).toList())
          .isEmpty();
    }
  }

  private static void compileTwiceAndCompareWithTheGolden(Map<String, String> env) throws Exception {
    String golden = Files.readString(ROOT.resolve("samples/jaas/expected/renderer/kubernetes.yaml"), StandardCharsets.UTF_8);
    for (String run : List.of("first run (trains the cache)", "second run (uses it)")) {
      ProcessBuilder builder = new ProcessBuilder("bash", "./jnp", "compile", "samples/jaas/renderer.jnp")
          .directory(ROOT.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD);
      builder.environment().remove("JAVA_HOME");
      builder.environment().remove("JNP_NO_CACHE");
      builder.environment().putAll(env);
      Process process = builder.start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertWithMessage("./jnp finished").that(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
      assertWithMessage("exit status of the %s", run).that(process.exitValue()).isEqualTo(0);
      assertWithMessage("output of the %s", run).that(out).isEqualTo(golden);
      assertWithMessage("target/jnp.launch after the %s", run).that(Files.exists(LAUNCH)).isTrue();
    }
  }
}
