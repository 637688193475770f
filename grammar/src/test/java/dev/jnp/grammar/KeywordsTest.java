package dev.jnp.grammar;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Vocabulary;
import org.junit.jupiter.api.Test;

/** Pins the keyword set: adding or removing a keyword must be a deliberate act. */
class KeywordsTest {

  static List<String> keywords() {
    Vocabulary vocabulary = JnpLexer.VOCABULARY;
    List<String> keywords = new ArrayList<>();
    for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
      String literal = vocabulary.getLiteralName(type);
      if (literal != null && literal.matches("'[a-z]+'")) {
        keywords.add(literal.substring(1, literal.length() - 1));
      }
    }
    return keywords;
  }

  @Test
  void keywordSetIsPinned() {
    assertThat(keywords())
        .containsExactly(
            "engine", "namespace", "param", "peer", "workload", "in", "select", "port", "probe",
            "when", "allow", "from", "to", "egress", "ingress", "native", "default", "deny",
            "order", "expect", "dns", "any", "ns", "where", "pods", "cidr", "except", "fqdn",
            "nodes", "apiserver", "not", "and", "or", "true", "false", "node", "world")
        .inOrder();
  }

  @Test
  void everyKeywordIsSoft() throws java.io.IOException {
    // The parser's 'keyword' rule lists every keyword token, so each may stand as a name.
    String grammar = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/antlr4/dev/jnp/grammar/Jnp.g4"));
    int rule = grammar.indexOf("\nkeyword");
    String keywordRule = grammar.substring(rule, grammar.indexOf(";", rule));
    for (String keyword : keywords()) {
      assertThat(keywordRule).contains(keyword.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
