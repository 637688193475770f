package dev.jnp.compiler.syntax;

import dev.jnp.grammar.JnpLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.Pair;

/**
 * The lexer rules of {@code Jnp.g4}, read by hand: the same tokens as the generated {@link
 * JnpLexer} (type, channel, start and stop, line, column, text) for every input, and the blanks
 * and line ends it skips skipped too. The generated lexer simulates its rules' automaton one
 * character at a time and builds its tables while the first file is read: that was a tenth of a
 * cold {@code jnp compile} of a sample and a quarter of parsing a large file (docs/decisions.md).
 *
 * <p>{@code Jnp.g4} stays the definition: {@code SourceLexerTest} and the fuzz target {@code
 * SourceFuzzTest#lexLikeTheGrammar} hold this class to {@link JnpLexer}, and the language
 * server still reads with the generated lexer. The rules, longest match first and the earlier
 * rule on a tie: a keyword is a whole word; digits alone are a number; {@code ->} is an arrow
 * ({@code >} is not a word character); {@code """…"""} ends at the first {@code """}; a string
 * that does not close on its line is a stray {@code "}; anything else is one {@code UNKNOWN}.
 */
public final class SourceLexer implements TokenSource {
  private static final int EOF = CharStream.EOF;

  /** The text, for the tokens' text, which it cuts from the real code points. */
  private final SourceChars input;
  /**
   * What is read: one char per code point ({@link SourceChars#units}), from {@code position}
   * on. Read through {@link #la}, small enough for the compiler to inline, where a call of the
   * stream's {@code LA} for each character was most of lexing a large file.
   */
  private final char[] units;
  private int position;
  private final Pair<TokenSource, CharStream> source;
  private TokenFactory<?> factory;
  private int line = 1;
  private int column;
  /** The text of the last word of each hash, by its low bits (see wordText). */
  private final String[] words = new String[1024];

  /** A lexer of {@code input}, making its tokens with {@code factory}. */
  SourceLexer(SourceChars input, TokenFactory<?> factory) {
    this(input, factory, 1);
  }

  /**
   * A lexer of {@code input} from where it stands, the start of line {@code line}, making its
   * tokens with {@code factory}.
   */
  SourceLexer(SourceChars input, TokenFactory<?> factory, int line) {
    this.input = input;
    this.units = input.units();
    this.position = input.index();
    this.factory = factory;
    this.source = new Pair<>(this, input);
    this.line = line;
  }

  @Override
  public Token nextToken() {
    while (true) {
      int start = position;
      int startLine = line;
      int startColumn = column;
      int c = la(1);
      if (c == EOF) {
        return factory.create(source, Token.EOF, null, Token.DEFAULT_CHANNEL, start, start - 1, line, column);
      }
      int type;
      switch (c) {
        case ' ', '\t', '\f', '\uFEFF' -> {
          int length = 1;
          while (isSpace(la(length + 1))) {
            length++;
          }
          skipOnLine(length);
          continue;
        }
        case '\n' -> {
          skipAcrossLines(1);
          continue;
        }
        case '\r' -> {
          skipAcrossLines(la(2) == '\n' ? 2 : 1);
          continue;
        }
        case '#' -> {
          skipOnLine(run(1, cp -> cp != '\r' && cp != '\n'));
          return emit(JnpLexer.COMMENT, Token.HIDDEN_CHANNEL, start, startLine, startColumn);
        }
        case '"' -> {
          return quoted(start, startLine, startColumn);
        }
        case '$' -> {
          if (isParamStart(la(2))) {
            skipOnLine(run(2, SourceLexer::isParamPart));
            return emit(JnpLexer.PARAM_REF, Token.DEFAULT_CHANNEL, start, startLine, startColumn);
          }
          type = JnpLexer.UNKNOWN;
        }
        case '=' -> type = JnpLexer.EQUALS;
        case ',' -> type = JnpLexer.COMMA;
        case '{' -> type = JnpLexer.LBRACE;
        case '}' -> type = JnpLexer.RBRACE;
        case '[' -> type = JnpLexer.LBRACKET;
        case ']' -> type = JnpLexer.RBRACKET;
        case '(' -> type = JnpLexer.LPAREN;
        case ')' -> type = JnpLexer.RPAREN;
        default -> {
          if (c == '-' && la(2) == '>') {
            skipOnLine(2);
            return emit(JnpLexer.ARROW, Token.DEFAULT_CHANNEL, start, startLine, startColumn);
          }
          if (isWordPart(c)) {
            return word(start, startLine, startColumn);
          }
          type = JnpLexer.UNKNOWN;
        }
      }
      skipOnLine(1);
      return factory.create(source, type, punctuation(type), Token.DEFAULT_CHANNEL, start, start, startLine, startColumn);
    }
  }

