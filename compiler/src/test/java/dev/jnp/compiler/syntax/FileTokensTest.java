package dev.jnp.compiler.syntax;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.compiler.TestSources;
import dev.jnp.grammar.JnpLexer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/**
 * {@link FileTokens} reads a file in one pass: the same tokens as a token stream filled from the
 * lexer, the same parts and the same first place too deep as separate passes over those tokens
 * (the ones it replaced, kept here), and each part's tokens on the default channel.
 */
class FileTokensTest {
  private static final String[] FRAGMENTS = {
    "namespace shop\n", "param on = true\n", "peer web = ns web, pods app=x in ns y\n",
    "workload a { select app=a\n port http 8080\n allow http from web when on }\n",
    "workload b { select app=b egress { allow dns\n allow 443 to cidr 10.0.0.0/8 except [10.1.0.0/16] } }\n",
    "# a comment }\n", "}\n", "{\n", "}}", "{{{", "((((", "))", "[", "]", " and", " or not", " when", ",",
    "expect allow ns x -> pods app=a when (on and not on)\n", "\"\"\"raw }\n\"\"\"", "$p", "\"s\"",
  };

  @Test
  void sameAsSeparatePassesOverTheLexersTokens() {
    List<String> texts = new ArrayList<>(TestSources.everySource());
    texts.addAll(TestSources.randomTexts(FRAGMENTS, 3_000, 40));
    List<String> random = TestSources.randomTexts(FRAGMENTS, 20, 40);
    for (int i = 0; i < random.size(); i++) { // too deep somewhere in a file, each kind of way
      String deep = switch (i % 4) {
        case 0 -> "(".repeat(101);
        case 1 -> "[{(".repeat(34);
        case 2 -> "when a" + " and not a".repeat(51);
        default -> "{".repeat(100) + "}" + "{".repeat(2);
      };
      texts.add(random.get(i) + deep + random.get(random.size() - 1 - i));
    }
    for (String between : new String[] {"\"\"\"x\"\"\"", "\"s\"", "1", "$p", ",", "=", "->", "[", "]", "{", "}", "when", "a"}) {
      texts.add("when a" + " and a".repeat(60) + " " + between + " " + "or a ".repeat(60));
    }
    int deep = 0;
    int inParts = 0;
    for (String text : texts) {
      for (int partTokens : new int[] {1, 7, 4096}) {
        deep += assertSameAsSeparatePasses(text, partTokens) ? 1 : 0;
        inParts += FileTokens.read("t.jnp", text, partTokens).parts().size() > 1 ? 1 : 0;
      }
    }
    assertThat(deep).isAtLeast(30);
    assertThat(inParts).isAtLeast(300);
  }

  /** Besides FRAGMENTS: blocks across lines, code points beyond 16 bits, and Windows' line ends. */
  private static final String[] ACROSS_LINES = {
    "\"\"\"a raw\nblock across\nlines }\n\"\"\"\n", "# a comment \uD83D\uDE00\n", "\"\uD83D\uDE00\"\n", "\r\n",
    "native cilium ingress \"\"\"\n- fromEntities: [world]\n\"\"\"\n",
  };

  @Test
  void aFileLexedInHalvesGivesTheSameTokensAndParts() {
    List<String> texts = new ArrayList<>(TestSources.everySource());
    String[] fragments = Stream.concat(Stream.of(FRAGMENTS), Stream.of(ACROSS_LINES)).toArray(String[]::new);
    texts.addAll(TestSources.randomTexts(fragments, 2_000, 60));
    Random random = new Random(20261128L);
    int cut = 0;
    int acrossTheCut = 0;
    for (String text : texts) {
      FileTokens whole = FileTokens.read("t.jnp", text, 7, -1);
      for (int from : new int[] {0, text.length() / 2, random.nextInt(text.length() + 1)}) {
        FileTokens halves = FileTokens.read("t.jnp", text, 7, from);
        assertWithMessage("halves from %s of:\n%s", from, text).that(everything(halves)).isEqualTo(everything(whole));
        int lineStart = text.indexOf('\n', from) + 1;
        if (lineStart > 0 && lineStart < text.length()) {
          cut++;
          int at = text.codePointCount(0, lineStart);
          acrossTheCut += whole.all().stream().anyMatch(t -> t.getStartIndex() < at && t.getStopIndex() >= at) ? 1 : 0;
        }
      }
    }
    // Both ways are taken many times: the second half's tokens, and the file lexed on after a block.
    assertThat(cut).isAtLeast(3_000);
    assertThat(acrossTheCut).isAtLeast(100);
  }

  /** All {@code read} holds, token by token: every field of each token, the parts and the first place too deep. */
  private static List<String> everything(FileTokens read) {
    List<String> all = new ArrayList<>(describeFully(read.all()));
    all.add("too deep: " + read.tooDeep().map(d -> d.span() + " " + d.message()).orElse("no"));
    if (read.tooDeep().isEmpty()) {
      for (FileTokens.Part part : read.parts()) {
        all.add("part: " + describeFully(part.tokens()) + " " + describeFully(List.of(part.onDefaultChannel())) + " " + Arrays.toString(part.types()));
      }
    }
    return all;
  }

