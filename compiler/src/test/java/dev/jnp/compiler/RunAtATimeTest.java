package dev.jnp.compiler;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.check.Checker;
import dev.jnp.compiler.check.Parameters;
import dev.jnp.compiler.lower.Lowering;
import dev.jnp.compiler.syntax.SourceParser;
import dev.jnp.diagnostics.Diagnostics;
import dev.jnp.engine.Backends;
import dev.jnp.ir.PolicySet;
import dev.jnp.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compiler takes a file's declarations in runs, each checked, lowered and rendered while in the
 * cache (docs/decisions.md, "A run at a time"). Where the runs are cut must not show: the same
 * diagnostics and the same objects whether each declaration is a run of its own or the whole file
 * is one.
 */
class RunAtATimeTest {
  /** Runs of one declaration, of a few, and the whole file as one run. */
  private static final int[] RUN_SIZES = {1, 2, 5, 1_000_000};

  private static final Options EVERY_ENGINE = new Options(Optional.of(Options.ALL_ENGINES), List.of(), false);

  @Test
  void everySourceCompilesAlikeHoweverItIsCut() {
    for (String text : TestSources.everySource()) {
      assertSameForEveryRunSize(text);
    }
  }

  @Test
  void filesOfManyWorkloadsWithMistakesCompileAlikeHoweverTheyAreCut() {
    Random random = new Random(20261128L);
    int failed = 0;
    int written = 0;
    int everyEngine = 0;
    for (int i = 0; i < 300; i++) {
      String text = manyWorkloads(random);
      List<Compilation> compiled = assertSameForEveryRunSize(text);
      if (!compiled.get(0).hasErrors()) {
        assertRenderedAsAWhole(text, compiled.get(0));
        everyEngine++;
      }
      failed += compiled.stream().anyMatch(Compilation::hasErrors) ? 1 : 0;
      written += compiled.stream().anyMatch(c -> !c.manifests().isEmpty()) ? 1 : 0;
    }
    // Both kinds of file are among them: some fail, some are written, some for every engine.
    assertThat(failed).isAtLeast(50);
    assertThat(written).isAtLeast(50);
    assertThat(everyEngine).isAtLeast(20);
  }

  @Test
  void aRunIsNotCleanOnceTheRunsSoFarPassThePeerLimit() {
    // 'big' stands for 10,000 peers written out: 101 rules naming it pass the limit of 1,000,000.
    StringBuilder text = new StringBuilder("namespace team-a\npeer big = ");
    for (int i = 0; i < 10_000; i++) {
      text.append(i == 0 ? "" : ", ").append("ns n").append(i);
    }
    text.append('\n');
    for (int i = 0; i < 110; i++) {
      text.append("workload w").append(i).append(" {\n  select app=w").append(i).append("\n  allow 80 from big\n}\n");
    }
    JnpFile file = SourceParser.parse("big.jnp", text.toString()).value().orElseThrow();
    Diagnostics diagnostics = new Diagnostics();
    Parameters parameters = Parameters.of(file, Map.of(), diagnostics);
    Checker checker = Checker.of(file, parameters, diagnostics);
    List<Declaration> declarations = file.declarations();
    List<Checker.CheckedRun> runs = new ArrayList<>();
    for (Declaration declaration : declarations) {
      runs.add(checker.check(List.of(declaration)));
    }
    // The namespace, the peer and the first 100 workloads stay within it; the rest do not.
    int clean = (int) runs.stream().filter(Checker.CheckedRun::clean).count();
    assertThat(clean).isEqualTo(2 + 100);
    assertThat(runs.get(2 + 100).clean()).isFalse();
    assertThat(runs.stream().allMatch(run -> !run.diagnostics().hasErrors())).isTrue();
    checker.join(runs);
    assertThat(diagnostics.sorted().stream().map(d -> d.code() + "@" + d.span().line()).toList())
        .containsExactly("JNP0115@" + (3 + 100 * 4 + 2));
  }

  /**
   * Each engine's objects in {@code compiled}, {@code text} compiled for every engine, are what the
   * engine makes of the whole policy set, lowered phase by phase, then the expectations' count.
   */
  private static void assertRenderedAsAWhole(String text, Compilation compiled) {
    JnpFile file = SourceParser.parse("test.jnp", text).value().orElseThrow();
    Diagnostics diagnostics = new Diagnostics();
    Parameters parameters = Parameters.of(file, Map.of(), diagnostics);
    Checker.check(file, parameters, diagnostics);
    PolicySet policies = Lowering.lower(file, parameters, diagnostics);
    for (String engine : Backends.available()) {
      // Trees built whole (YamlTree) and written by YamlWriter: the same bytes as written as rendered.
      List<Manifest> whole = Backends.forEngine(engine).orElseThrow().render(policies).stream()
          .map(o -> new Manifest(o.kind(), o.name(), o.namespace(), YamlWriter.write(o.tree())))
          .toList();
      assertWithMessage("%s objects of:\n%s", engine, text).that(compiled.manifests().get(engine)).isEqualTo(whole);
    }
  }

