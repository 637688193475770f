package dev.jnp.compiler.syntax;

import dev.jnp.compiler.ast.Word;
import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.grammar.JnpLexer;
import org.antlr.v4.runtime.Token;

/** What one token is and the word it makes, for both parsers. */
final class Terminals {
  private Terminals() {}

  /** A word token as a {@link Word}: a string unescaped, a parameter reference without its $. */
  static Word word(Token token, SourceSpan span) {
    return switch (token.getType()) {
      case JnpLexer.STRING -> new Word(unquote(token.getText()), Word.Kind.STRING, span);
      case JnpLexer.PARAM_REF -> new Word(token.getText().substring(1), Word.Kind.PARAM_REF, span);
      default -> new Word(token.getText(), Word.Kind.PLAIN, span);
    };
  }

  /**
   * Whether a token type is a keyword: the types from {@code ENGINE} to {@code WORLD}, the words
   * in quotes of the grammar's vocabulary (PredictiveParserTest).
   */
  static boolean isKeyword(int type) {
    return type >= JnpLexer.ENGINE && type <= JnpLexer.WORLD;
  }

  private static String unquote(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 1; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        char escaped = text.charAt(++i);
        out.append(escaped == 'n' ? '\n' : escaped);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
