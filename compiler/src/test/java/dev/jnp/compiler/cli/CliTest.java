package dev.jnp.compiler.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit status, streams, files written. */
class CliTest {
  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  static Run jnp(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(status, out.toString(), err.toString());
  }

  Path file(String name, String text) throws IOException {
    Path path = dir.resolve(name);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text, StandardCharsets.UTF_8);
    return path;
  }

  static final String GOOD = """
      namespace shop
      param operator = false
      param storage.port = 8082
      workload web {
        select app=web
        port http 8080
        port storage $storage.port when operator
        allow http from any
        allow storage from ns flux-system
      }
      """;

  static final String BAD = """
      namespace shop
      workload web {
        select app=web
        port http 8080
        allow htp from any
      }
      """;

  static final String MAIN_HELP = """
      Usage: jnp [-hV] [COMMAND]
      Compiles .jnp network policy into the policy objects of one engine.
        -h, --help      Show this help message and exit.
        -V, --version   Print version information and exit.
      Commands:
        compile  Compile .jnp files to policy objects: a YAML stream on stdout, or
                   files under -o DIR.
        check    Check .jnp files and print their diagnostics; renders nothing.
        verify   Check every 'expect' against the objects rendered for the engine
                   (--engine all: every engine), read back from YAML and evaluated
                   under that engine's semantics.
        fmt      Format .jnp files in place (comments kept, meaning unchanged); with
                   --check, change nothing, print a diff and exit 1 when a file is
                   not formatted.
        analyze  List the connections that the policies in some manifests allow
                   between their workloads (netpol-analyzer's list format).
        lsp      Run the language server for .jnp files on standard input and output
                   (for editors).
        help     Display help information about the specified command.

      Exit status:
        0   success
        1   the input has errors
        2   usage error
        3   internal fault (a bug in jnp)
      """;

  static final String COMPILE_HELP = """
      Usage: jnp compile [-hV] [--warnings-as-errors] [--engine=E] [-o=DIR]
                         [--set=K=V]... [--values=F]... FILE...
      Compile .jnp files to policy objects: a YAML stream on stdout, or files under
      -o DIR.
            FILE...                The .jnp files.
            --engine=E             Target engine, overriding the files' 'engine':
                                     kubernetes, cilium, calico,
                                     clusterNetworkPolicy, or all.
        -h, --help                 Show this help message and exit.
        -o, --output=DIR           Write one file per object and a kustomization.yaml
                                     into DIR (one folder per engine with --engine
                                     all). Nothing is written when there is an error.
            --set=K=V              Set a parameter (repeatable; wins over --values).
        -V, --version              Print version information and exit.
            --values=F             A YAML file of parameter values, flat or nested
                                     (repeatable).
            --warnings-as-errors   Treat warnings as errors.
      """;

  @Test
  void helpListsTheCommandsOptionsAndExitStatuses() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"}, new String[] {"-Vh"})) {
      Run help = jnp(args);
      assertThat(help.status()).isEqualTo(Main.OK);
      assertThat(help.out()).isEqualTo(MAIN_HELP);
      assertThat(help.err()).isEmpty();
    }
    for (String[] args : List.of(
        new String[] {"compile", "--help"}, new String[] {"compile", "-h"}, new String[] {"help", "compile"},
        new String[] {"compile", "--bogus", "--help"}, new String[] {"compile", "-hV"})) {
      assertThat(jnp(args).out()).isEqualTo(COMPILE_HELP);
    }
  }

  @Test
  void everyCommandHasHelpAndVersion() {
    for (String command : List.of("compile", "check", "verify", "fmt", "analyze", "lsp", "help")) {
      Run help = jnp(command, "--help");
      assertThat(help.status()).isEqualTo(Main.OK);
      assertThat(help.out()).startsWith("Usage: jnp " + command + " [-h");
      assertThat(help.out()).contains("  -h, --help ");
      assertThat(jnp(command, "-h")).isEqualTo(help);
      assertThat(jnp("help", command)).isEqualTo(help);
      if (!command.equals("help")) {
        assertThat(help.out()).contains("  -V, --version   ");
        for (String version : List.of("--version", "-V")) {
          Run run = jnp(command, version);
          assertThat(run.status()).isEqualTo(Main.OK);
          assertThat(run.out()).isEqualTo(jnp("--version").out());
        }
      }
    }
    assertThat(jnp("--version").out()).matches("jnp \\S+\n");
    assertThat(jnp("-V")).isEqualTo(jnp("--version"));
    assertThat(jnp("check", "--help").out()).contains("      --format=F             text (default), json or sarif.\n");
    assertThat(jnp("analyze", "--help").out()).startsWith("Usage: jnp analyze [-hV] [--engine=E] DIR|FILE...\n");
    assertThat(jnp("fmt", "--help").out()).startsWith("Usage: jnp fmt [-hV] [--check] FILE...\n");
    assertThat(jnp("lsp", "--help").out()).startsWith("""
        Usage: jnp lsp [-hV] [--stdio]
        Run the language server for .jnp files on standard input and output (for
        editors).
        Logs go to standard error. Exits when the client sends 'exit' or closes the
        stream.
        """);
    assertThat(jnp("help", "--help").out()).isEqualTo("""
        Usage: jnp help [-h] [COMMAND]
        Display help information about the specified command.
        When no COMMAND is given, the usage help for the main command is displayed.
        If a COMMAND is specified, the help for that command is shown.
              [COMMAND]   The COMMAND to display the usage help message for.
          -h, --help      Show usage help for the help command and exit.
        """);
  }

  /** {@code jnp args} exits 2, says {@code message} on stderr and nothing on stdout. */
  static void usageError(String message, String... args) {
    Run run = jnp(args);
    assertThat(run.status()).isEqualTo(Main.USAGE);
    assertThat(run.err()).isEqualTo(message);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void usageErrorsSayWhatWasMeantAndWhereTheHelpIs() throws IOException {
    String good = file("good.jnp", GOOD).toString();
    usageError("jnp: a command is missing: compile, check, verify, fmt, analyze or lsp\nRun 'jnp --help' for usage.\n");
    usageError("jnp: Unmatched argument at index 0: 'frobnicate'\nRun 'jnp --help' for usage.\n", "frobnicate");
    usageError("jnp: Unmatched arguments from index 0: 'compil', '" + good + "'\nDid you mean: jnp compile?\n"
        + "Run 'jnp --help' for usage.\n", "compil", good);
    usageError("jnp: Unknown option: '--engin'\nPossible solutions: --engine\nRun 'jnp compile --help' for usage.\n",
        "compile", "--engin", "x", good);
    usageError("jnp: Unknown option: '--bogus'\nRun 'jnp --help' for usage.\n", "--bogus", "compile", good);
    usageError("jnp: Missing required parameter: 'FILE'\nRun 'jnp compile --help' for usage.\n", "compile");
    usageError("jnp: Missing required parameter: 'FILE'\nRun 'jnp fmt --help' for usage.\n", "fmt", "--check");
    usageError("jnp: Missing required parameter: 'DIR|FILE'\nRun 'jnp analyze --help' for usage.\n", "analyze");
    usageError("jnp: Missing required parameter for option '--set' (K=V)\nRun 'jnp compile --help' for usage.\n",
        "compile", "--set");
    usageError("jnp: unknown engine 'nope'; the engines are kubernetes, cilium, calico, clusterNetworkPolicy, or all\n"
        + "Run 'jnp compile --help' for usage.\n", "compile", "--engine", "nope", good);
    usageError("jnp: unknown engine 'nope'; the engines are kubernetes, cilium, calico, clusterNetworkPolicy\n"
        + "Run 'jnp analyze --help' for usage.\n", "analyze", "--engine=nope", good);
    usageError("jnp: Invalid value for option '--format': expected one of [text, json, sarif] (case-sensitive) but was 'xml'\n"
        + "Run 'jnp check --help' for usage.\n", "check", "--format", "xml", good);
    usageError("jnp: option '--engine' (E) should be specified only once\nRun 'jnp verify --help' for usage.\n",
        "verify", "--engine", "cilium", "--engine", "calico", good);
    usageError("jnp: Unmatched argument at index 1: 'extra'\nRun 'jnp lsp --help' for usage.\n", "lsp", "extra");
    usageError("jnp: Unknown subcommand 'compil'.\nDid you mean: jnp help compile?\nRun 'jnp --help' for usage.\n",
        "help", "compil");
  }

  @Test
  void optionsTakeTheirValuesInEveryForm() throws IOException {
    String good = file("good.jnp", GOOD).toString();
    for (String[] args : List.of(
        new String[] {"compile", "--engine", "cilium", good},
        new String[] {"compile", "--engine=cilium", good},
        new String[] {"compile", good, "--engine=cilium"})) {
      Run run = jnp(args);
      assertThat(run.status()).isEqualTo(Main.OK);
      assertThat(run.out()).contains("kind: CiliumNetworkPolicy");
    }
    for (String[] args : List.of(
        new String[] {"-o", dir.resolve("a").toString()},
        new String[] {"-o" + dir.resolve("b")},
        new String[] {"-o=" + dir.resolve("c")},
        new String[] {"--output", dir.resolve("d").toString()},
        new String[] {"--output=" + dir.resolve("e")})) {
      List<String> command = new ArrayList<>(List.of("compile", good));
      command.addAll(List.of(args));
      assertThat(jnp(command.toArray(String[]::new)).status()).isEqualTo(Main.OK);
    }
    for (String name : List.of("a", "b", "c", "d", "e")) {
      assertThat(Files.exists(dir.resolve(name).resolve("shop-web.yaml"))).isTrue();
    }
    // Repeated --set: the last wins; --values files apply in order, and --set over them.
    assertThat(jnp("compile", good, "--set=operator=true", "--set", "storage.port=1", "--set", "storage.port=2").out())
        .contains("port: 2\n");
    Path first = file("first.yaml", "operator: true\nstorage.port: 3\n");
    Path second = file("second.yaml", "storage.port: 4\n");
    assertThat(jnp("compile", good, "--values", first.toString(), "--values=" + second).out()).contains("port: 4\n");
    assertThat(jnp("compile", good, "--values", second.toString(), "--values=" + first).out()).contains("port: 3\n");
  }

  @Test
  void twoDashesEndTheOptions() throws IOException {
    // A file name starting with a dash is an option, unless "--" comes before it.
    usageError("jnp: Missing required parameter: 'FILE'\nRun 'jnp compile --help' for usage.\n", "compile", "-nope.jnp");
    Run dashed = jnp("compile", "--", "-nope.jnp");
    assertThat(dashed.status()).isEqualTo(Main.INPUT_ERRORS);
    assertThat(dashed.err()).contains("-nope.jnp: error[JNP0901]: no such file '-nope.jnp'");
    Run option = jnp("compile", "--", "--set");
    assertThat(option.status()).isEqualTo(Main.INPUT_ERRORS);
    assertThat(option.err()).contains("--set: error[JNP0901]: no such file '--set'");
    Run before = jnp("compile", "--engine", "cilium", "--", file("good.jnp", GOOD).toString());
    assertThat(before.status()).isEqualTo(Main.OK);
    assertThat(before.out()).contains("kind: CiliumNetworkPolicy");
  }

  @Test
  void errorsExitOneWithSnippetAndNothingOnStdout() throws IOException {
    Path bad = file("bad.jnp", BAD);
    Run run = jnp("compile", bad.toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(bad + ":5:9: error[JNP0101]: unknown port 'htp'\n"
        + " 5 |   allow htp from any\n"
        + "   |         ^^^\n"
        + "  = hint: did you mean 'http'?\n");
    assertThat(run.err()).contains("jnp: 1 error, 0 warnings, 0 notes");
  }

  @Test
  void setAndValuesApplyParameters() throws IOException {
    Path good = file("good.jnp", GOOD);
    assertThat(jnp("compile", good.toString()).out()).doesNotContain("8082");
    assertThat(jnp("compile", good.toString(), "--set", "operator=true").out()).contains("port: 8082");
    Path nested = file("nested.yaml", "operator: true\nstorage:\n  port: 9000\n");
    assertThat(jnp("compile", good.toString(), "--values", nested.toString()).out()).contains("port: 9000");
    Path dotted = file("dotted.yaml", "operator: true\nstorage.port: 9001\n");
    assertThat(jnp("compile", good.toString(), "--values", dotted.toString()).out()).contains("port: 9001");
    // --set wins over --values.
    assertThat(jnp("compile", good.toString(), "--values", dotted.toString(), "--set", "storage.port=9002").out())
        .contains("port: 9002");
    Path list = file("list.yaml", "- operator\n");
    Run notAMap = jnp("compile", good.toString(), "--values", list.toString());
    assertThat(notAMap.status()).isEqualTo(1);
    assertThat(notAMap.err()).contains(list + ": error[JNP0902]: a values file must be a YAML map");
    Path broken = file("broken.yaml", "operator: [\n");
    assertThat(jnp("compile", good.toString(), "--values", broken.toString()).err()).contains("error[JNP0902]: invalid YAML");
    Run undeclared = jnp("compile", good.toString(), "--set", "operater=true");
    assertThat(undeclared.status()).isEqualTo(1);
    assertThat(undeclared.err()).contains("--set operater=true: error[JNP0110]: no file declares parameter 'operater'");
    assertThat(undeclared.err()).contains("did you mean 'operator'?");
  }

  @Test
  void outputDirectoryGetsOneFilePerObjectAndAKustomization() throws IOException {
    Path good = file("good.jnp", GOOD + "default deny\n");
    Path out = dir.resolve("out");
    Run run = jnp("compile", good.toString(), "-o", out.toString());
    assertThat(run.status()).isEqualTo(0);
    assertThat(list(out).keySet()).containsExactly("kustomization.yaml", "shop-default-deny.yaml", "shop-web.yaml");
    assertThat(Files.readString(out.resolve("kustomization.yaml"))).isEqualTo(
        "# Generated by jnp; regenerate instead of editing.\n"
            + "apiVersion: kustomize.config.k8s.io/v1beta1\n"
            + "kind: Kustomization\n"
            + "resources:\n"
            + "- shop-web.yaml\n"
            + "- shop-default-deny.yaml\n");

    // A later run without the default deny removes the file it no longer makes, keeps others.
    Files.writeString(out.resolve("README.md"), "mine");
    assertThat(jnp("compile", file("good.jnp", GOOD).toString(), "-o", out.toString()).status()).isEqualTo(0);
    assertThat(list(out).keySet()).containsExactly("README.md", "kustomization.yaml", "shop-web.yaml");
  }

  @Test
  void anErrorLeavesTheOutputDirectoryExactlyAsItWas() throws IOException {
    Path out = dir.resolve("out");
    assertThat(jnp("compile", file("good.jnp", GOOD).toString(), "-o", out.toString()).status()).isEqualTo(0);
    Map<String, String> before = list(out);
    Run run = jnp("compile", file("bad.jnp", BAD).toString(), "-o", out.toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(list(out)).isEqualTo(before);
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString()).filter(n -> n.contains(".jnp-")).toList()).isEmpty();
    }
  }

  @Test
  void anErrorCreatesNoOutputDirectory() throws IOException {
    Path out = dir.resolve("never");
    assertThat(jnp("compile", file("bad.jnp", BAD).toString(), "-o", out.toString()).status()).isEqualTo(1);
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void checkPrintsJsonAndSarif() throws IOException {
    Path bad = file("bad.jnp", BAD);
    Run json = jnp("check", "--format", "json", bad.toString());
    assertThat(json.status()).isEqualTo(1);
    JsonNode diagnostic = new ObjectMapper().readTree(json.out()).get("diagnostics").get(0);
    assertThat(diagnostic.get("code").asText()).isEqualTo("JNP0101");
    assertThat(diagnostic.get("line").asInt()).isEqualTo(5);
    assertThat(diagnostic.get("column").asInt()).isEqualTo(9);
    assertThat(diagnostic.get("hint").asText()).isEqualTo("did you mean 'http'?");
    Run sarif = jnp("check", "--format", "sarif", bad.toString());
    JsonNode result = new ObjectMapper().readTree(sarif.out()).get("runs").get(0).get("results").get(0);
    assertThat(result.get("ruleId").asText()).isEqualTo("JNP0101");
    assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(5);
    Run clean = jnp("check", file("good.jnp", GOOD).toString());
    assertThat(clean.status()).isEqualTo(0);
    assertThat(clean.out()).isEmpty();
  }

  @Test
  void warningsAsErrors() throws IOException {
    Path warned = file("warned.jnp", "namespace shop\nworkload web {\n  select app=web\n  egress {\n  }\n}\n");
    assertThat(jnp("compile", warned.toString()).status()).isEqualTo(0);
    Run strict = jnp("compile", warned.toString(), "--warnings-as-errors");
    assertThat(strict.status()).isEqualTo(1);
    assertThat(strict.err()).contains("error[JNP0405]");
    assertThat(strict.out()).isEmpty();
  }

  @Test
  void unreadableInputIsADiagnosticNotATrace() throws IOException {
    Run missing = jnp("compile", dir.resolve("nope.jnp").toString());
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).contains("error[JNP0901]: no such file");

    Path nul = dir.resolve("nul.jnp");
    Files.write(nul, "namespace shop\nworkload a\0 {}\n".getBytes(StandardCharsets.UTF_8));
    Run binary = jnp("check", nul.toString());
    assertThat(binary.status()).isEqualTo(1);
    assertThat(binary.out()).contains(nul + ":2:11: error[JNP0903]: a NUL byte");

    Path latin1 = dir.resolve("latin1.jnp");
    Files.write(latin1, new byte[] {'#', ' ', 'c', 'a', 'f', (byte) 0xe9, '\n'});
    Run encoding = jnp("check", latin1.toString());
    assertThat(encoding.status()).isEqualTo(1);
    assertThat(encoding.out()).contains(latin1 + ":1:6: error[JNP0903]: the file is not valid UTF-8");

    Path deep = file("deep.jnp", "param a = true\nworkload w in x {\n  select a=b\n  allow from any when "
        + "(".repeat(20_000) + "a" + ")".repeat(20_000) + "\n}\n");
    Run nesting = jnp("check", deep.toString());
    assertThat(nesting.status()).isEqualTo(1);
    assertThat(nesting.out()).contains("error[JNP0002]: nesting deeper than 100 levels");

    // Each operator of a condition nests the rest one level deeper; names between them may be
    // keywords.
    String rule = "param a = true\nworkload w in x {\n  select a=b\n  allow from any when ";
    for (String condition : List.of("not ".repeat(20_000) + "a", "a and ".repeat(20_000) + "a",
        "a or port and ".repeat(10_000) + "a", "(not a or not ".repeat(50) + "a" + ")".repeat(50))) {
      Run operators = jnp("check", file("operators.jnp", rule + condition + "\n}\n").toString());
      assertThat(operators.status()).isEqualTo(1);
      assertThat(operators.out()).contains(":4:");
      assertThat(operators.out()).contains("error[JNP0002]: a condition of more than 100 operators (and, or, not) nests too deep");
    }
    Run hundred = jnp("check", file("hundred.jnp", rule + "a and ".repeat(50) + "not a or ".repeat(25) + "a\n}\n").toString());
    assertThat(hundred.status()).isEqualTo(0);

    // Peers that name peers: 20,000 levels deep, or twice each on 40 levels (2^40 peers), or in a
    // loop of 20,000.
    StringBuilder chain = new StringBuilder();
    StringBuilder doubled = new StringBuilder();
    StringBuilder loop = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      chain.append("peer p").append(i).append(" = p").append(i + 1).append('\n');
      loop.append("peer p").append(i).append(" = p").append((i + 1) % 20_000).append('\n');
    }
    for (int i = 0; i < 40; i++) {
      doubled.append("peer p").append(i).append(" = p").append(i + 1).append(", p").append(i + 1).append('\n');
    }
    String workload = "namespace x\nworkload w {\n  select app=w\n  allow from p0\n}\n";
    Map<String, String> expected = Map.of(
        chain + "peer p20000 = any\n", "1:6: error[JNP0002]: peer 'p0' names peers that name peers more than 100 levels deep",
        doubled + "peer p40 = any\n", "1:6: error[JNP0115]: peer 'p0' stands for more than 10000 peers once the peers it names are written out",
        loop.toString(), "1:6: error[JNP0002]: peer 'p0' names peers that name peers more than 100 levels deep",
        doubled + "peer p40 = p0\n", "1:6: error[JNP0111]: peer 'p0' is defined in terms of itself: p0 -> p1 -> p2 -> p3");
    for (Map.Entry<String, String> peers : expected.entrySet()) {
      Path source = file("peers.jnp", peers.getKey() + workload);
      Run run = jnp("check", source.toString());
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.out()).contains(source + ":" + peers.getValue());
    }
    // Rules that name a peer of 2^13 peers write it out each time: the 123rd passes a million.
    StringBuilder rules = new StringBuilder(doubled.substring(0, doubled.indexOf("peer p13 ")) + "peer p13 = any\nnamespace x\nworkload w {\n  select app=w\n");
    for (int i = 0; i < 130; i++) {
      rules.append("  allow from p0\n");
    }
    Path manyPeers = file("many.jnp", rules + "}\n");
    Run many = jnp("check", manyPeers.toString());
    assertThat(many.status()).isEqualTo(1);
    assertThat(many.out()).contains(manyPeers + ":140:14: error[JNP0115]: the file's rules stand for more than 1000000 peers once the peers they name are written out");
    // The same count across workloads, which are checked in runs of 64 declarations in parallel:
    // no run passes the limit alone, and the error is still at the rule where the count does.
    StringBuilder workloads = new StringBuilder(doubled.substring(0, doubled.indexOf("peer p13 ")) + "peer p13 = any\nnamespace x\n");
    for (int i = 0; i < 130; i++) {
      workloads.append("workload w").append(i).append(" {\n  select app=w").append(i).append("\n  allow from p0\n}\n");
    }
    Path manyWorkloads = file("workloads.jnp", workloads.toString());
    Run across = jnp("check", manyWorkloads.toString());
    assertThat(across.status()).isEqualTo(1);
    assertThat(across.out()).contains(manyWorkloads + ":506:14: error[JNP0115]: the file's rules stand for more than 1000000 peers once the peers they name are written out");
    StringBuilder hundredLevels = new StringBuilder();
    for (int i = 0; i < 99; i++) {
      hundredLevels.append("peer p").append(i).append(" = p").append(i + 1).append(", any\n");
    }
    assertThat(jnp("check", file("levels.jnp", hundredLevels + "peer p99 = any\n" + workload).toString()).status()).isEqualTo(0);
  }

  @Test
  void analyzePrintsNetpolAnalyzerLines() throws IOException {
    Path data = dev.jnp.testing.SharedFolder.find().resolve("conformance/netpol-analyzer/ipblockstest_3");
    Run run = jnp("analyze", data.toString());
    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).isEqualTo(Files.readString(data.resolve("expected.txt")));
    assertThat(jnp("analyze", dir.resolve("nothing-here").toString()).status()).isEqualTo(1);
    assertThat(jnp("analyze", "--engine", "weave", data.toString()).status()).isEqualTo(2);
  }

  @Test
  void analyzeSaysWhatItSkippedAndNamesAFileItCannotRead() throws IOException {
    Path data = dev.jnp.testing.SharedFolder.find().resolve("conformance/netpol-analyzer/ipblockstest_3");
    Path cluster = Files.createDirectories(dir.resolve("cluster"));
    try (var files = Files.list(data)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        Files.copy(f, cluster.resolve(f.getFileName()));
      }
    }
    // A template that is not YAML: skipped with a warning, as netpol-analyzer does, and the rest listed.
    Files.writeString(cluster.resolve("template.yaml"), "metadata: {{ .Values.name }\n");
    Run run = jnp("analyze", cluster.toString());
    assertThat(run.status()).isEqualTo(0);
    assertThat(run.out()).isEqualTo(Files.readString(data.resolve("expected.txt")));
    assertThat(run.err()).startsWith("jnp: warning[JNP0904]: " + cluster.resolve("template.yaml") + ":1:13: skipped, not valid YAML: ");
    // A file that is not UTF-8: an error that names it, and nothing listed.
    Path latin1 = Files.write(cluster.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xe9, '\n'});
    Run bad = jnp("analyze", cluster.toString());
    assertThat(bad.status()).isEqualTo(1);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err()).isEqualTo("jnp: error[JNP0903]: cannot read the manifests: " + latin1 + ": not UTF-8 text\n");
  }

  @Test
  void fmtRewritesInPlaceAndCheckShowsTheDiff() throws IOException {
    Path messy = file("messy.jnp", "namespace   shop\nworkload web {\n    select app=web\n  allow   from any # open\n}\n");
    Run check = jnp("fmt", "--check", messy.toString());
    assertThat(check.status()).isEqualTo(1);
    assertThat(check.out()).contains("-namespace   shop\n+namespace shop\n");
    assertThat(Files.readString(messy)).contains("namespace   shop");
    assertThat(jnp("fmt", messy.toString()).status()).isEqualTo(0);
    assertThat(Files.readString(messy)).isEqualTo("namespace shop\nworkload web {\n  select app=web\n  allow from any  # open\n}\n");
    Run clean = jnp("fmt", "--check", messy.toString());
    assertThat(clean.status()).isEqualTo(0);
    assertThat(clean.out()).isEmpty();
    Path broken = file("broken.jnp", "workload {\n");
    Run syntax = jnp("fmt", broken.toString());
    assertThat(syntax.status()).isEqualTo(1);
    assertThat(syntax.err()).contains("error[JNP0001]");
    assertThat(Files.readString(broken)).isEqualTo("workload {\n");
  }

  @Test
  void limitsAnswerWithADiagnostic() throws IOException {
    Path huge = dir.resolve("huge.jnp");
    byte[] line = "# padding padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
    try (var out = Files.newOutputStream(huge)) {
      for (long written = 0; written < 10_000_000; written += line.length) {
        out.write(line);
      }
    }
    Run big = jnp("check", huge.toString());
    assertThat(big.status()).isEqualTo(1);
    assertThat(big.out()).contains("error[JNP0901]: '" + huge + "' is larger than 4 MiB");

    StringBuilder many = new StringBuilder("namespace shop\nworkload web {\n  select app=web\n");
    for (int i = 1; i <= 1001; i++) {
      many.append("  allow ").append(i).append(" from any\n");
    }
    Run rules = jnp("check", file("many.jnp", many.append("}\n").toString()).toString());
    assertThat(rules.status()).isEqualTo(1);
    assertThat(rules.out()).contains(":1004:3: error[JNP0412]: workload 'web' has 1001 rules; at most 1000 are allowed");
  }

  /** A command with a bug in it. */
  static final class Boom implements Command {
    @Override
    public String name() {
      return "boom";
    }

    @Override
    public List<String> description() {
      return List.of("Fails.");
    }

    @Override
    public List<Option> options() {
      return List.of(Option.HELP, Option.VERSION);
    }

    @Override
    public Optional<Operands> operands() {
      return Optional.empty();
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) {
      throw new IllegalStateException("invariant broken");
    }
  }

  @Test
  void anEscapedExceptionSaysItIsABugAndExitsThree() {
    StringWriter err = new StringWriter();
    int status = Main.execute(List.of(new Boom()), new String[] {"boom"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(status).isEqualTo(3);
    assertThat(err.toString()).contains("internal error: java.lang.IllegalStateException: invariant broken");
    assertThat(err.toString()).contains("This is a bug in jnp");
    assertThat(err.toString()).doesNotContain("\tat ");
  }

  private static Map<String, String> list(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(path).toString(), Files.readString(path));
      }
    }
    return files;
  }
}
