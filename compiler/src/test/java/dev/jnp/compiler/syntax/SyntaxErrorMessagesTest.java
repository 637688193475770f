package dev.jnp.compiler.syntax;

import static com.google.common.truth.Truth.assertThat;

import dev.jnp.compiler.TestSources;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Result;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Syntax errors: the first message for each input, exactly, with its position. */
class SyntaxErrorMessagesTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("workload web {\n  select app=web\n", "3:1: error[JNP0001]: unexpected end of file, expecting select, port, allow, egress, native or '}'"),
        Arguments.of("workload web {\n  allow http from\n}\n", "3:1: error[JNP0001]: unexpected '}', expecting a peer: any, nodes, apiserver, ns, pods, cidr, fqdn or a declared peer's name"),
        Arguments.of("workload web {\n  allow from\n}\n", "3:1: error[JNP0001]: unexpected '}', expecting a peer: any, nodes, apiserver, ns, pods, cidr, fqdn or a declared peer's name"),
        Arguments.of("workload web {\n  egress {\n    allow to # nothing\n  }\n}\n", "4:3: error[JNP0001]: unexpected '}', expecting a peer: any, nodes, apiserver, ns, pods, cidr, fqdn or a declared peer's name"),
        Arguments.of("workload web {\n  allow http frm any\n}\n", "2:14: error[JNP0001]: unexpected 'frm', expecting select, port, allow, egress, native or '}'"),
        Arguments.of("workload web {\n  select app\n}\n", "3:1: error[JNP0001]: unexpected '}', expecting '='"),
        Arguments.of("param x = \n", "2:1: error[JNP0001]: unexpected end of file, expecting a value: true, false, a number or a string"),
        Arguments.of("workload web {\n  select app=web\n  allow from any when (a or b\n}\n", "4:1: error[JNP0001]: unexpected '}', expecting ')'"),
        Arguments.of("workload web {\n  select app=web % x\n}\n", "2:18: error[JNP0001]: unexpected character '%', expecting select, port, allow, egress, native or '}'"),
        Arguments.of("expect allow web\n", "2:1: error[JNP0001]: unexpected end of file, expecting '->'"),
        Arguments.of("expect allow -> web\n", "1:14: error[JNP0001]: unexpected '->', expecting an endpoint: a workload[:port], ns, pods, an address, apiserver, node, world or fqdn"),
        Arguments.of("peer p = pods app=x in\n", "2:1: error[JNP0001]: unexpected end of file, expecting 'in ns NAME', 'in ns where K=V' or 'in any ns'"),
        Arguments.of("default deny sideways\n", "1:14: error[JNP0001]: unexpected 'sideways', expecting a declaration: engine, namespace, param, peer, workload, default deny or expect"),
        Arguments.of("workload web {\n  select app=\"web\n}\n", "2:14: error[JNP0001]: unexpected character '\"', expecting a word"),
        Arguments.of("workload web {\n  native cilium ingress \"\"\"\n- {}\n}\n", "2:25: error[JNP0001]: unexpected '\"\"', expecting a \"\"\" block"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void firstSyntaxErrorReadsWell(String source, String expected) {
    Result<JnpFile> result = SourceParser.parse("test.jnp", source);
    assertThat(result.hasErrors()).isTrue();
    Diagnostic first = result.diagnostics().get(0);
    assertThat(TestSources.oneLine(first).lines().findFirst().orElseThrow()).isEqualTo(expected);
  }
}