  /** A punctuation mark's text, one string for all its tokens; null (cut from the input) for others. */
  private static String punctuation(int type) {
    return switch (type) {
      case JnpLexer.EQUALS -> "=";
      case JnpLexer.COMMA -> ",";
      case JnpLexer.LBRACE -> "{";
      case JnpLexer.RBRACE -> "}";
      case JnpLexer.LBRACKET -> "[";
      case JnpLexer.RBRACKET -> "]";
      case JnpLexer.LPAREN -> "(";
      case JnpLexer.RPAREN -> ")";
      default -> null;
    };
  }

  /** A keyword when the whole word is one, digits alone a number, anything else a word. */
  private Token word(int start, int startLine, int startColumn) {
    int length = 0;
    int hash = 0;
    boolean digits = true;
    for (int cp = la(1); cp != EOF && isWordPart(cp); cp = la(++length + 1)) {
      hash = 31 * hash + cp;
      digits &= isDigit(cp);
    }
    String text = wordText(hash, length);
    skipOnLine(length);
    int type = digits ? JnpLexer.NUMBER : keyword(text);
    return factory.create(source, type, text, Token.DEFAULT_CHANNEL, start, start + length - 1, startLine, startColumn);
  }

  /**
   * The text of the word of {@code length} ahead, whose code points hash as a string's characters
   * do to {@code hash}: the string made for the last word of that hash when it is the same word.
   * A file names the same keywords, ports, labels and peers over and over; each a string of its
   * own was a tenth of what a large compile allocated, and lived as long as its tree.
   */
  private String wordText(int hash, int length) {
    int slot = (hash ^ (hash >>> 16)) & (words.length - 1);
    String known = words[slot];
    if (known != null && known.hashCode() == hash && isAhead(known, length)) {
      return known;
    }
    String text = input.getText(Interval.of(position, position + length - 1));
    words[slot] = text;
    return text;
  }

