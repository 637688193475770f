package dev.jnp.compiler.syntax;

import static com.google.common.truth.Truth.assertThat;
import static dev.jnp.compiler.syntax.PartsComparison.assertSameAsWhole;

import dev.jnp.compiler.TestSources;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A large file is parsed in parts, in parallel; the AST and the diagnostics are the same. */
class ParsePartsTest {
  @Test
  void everySourceInTheProject() {
    int inParts = 0;
    for (String text : TestSources.everySource()) {
      assertSameAsWhole(text);
      inParts += parts(text, 1).size() > 1 ? 1 : 0;
    }
    assertThat(inParts).isAtLeast(20);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "}",
      "workload a { } }",
      "workload a { select x=y } workload b { select x=z }",
      "namespace n\nworkload a { select app=a }\n# between\nworkload b in m { select app=b\n egress { allow dns } }\n",
      "workload a { select app=a egress { allow dns } } default deny order 5 when p param p = true",
      "workload a { select app=a } workload workload { select app=b }",
      "peer p = ns x, workload a { select app=a }",
      "namespace workload\nworkload a { select app=a }\nworkload b {",
      "workload a { select app=a } expect allow ns x -> pods app=a",
      "workload a { select app=a } workload b { allow from } workload c { select app=c }",
      "workload a { native cilium ingress \"\"\"\n- {}\n\"\"\" } workload b { select app=b }",
  })
  void smallFiles(String text) {
    assertSameAsWhole(text);
  }

  /** Workloads, declarations and mistakes put together at random (always the same). */
  @Test
  void randomFiles() {
    String[] declarations = {
      "namespace shop\n", "engine cilium\n", "param on = true\n", "peer web = ns web, pods app=x in ns y\n",
      "workload a { select app=a\n port http 8080\n allow http from web when on }\n",
      "workload b in other { select app=b, tier=x\n egress { allow dns\n allow 443 to cidr 10.0.0.0/8 except [10.1.0.0/16] } }\n",
      "workload c { select app=c allow 53/udp from nodes allow from any }\n",
      "default deny ingress order 2000\n", "expect deny ns x -> pods app=a\n", "# a comment }\n",
      "workload d { select app=d egress when on { allow dns to ns kube-system } }\n",
      "workload broken { select }\n", "}\n", "{\n", "workload\n", "allow from\n",
    };
    TestSources.randomTexts(declarations, 2_000, 12).forEach(PartsComparison::assertSameAsWhole);
  }

  @Test
  void partsEndAfterAWorkloadsBrace() {
    String text = "namespace n\nworkload a { select app=a egress { allow dns } }\npeer p = any\nworkload b { select app=b }\n";
    List<List<Token>> parts = parts(text, 1);
    assertThat(parts.stream().map(ParsePartsTest::text).toList())
        .containsExactly(
            "namespace n workload a { select app = a egress { allow dns } }",
            "peer p = any workload b { select app = b } <EOF>")
        .inOrder();
    assertThat(parts(text, 1_000)).hasSize(1);
  }

  private static List<List<Token>> parts(String text, int partTokens) {
    return FileTokens.read("test.jnp", text, partTokens).parts().stream().map(FileTokens.Part::tokens).toList();
  }

  private static String text(List<Token> tokens) {
    return String.join(" ", tokens.stream().map(t -> t.getType() == Token.EOF ? "<EOF>" : t.getText()).toList());
  }
}
