package dev.jnp.compiler.syntax;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.jnp.compiler.syntax.LexerComparison.assertSameTokens;

import dev.jnp.compiler.TestSources;
import dev.jnp.grammar.JnpLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SourceLexer} reads every input as the lexer generated from {@code Jnp.g4} does. */
class SourceLexerTest {
  @Test
  void everySourceInTheProject() {
    List<String> sources = TestSources.everySource();
    assertThat(sources.size()).isAtLeast(40);
    sources.forEach(LexerComparison::assertSameTokens);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "\t\f\uFEFF x", "\n", "\r", "\r\n", "\n\r", "\r\r\n\n", "a\rb\nc\r\nd",
      "engine", "engines", "engine-x", "Engine", "in", "ns default", "8080", "8080/tcp", "08", "1.2",
      "10.0.0.0/16", "*.example.com", "a:b", "_", "-", "--", "->", "-->", "a->b", "->>", "- >", "a-",
      "=", ",{}[]()", "a=b,c", "$", "$1", "$a", "$_x.y-z:w", "$a/b", "$$a", "#", "# comment\nx", "#\r\n#",
      "\"\"", "\"", "\"a", "\"a\nb\"", "\"a\\\"b\"", "\"a\\\\\"", "\"a\\nb\"", "\"a\\tb\"", "\"\\", "\"a\\",
      "\"\"\"", "\"\"\"\"", "\"\"\"\"\"", "\"\"\"\"\"\"", "\"\"\"\"\"\"\"", "\"\"\"a\"\"\"", "\"\"\"a\n\"b\"\n\"\"\"x",
      "\"\"\"abc", "\"\"\"a\"\"", "\"\"\"a\"\"\"\"", "!", ">", "<", "@", "%", "^", "~", "`", "'", "\\", ";", "|", "+",
      "\u0000", "a\u0000b", "é", "naïve", "\u00a0", "\u2028", "😀", "# 😀 x", "\"😀\"", "\"\"\"😀\n😀\"\"\"",
      "\ud83d", "a\ud83db", "\ude00", "x\ude00\ud83d", "\"\ud83d\"", "\uffff", "\ufffd",
  })
  void trickyInputs(String text) {
    assertSameTokens(text);
  }

  /** Texts of fragments the lexer rules care about, put together at random (always the same). */
  @Test
  void randomInputs() {
    String[] fragments = {
      "engine", "namespace", "workload", "in", "allow", "from", "to", "ns", "pods", "cidr", "fqdn", "not", "world",
      "x", "app", "Z9", "_", "8080", "0", "/", ":", "*", ".", "-", ">", "->", "=", ",", "{", "}", "[", "]", "(", ")",
      "$", "$p", "#", "\"", "\"\"\"", "\\", "\\\"", "\\n", "\\t", " ", "\t", "\f", "\uFEFF", "\n", "\r", "\r\n",
      "é", "😀", "\ud83d", "\ude00", "\u0000", "!", "'", ";", "\u00a0",
    };
    TestSources.randomTexts(fragments, 20_000, 24).forEach(LexerComparison::assertSameTokens);
  }

  @Test
  void wordsOfOneHashKeepTheirOwnText() {
    // "Aa" and "BB" hash alike, as do all words of two halves each one of them, and "bmjr" and
    // "bmjrrui", a word and its beginning: the first line has them one after the other. Then many
    // words that share the slots of the lexer's last words, at random.
    List<String> words = new ArrayList<>(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "bmjr", "bmjrrui", "a", "ab", "abc", "a-b", "1", "11"));
    for (int i = 0; i < 3_000; i++) {
      words.add("w" + Integer.toString(i, 36));
    }
    StringBuilder text = new StringBuilder("bmjrrui bmjr bmjrrui Aa BB AaBB BBAa\n");
    Random random = new Random(20261128L);
    for (int i = 0; i < 20_000; i++) {
      text.append(words.get(random.nextInt(words.size()))).append(random.nextInt(8) == 0 ? "\n" : " ");
    }
    LexerComparison.assertSameTokens(text.toString());
  }

  @Test
  void keywordsAreTheGrammarsKeywords() {
    List<String> keywords = new ArrayList<>();
    for (int type = 1; type <= JnpLexer.VOCABULARY.getMaxTokenType(); type++) {
      String literal = JnpLexer.VOCABULARY.getLiteralName(type);
      if (literal != null && literal.matches("'[a-z]+'")) {
        String keyword = literal.substring(1, literal.length() - 1);
        keywords.add(keyword);
        assertWithMessage("token type of '%s'", keyword).that(SourceLexer.keyword(keyword)).isEqualTo(type);
      }
    }
    assertThat(keywords).hasSize(JnpLexer.WORLD - JnpLexer.ENGINE + 1);
    assertThat(SourceLexer.keyword("engines")).isEqualTo(JnpLexer.WORD);
  }
}
