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
  void everyKeywordIsSoft() throws Exception {
    // The parser's 'keyword' rule lists every keyword token, so each may stand as a name.
    String grammar = new String(
        KeywordsTest.class.getResourceAsStream("/dev/jnp/grammar/Jnp.g4") == null
            ? java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/main/antlr4/dev/jnp/grammar/Jnp.g4"))
            : KeywordsTest.class.getResourceAsStream("/dev/jnp/grammar/Jnp.g4").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    String keywordRule = grammar.substring(grammar.indexOf("\nkeyword"), grammar.indexOf(";", grammar.indexOf("\nkeyword")));
    for (String keyword : keywords()) {
      assertThat(keywordRule).contains(keyword.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