  private static List<String> describeFully(List<Token> tokens) {
    return tokens.stream()
        .map(t -> t.getType() + " " + t.getTokenIndex() + " " + t.getLine() + ":" + t.getCharPositionInLine() + " "
            + t.getStartIndex() + "-" + t.getStopIndex() + " " + t.getChannel() + " " + t.getText())
        .toList();
  }

  /** Fails unless {@link FileTokens} reads {@code text} as the separate passes do; answers whether it is too deep. */
  private static boolean assertSameAsSeparatePasses(String text, int partTokens) {
    CommonTokenStream stream = new CommonTokenStream(new SourceLexer(new SourceChars(text, "t.jnp"), new CommonTokenFactory(true)));
    stream.fill();
    List<Token> expected = stream.getTokens();
    FileTokens read = FileTokens.read("t.jnp", text, partTokens);
    Integer tooDeepAt = firstTooDeep(expected);
    assertWithMessage("too deep in:\n%s", text).that(read.tooDeep().isPresent()).isEqualTo(tooDeepAt != null);
    if (tooDeepAt != null) {
      Token token = expected.get(tooDeepAt);
      assertThat(read.tooDeep().get().span().line()).isEqualTo(token.getLine());
      assertThat(read.tooDeep().get().span().column()).isEqualTo(token.getCharPositionInLine() + 1);
      assertThat(describe(read.all())).isEqualTo(describe(expected.subList(0, tooDeepAt + 1)));
      return true;
    }
    assertWithMessage("tokens of:\n%s", text).that(describe(read.all())).isEqualTo(describe(expected));
    List<FileTokens.Part> parts = read.parts();
    assertWithMessage("parts of:\n%s", text)
        .that(parts.stream().map(p -> describe(p.tokens())).toList())
        .isEqualTo(parts(expected, partTokens).stream().map(FileTokensTest::describe).toList());
    for (int i = 0; i < parts.size(); i++) {
      FileTokens.Part part = parts.get(i);
      List<Token> onDefaultChannel = part.tokens().stream().filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL).toList();
      List<Token> given = List.of(part.onDefaultChannel());
      if (i < parts.size() - 1) { // an end of file of its own closes every part but the last
        assertThat(given.get(given.size() - 1).getType()).isEqualTo(Token.EOF);
        given = given.subList(0, given.size() - 1);
      }
      assertWithMessage("part %s of:\n%s", i, text).that(describe(given)).isEqualTo(describe(onDefaultChannel));
      assertThat(part.types()).isEqualTo(Stream.of(part.onDefaultChannel()).mapToInt(Token::getType).toArray());
    }
    return false;
  }

  private static List<String> describe(List<Token> tokens) {
    return tokens.stream()
        .map(t -> t.getType() + " " + t.getTokenIndex() + " " + t.getLine() + ":" + t.getCharPositionInLine() + " " + t.getText())
        .toList();
  }

  // The passes FileTokens replaced.

  private static Integer firstTooDeep(List<Token> tokens) {
    int depth = 0;
    int operators = 0;
    for (int i = 0; i < tokens.size(); i++) {
      switch (tokens.get(i).getType()) {
        case JnpLexer.LPAREN, JnpLexer.LBRACKET, JnpLexer.LBRACE -> depth++;
        case JnpLexer.RPAREN, JnpLexer.RBRACKET, JnpLexer.RBRACE -> depth--;
        default -> {}
      }
      switch (tokens.get(i).getType()) {
        case JnpLexer.AND, JnpLexer.OR, JnpLexer.NOT -> operators++;
        case JnpLexer.WHEN, JnpLexer.LBRACE, JnpLexer.RBRACE, JnpLexer.LBRACKET, JnpLexer.RBRACKET,
            JnpLexer.COMMA, JnpLexer.EQUALS, JnpLexer.ARROW, JnpLexer.STRING, JnpLexer.NUMBER,
            JnpLexer.PARAM_REF, JnpLexer.RAW -> operators = 0;
        default -> {}
      }
      if (depth > SourceParser.MAX_NESTING || operators > SourceParser.MAX_OPERATORS) {
        return i;
      }
    }
    return null;
  }

  private static List<List<Token>> parts(List<Token> tokens, int partTokens) {
    List<List<Token>> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    int last = tokens.size() - 1;
    for (int i = 0; i < last; i++) {
      int type = tokens.get(i).getType();
      if (type == JnpLexer.LBRACE) {
        depth++;
      } else if (type == JnpLexer.RBRACE && --depth == 0 && i + 1 - start >= partTokens && i + 1 < last) {
        parts.add(tokens.subList(start, i + 1));
        start = i + 1;
      }
    }
    parts.add(tokens.subList(start, tokens.size()));
    return parts;
  }
}
