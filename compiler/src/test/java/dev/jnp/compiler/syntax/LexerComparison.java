package dev.jnp.compiler.syntax;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.grammar.JnpLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/** Holds {@link SourceLexer} to the lexer ANTLR generates from {@code Jnp.g4}, token by token. */
public final class LexerComparison {
  /** The factory {@link SourceParser} makes tokens with: they keep their text. */
  private static final CommonTokenFactory COPYING_TOKENS = new CommonTokenFactory(true);

  private LexerComparison() {}

  /** Fails unless both lexers read {@code text} as the same tokens, blanks and line ends skipped. */
  public static void assertSameTokens(String text) {
    JnpLexer generated = new JnpLexer(CharStreams.fromString(text, "test.jnp"));
    generated.removeErrorListeners();
    generated.setTokenFactory(COPYING_TOKENS);
    SourceLexer byHand = new SourceLexer(new SourceChars(text, "test.jnp"), COPYING_TOKENS);
    assertWithMessage("tokens of %s", quoted(text)).that(tokens(byHand)).isEqualTo(tokens(generated));
  }

  /** Every token up to and with end of file, as one line each: type, channel, place, text. */
  private static List<String> tokens(TokenSource lexer) {
    List<String> tokens = new ArrayList<>();
    Token token;
    do {
      token = lexer.nextToken();
      tokens.add(JnpLexer.VOCABULARY.getSymbolicName(token.getType()) + " channel " + token.getChannel()
          + " [" + token.getStartIndex() + ".." + token.getStopIndex() + "] " + token.getLine() + ":"
          + token.getCharPositionInLine() + " " + quoted(token.getText()));
    } while (token.getType() != Token.EOF);
    tokens.add("then at " + lexer.getLine() + ":" + lexer.getCharPositionInLine());
    return tokens;
  }

  /** {@code text} in quotes, with what is not printable ASCII escaped. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '\\' ? String.valueOf((char) c) : String.format("\\u%04x", c)));
    return out.append('"').toString();
  }
}
