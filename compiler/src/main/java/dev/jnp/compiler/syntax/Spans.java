package dev.jnp.compiler.syntax;

import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.grammar.JnpLexer;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Source spans of tokens and parse-tree nodes, 1-based. */
final class Spans {
  private final String file;

  Spans(String file) {
    this.file = file;
  }

  SourceSpan of(Token token) {
    return between(token, token);
  }

  SourceSpan of(ParserRuleContext context) {
    Token stop = context.getStop();
    if (stop == null || stop.getTokenIndex() < context.getStart().getTokenIndex()) {
      stop = context.getStart();
    }
    return between(context.getStart(), stop);
  }

  SourceSpan between(Token start, Token stop) {
    String text = stop.getType() == Token.EOF ? "" : stop.getText();
    int endLine = stop.getLine();
    int endColumn = stop.getCharPositionInLine() + 1;
    // Only a """ block runs across lines: no other token's text is searched for line ends.
    int lastNewline = stop.getType() == JnpLexer.RAW ? text.lastIndexOf('\n') : -1;
    if (lastNewline >= 0) {
      for (int i = 0; i <= lastNewline; i++) {
        if (text.charAt(i) == '\n') {
          endLine++;
        }
      }
      endColumn = text.length() - lastNewline;
    } else {
      endColumn += text.length();
    }
    return new SourceSpan(file, start.getLine(), start.getCharPositionInLine() + 1, endLine, endColumn);
  }

  /** The span of {@code length} characters starting {@code offset} characters into a token. */
  SourceSpan inside(Token token, int offset, int length) {
    int column = token.getCharPositionInLine() + 1 + offset;
    return new SourceSpan(file, token.getLine(), column, token.getLine(), column + length);
  }
}
