package dev.jnp.compiler.verify;

import static com.google.common.truth.Truth.assertThat;

import dev.jnp.compiler.Compilation;
import dev.jnp.compiler.Compiler;
import dev.jnp.compiler.Options;
import dev.jnp.compiler.SourceInput;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.engine.Backends;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Expectations are evaluated on each engine's rendered YAML, and a wrong policy is caught. */
class VerifierTest {
  static final String POLICY = String.join("\n",
      "namespace shop",
      "param open = false",
      "workload web {",
      "  select app=web",
      "  port http 8080",
      "  port admin 9000",
      "  allow http from ns front",
      "  allow admin from pods team=ops in ns ops when open",
      "  egress {",
      "    allow dns",
      "    allow 443 to cidr 203.0.113.0/24",
      "  }",
      "}",
      "expect allow ns front -> web:http",           // 14: holds
      "expect deny  ns back  -> web:http",           // 15: holds
      "expect allow pods team=ops in ns ops -> web:admin", // 16: fails unless open
      "expect deny  ns front -> web:http",           // 17: fails: a rule allows it
      "expect allow web -> 203.0.113.7:443",         // 18: holds
      "expect deny  web -> world",                   // 19: holds
      "expect allow web -> 198.51.100.7:443",        // 20: fails: egress is an allowlist
      "");

  static List<String> engines() {
    return Backends.available();
  }

  static Compilation compile(String engine, String... sets) {
    List<dev.jnp.compiler.check.Setting> settings = java.util.Arrays.stream(sets)
        .map(s -> new dev.jnp.compiler.check.Setting(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1),
            dev.jnp.diagnostics.SourceSpan.none("--set")))
        .toList();
    return Compiler.compile(List.of(new SourceInput("shop.jnp", POLICY)), new Options(Optional.of(engine), settings, false));
  }

  @ParameterizedTest
  @MethodSource("engines")
  void wrongExpectationsAreCaughtAtTheirLineWithTheDecidingRule(String engine) {
    Compilation compilation = compile(engine);
    List<Diagnostic> failures = compilation.diagnostics().stream().filter(d -> d.code().equals(Verifier.FAILED)).toList();
    assertThat(failures.stream().map(d -> d.span().line()).toList()).containsExactly(16, 17, 20).inOrder();
    assertThat(compilation.manifests()).isEmpty();
    // The deciding rule is named: the one that allows what a deny expected, and the policy that
    // isolates the pod when nothing allows it.
    assertThat(failures.get(1).message()).contains("on " + engine + ", 'expect deny ns front -> web:http' does not hold: allowed");
    assertThat(failures.get(1).message()).contains("spec.ingress[0]");
    assertThat(failures.get(0).message()).contains("denied");
    assertThat(failures.get(0).message()).contains("web");
    assertThat(failures.get(2).message()).contains("egress of shop/web[Pod]: denied");
    assertThat(compilation.expectationsChecked()).containsExactly(engine, 7);
  }

  @ParameterizedTest
  @MethodSource("engines")
  void conditionsDecideWhichExpectationsAreChecked(String engine) {
    Compilation open = compile(engine, "open=true");
    assertThat(open.diagnostics().stream().filter(d -> d.code().equals(Verifier.FAILED)).map(d -> d.span().line()).toList())
        .containsExactly(17, 20).inOrder();
  }
}
