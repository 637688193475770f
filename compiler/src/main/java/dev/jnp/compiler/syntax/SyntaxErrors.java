package dev.jnp.compiler.syntax;

import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.grammar.JnpLexer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import dev.jnp.grammar.JnpParser;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Collects syntax errors as diagnostics with readable "expecting …" lists, named after what the
 * parser was reading (a peer, a declaration, …) rather than after token types.
 */
final class SyntaxErrors extends BaseErrorListener {
  /** Code of every syntax error. */
  static final String CODE = "JNP0001";

  /** After this many, the rest of a file's syntax errors are noise. */
  private static final int LIMIT = 20;

  private final String file;
  private final List<Diagnostic> found = new ArrayList<>();

  SyntaxErrors(String file) {
    this.file = file;
  }

  List<Diagnostic> found() {
    return found;
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String antlrMessage,
      RecognitionException e) {
    if (found.size() >= LIMIT) {
      return;
    }
    Token token = offendingSymbol instanceof Token t ? t : null;
    int length = token == null || token.getType() == Token.EOF ? 1 : Math.max(1, firstLine(token.getText()).length());
    SourceSpan span = new SourceSpan(file, line, charPositionInLine + 1, line, charPositionInLine + 1 + length);
    if (token == null) {
      found.add(Diagnostic.error(CODE, span, antlrMessage));
      return;
    }
    String expecting = recognizer instanceof Parser parser ? expecting(parser, token) : "";
    found.add(Diagnostic.error(CODE, span, unexpected(token) + expecting).withHint(hint(token)));
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String unexpected(Token token) {
    return switch (token.getType()) {
      case Token.EOF -> "unexpected end of file";
      case JnpLexer.UNKNOWN -> "unexpected character '" + token.getText() + "'";
      default -> "unexpected '" + firstLine(token.getText()) + "'";
    };
  }

  private static String hint(Token token) {
    return switch (token.getType()) {
      case JnpLexer.UNKNOWN ->
          token.getText().equals("\"")
              ? "a string must end on the line it starts: \"…\""
              : "words are made of letters, digits and . _ - / : *; quote anything else";
      case Token.EOF -> "is a '}' or a ']' missing?";
      default -> "statements start with engine, namespace, param, peer, workload, default or"
          + " expect; inside a workload with select, port, allow, egress or native";
    };
  }

  /**
   * ", expecting …": the tokens themselves when there are a few, else named after what the
   * parser was reading (a peer, a workload's statements, …).
   */
  private static String expecting(Parser parser, Token offending) {
    if (afterDirection(parser, offending)) {
      // `allow from }`: the rule cannot be told apart from one for a port named `from` until a
      // peer comes, so the parser says only that no statement fits; a peer is what is missing.
      return ", expecting " + PEER;
    }
    IntervalSet expected = parser.getExpectedTokens();
    if (parser.getContext() instanceof JnpParser.PodsPeerContext
        || parser.getContext() instanceof JnpParser.PodNamespaceContext) {
      return ", expecting 'in ns NAME', 'in ns where K=V' or 'in any ns'";
    }
    if (!expected.contains(JnpLexer.WORD) && expected.size() <= 3) {
      return ", expecting " + tokens(expected, parser);
    }
    ParserRuleContext context = parser.getContext();
    String named;
    if (context instanceof JnpParser.WorkloadDeclContext) {
      named = "select, port, allow, egress, native or '}'";
    } else if (context instanceof JnpParser.EgressBlockContext) {
      named = "allow, native or '}'";
    } else {
      named =
          switch (parser.getRuleNames()[context.getRuleIndex()]) {
            case "file", "declaration" ->
                "a declaration: engine, namespace, param, peer, workload, default deny or expect";
            case "workloadItem" -> "select, port, allow, egress, native or '}'";
            case "egressItem" -> "allow, native or '}'";
            case "peers", "peer" -> PEER;
            case "podNamespace" -> "'in ns NAME', 'in ns where K=V' or 'in any ns'";
            case "labels", "label" -> "a label: KEY=VALUE";
            case "condition", "when" -> "a condition: a parameter, not, and, or, ( … )";
            case "endpoint" ->
                "an endpoint: a workload[:port], ns, pods, an address, apiserver, node, world or"
                    + " fqdn";
            case "paramValue" -> "a value: true, false, a number or a string";
            case "word", "name", "address" -> "a word";
            default -> null;
          };
    }
    return ", expecting " + (named != null ? named : tokens(expected, parser));
  }

  private static final String PEER = "a peer: any, nodes, apiserver, ns, pods, cidr, fqdn or a declared peer's name";

  /** Whether no rule fits at {@code offending} because nothing follows its {@code from} or {@code to}. */
  private static boolean afterDirection(Parser parser, Token offending) {
    if (!(parser.getContext() instanceof JnpParser.WorkloadItemContext
        || parser.getContext() instanceof JnpParser.EgressItemContext)) {
      return false;
    }
    TokenStream tokens = parser.getTokenStream();
    int before = offending.getTokenIndex() - 1;
    while (before >= 0 && tokens.get(before).getChannel() != Token.DEFAULT_CHANNEL) {
      before--;
    }
    return before >= 0 && (tokens.get(before).getType() == JnpLexer.FROM || tokens.get(before).getType() == JnpLexer.TO);
  }

  private static String tokens(IntervalSet expected, Parser parser) {
    Set<String> words = new LinkedHashSet<>();
    boolean anyWord = expected.contains(JnpLexer.WORD);
    for (int type : expected.toList()) {
      if (anyWord && Terminals.isKeyword(type)) {
        continue;
      }
      words.add(describe(type, parser));
    }
    return words.size() == 1 ? words.iterator().next() : String.join(", ", words);
  }


  private static String describe(int type, Parser parser) {
    return switch (type) {
      case Token.EOF -> "end of file";
      case JnpLexer.WORD -> "a word";
      case JnpLexer.NUMBER -> "a number";
      case JnpLexer.STRING -> "a string";
      case JnpLexer.PARAM_REF -> "a $parameter";
      case JnpLexer.RAW -> "a \"\"\" block";
      default -> parser.getVocabulary().getLiteralName(type) != null
          ? parser.getVocabulary().getLiteralName(type)
          : parser.getVocabulary().getDisplayName(type);
    };
  }
}
