package dev.jnp.compiler.lsp;

import dev.jnp.grammar.JnpLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * One token of a document as the lexer sees it, with where it starts and ends (1-based line and
 * code-point column, end exclusive). The editor works on tokens where the text does not parse
 * yet: a rule being typed is never a complete statement.
 */
record Lexeme(int type, String text, int line, int column, int endLine, int endColumn) {

  /** The tokens of {@code text} that the parser sees: no spaces, newlines or comments. */
  static List<Lexeme> significant(String text) {
    List<Lexeme> found = new ArrayList<>();
    for (Lexeme lexeme : all(text)) {
      if (!lexeme.hidden()) {
        found.add(lexeme);
      }
    }
    return found;
  }

  /** Every token of {@code text}, comments and spaces included. */
  static List<Lexeme> all(String text) {
    JnpLexer lexer = new JnpLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    List<Lexeme> found = new ArrayList<>();
    for (Token token : lexer.getAllTokens()) {
      found.add(of(token));
    }
    return found;
  }

  private static Lexeme of(Token token) {
    String text = token.getText();
    int endLine = token.getLine();
    int endColumn = token.getCharPositionInLine() + 1;
    int lastNewline = text.lastIndexOf('\n');
    if (lastNewline >= 0) {
      endLine += (int) text.chars().filter(c -> c == '\n').count();
      String tail = text.substring(lastNewline + 1);
      endColumn = tail.codePointCount(0, tail.length()) + 1;
    } else {
      endColumn += text.codePointCount(0, text.length());
    }
    return new Lexeme(token.getType(), text, token.getLine(), token.getCharPositionInLine() + 1, endLine, endColumn);
  }

  boolean hidden() {
    return type == JnpLexer.SPACE || type == JnpLexer.NEWLINE || type == JnpLexer.COMMENT;
  }

  /** Whether this token may stand where a name may: a word or any (soft) keyword. */
  boolean isName() {
    return type == JnpLexer.WORD || isKeyword(type);
  }

  /** Whether this token may stand where a word may: a name, a number, a string or a $reference. */
  boolean isWord() {
    return isName() || type == JnpLexer.NUMBER || type == JnpLexer.STRING || type == JnpLexer.PARAM_REF;
  }

  /** Whether {@code tokenType} is a keyword: its literal is a lower-case word. */
  static boolean isKeyword(int tokenType) {
    String literal = JnpLexer.VOCABULARY.getLiteralName(tokenType);
    return literal != null && literal.matches("'[a-z]+'");
  }

  boolean is(int tokenType) {
    return type == tokenType;
  }

  /** Whether the token ends before (or exactly at) the cursor. */
  boolean endsBy(SourceText.Cursor cursor) {
    return !cursor.before(endLine, endColumn);
  }

  /** Whether the cursor is inside the token or right at its end. */
  boolean touches(SourceText.Cursor cursor) {
    return !cursor.before(line, column + 1) && !cursor.after(endLine, endColumn);
  }

  /** Whether the cursor is anywhere from the token's first character to just past its last. */
  boolean covers(SourceText.Cursor cursor) {
    return !cursor.before(line, column) && !cursor.after(endLine, endColumn);
  }

  /** Whether the cursor is strictly inside the token, past its first character. */
  boolean encloses(SourceText.Cursor cursor) {
    return cursor.after(line, column) && cursor.before(endLine, endColumn);
  }
}