  /** Whether the {@code length} code points ahead are {@code word}'s characters. */
  private boolean isAhead(String word, int length) {
    if (word.length() != length) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (word.charAt(k) != la(k + 1)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A {@code """} block up to the first {@code """} after it; else a string closed on its line
   * (escapes {@code \"}, {@code \\}, {@code \n} only); else a stray {@code "}.
   */
  private Token quoted(int start, int startLine, int startColumn) {
    if (la(2) == '"' && la(3) == '"') {
      for (int k = 4; la(k) != EOF; k++) {
        if (la(k) == '"' && la(k + 1) == '"' && la(k + 2) == '"') {
          skipAcrossLines(k + 2);
          return emit(JnpLexer.RAW, Token.DEFAULT_CHANNEL, start, startLine, startColumn);
        }
      }
    }
    int k = 2;
    while (true) {
      int cp = la(k);
      if (cp == '"') {
        skipOnLine(k);
        return emit(JnpLexer.STRING, Token.DEFAULT_CHANNEL, start, startLine, startColumn);
      }
      if (cp == EOF || cp == '\r' || cp == '\n') {
        break;
      }
      if (cp == '\\') {
        int escaped = la(k + 1);
        if (escaped != '"' && escaped != '\\' && escaped != 'n') {
          break;
        }
        k += 2;
      } else {
        k++;
      }
    }
    skipOnLine(1);
    return emit(JnpLexer.UNKNOWN, Token.DEFAULT_CHANNEL, start, startLine, startColumn);
  }

  /** A token from {@code start} to what was read, its text cut from the input by the factory. */
  private Token emit(int type, int channel, int start, int startLine, int startColumn) {
    return factory.create(source, type, null, channel, start, position - 1, startLine, startColumn);
  }

  private interface CodePoints {
    boolean test(int codePoint);
  }

  /**
   * The length of the token ahead whose first {@code known} code points are read already and
   * whose others are those in {@code part}.
   */
  private int run(int known, CodePoints part) {
    int k = known;
    while (true) {
      int cp = la(k + 1);
      if (cp == EOF || !part.test(cp)) {
        return k;
      }
      k++;
    }
  }

  /** The code point {@code k} ahead (1 is the next), one char standing for any past the BMP; or {@link #EOF}. */
  private int la(int k) {
    int at = position + k - 1;
    return at < units.length ? units[at] : EOF;
  }

  /** Reads {@code length} code points, none of them a line end. */
  private void skipOnLine(int length) {
    position += length;
    column += length;
  }

  /** Reads {@code length} code points, counting lines as ANTLR's lexer does: at each {@code \n}. */
  private void skipAcrossLines(int length) {
    for (int k = 0; k < length; k++) {
      if (la(1) == '\n') {
        line++;
        column = 0;
      } else {
        column++;
      }
      position++;
    }
  }

  private static boolean isSpace(int cp) {
    return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\uFEFF';
  }

  private static boolean isLetter(int cp) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }

  private static boolean isDigit(int cp) {
    return cp >= '0' && cp <= '9';
  }

  /** {@code [a-zA-Z0-9_.*:/-]}. */
  private static boolean isWordPart(int cp) {
    return isLetter(cp) || isDigit(cp) || cp == '_' || cp == '.' || cp == '*' || cp == ':' || cp == '/' || cp == '-';
  }

  private static boolean isParamStart(int cp) {
    return isLetter(cp) || cp == '_';
  }

  /** {@code [a-zA-Z0-9_.-]}. */
  private static boolean isParamPart(int cp) {
    return isLetter(cp) || isDigit(cp) || cp == '_' || cp == '.' || cp == '-';
  }

  /** The keyword {@code word} spells, or {@link JnpLexer#WORD}. */
  static int keyword(String word) {
    return switch (word) {
      case "engine" -> JnpLexer.ENGINE;
      case "namespace" -> JnpLexer.NAMESPACE;
      case "param" -> JnpLexer.PARAM;
      case "peer" -> JnpLexer.PEER;
      case "workload" -> JnpLexer.WORKLOAD;
      case "in" -> JnpLexer.IN;
      case "select" -> JnpLexer.SELECT;
      case "port" -> JnpLexer.PORT;
      case "probe" -> JnpLexer.PROBE;
      case "when" -> JnpLexer.WHEN;
      case "allow" -> JnpLexer.ALLOW;
      case "from" -> JnpLexer.FROM;
      case "to" -> JnpLexer.TO;
      case "egress" -> JnpLexer.EGRESS;
      case "ingress" -> JnpLexer.INGRESS;
      case "native" -> JnpLexer.NATIVE;
      case "default" -> JnpLexer.DEFAULT;
      case "deny" -> JnpLexer.DENY;
      case "order" -> JnpLexer.ORDER;
      case "expect" -> JnpLexer.EXPECT;
      case "dns" -> JnpLexer.DNS;
      case "any" -> JnpLexer.ANY;
      case "ns" -> JnpLexer.NS;
      case "where" -> JnpLexer.WHERE;
      case "pods" -> JnpLexer.PODS;
      case "cidr" -> JnpLexer.CIDR;
      case "except" -> JnpLexer.EXCEPT;
      case "fqdn" -> JnpLexer.FQDN;
      case "nodes" -> JnpLexer.NODES;
      case "apiserver" -> JnpLexer.APISERVER;
      case "not" -> JnpLexer.NOT;
      case "and" -> JnpLexer.AND;
      case "or" -> JnpLexer.OR;
      case "true" -> JnpLexer.TRUE;
      case "false" -> JnpLexer.FALSE;
      case "node" -> JnpLexer.NODE;
      case "world" -> JnpLexer.WORLD;
      default -> JnpLexer.WORD;
    };
  }

  @Override
  public int getLine() {
    return line;
  }

  @Override
  public int getCharPositionInLine() {
    return column;
  }

  /** The stream, at the code point this lexer has read to. */
  @Override
  public CharStream getInputStream() {
    input.seek(position);
    return input;
  }

  @Override
  public String getSourceName() {
    return input.getSourceName();
  }

  @Override
  public void setTokenFactory(TokenFactory<?> factory) {
    this.factory = factory;
  }

  @Override
  public TokenFactory<?> getTokenFactory() {
    return factory;
  }
}