  /**
   * Compiles {@code text} for every engine and for its own, in runs of each size; returns what the
   * whole file as one run made, for every engine and for its own.
   */
  private static List<Compilation> assertSameForEveryRunSize(String text) {
    List<Compilation> compiled = new ArrayList<>();
    for (Options options : List.of(EVERY_ENGINE, Options.defaults())) {
      Compilation whole = compile(text, options, RUN_SIZES[RUN_SIZES.length - 1]);
      for (int size : RUN_SIZES) {
        assertWithMessage("runs of %s, %s, for:\n%s", size, options.engine(), text)
            .that(compile(text, options, size))
            .isEqualTo(whole);
      }
      compiled.add(whole);
    }
    return compiled;
  }

  private static Compilation compile(String text, Options options, int runSize) {
    return Compiler.compile(List.of(new SourceInput("test.jnp", text)), options, runSize);
  }

  private static final String[] HEADERS = {
    "", "engine calico\n", "engine cilium\n", "engine clusterNetworkPolicy\n", "engine kubernetes\n",
  };

  private static final String[] DENIES = {
    "", "default deny\n", "default deny ingress\n", "default deny egress\n", "default deny order 0\n",
    "default deny order 2000\n", "default deny order 500\n", "default deny\ndefault deny\n",
  };

  /** Workloads every engine renders, or some engines cannot; %1$s is the name. */
  private static final String[] WORKLOADS = {
    "workload %1$s {\n  select app=%1$s\n  port http 8080\n  allow http from scrapers\n}\n",
    "workload %1$s {\n  select app=%1$s, tier=web\n  port http 8080\n  allow http from pods app=a in ns where team=x\n"
        + "  egress {\n    allow dns\n    allow 5432/tcp to pods app=db in ns data\n  }\n}\n",
    "workload %1$s {\n  select app=%1$s\n  port health 8081 probe\n  allow health from nodes\n  allow 80 from apiserver\n}\n",
    "workload %1$s {\n  select app=%1$s\n  allow 80 from scrapers\n  allow 80 from scrapers\n}\n",
    "workload %1$s in other {\n  select app=%1$s\n  allow 80 from any\n}\n",
    "workload %1$s {\n  select app=%1$s\n  egress {\n    allow dns\n    allow 443 to fqdn api.example.com\n  }\n}\n",
    "workload %1$s {\n  select app=%1$s\n  egress {\n    allow 443 to cidr 203.0.113.0/24\n  }\n}\n",
    "workload %1$s {\n  select app=%1$s\n  allow 80 from cidr 10.0.0.0/8 except [10.1.0.0/16]\n}\n",
    "expect allow ns monitoring -> w0:http\n",
  };

  /** Mistakes, found by the checker, by the lowering, or by evaluating an expectation. */
  private static final String[] MISTAKES = {
    "workload %1$s {\n  select app=%1$s\n  port http 8080\n  allow htp from scrapers\n}\n",
    "workload %1$s {\n  select app=%1$s\n  port health 8081 probe\n  allow health from scrapers\n}\n",
    "workload %1$s {\n  select app=%1$s\n  allow 80 from web\n}\n",
    "workload %1$s {\n  select app=%1$s\n  allow 80 from cidr 10.0.0.0/33\n}\n",
    "workload %1$s {\n  allow 80 from scrapers\n}\n",
    "workload w0 {\n  select app=w0\n}\n",
    "workload default-deny {\n  select app=x\n}\n",
    "expect deny ns monitoring -> w0:http\n",
  };

  /**
   * A file of a namespace, two peers, perhaps a default deny, and up to 40 workloads, the first
   * {@code w0}; one workload in 60 is a mistake.
   */
  private static String manyWorkloads(Random random) {
    StringBuilder text = new StringBuilder(HEADERS[random.nextInt(HEADERS.length)]);
    text.append("namespace team-a\npeer scrapers = ns monitoring\npeer web = pods app=web, fqdn api.example.com\n");
    String deny = DENIES[random.nextInt(DENIES.length)];
    boolean denyFirst = random.nextBoolean();
    text.append(denyFirst ? deny : "");
    text.append(String.format(WORKLOADS[0], "w0"));
    int workloads = random.nextInt(40);
    for (int i = 1; i <= workloads; i++) {
      String[] kind = random.nextInt(60) == 0 ? MISTAKES : WORKLOADS;
      text.append(String.format(kind[random.nextInt(kind.length)], "w" + i));
    }
    text.append(denyFirst ? "" : deny);
    return text.toString();
  }
}
