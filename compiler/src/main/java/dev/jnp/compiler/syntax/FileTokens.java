package dev.jnp.compiler.syntax;

import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.grammar.JnpLexer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveTask;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.WritableToken;

/**
 * A file's tokens, read in one pass that also finds the first place nested too deep for the
 * parsers and the parts the file is parsed in, and gives each part its tokens on the default
 * channel, which are all {@link PredictiveParser} reads.
 *
 * <p>One pass, and each token taken by a method of its own: a cold run compiles a method once it
 * has been called a few hundred times, but runs a loop in the interpreter until it has gone round
 * some 60,000 times, and a large file's tokens went round four loops (docs/decisions.md, "Loops
 * over every workload").
 *
 * <p>A large file's second half is lexed on another thread while this one lexes the first: from
 * the start of a line, where a token starts or the blanks before one (only a {@code """} block
 * runs across lines). When a {@code """} block does run across that line, the second half's
 * tokens are dropped and the file is lexed on to its end here: the tokens are the same either
 * way (docs/decisions.md, "A run at a time").
 */
final class FileTokens {
  /**
   * Tokens of a part: all of them, for the grammar's parser, and those on the default channel
   * with their types, ending with an end of file, for the predictive one.
   */
  record Part(List<Token> tokens, Token[] onDefaultChannel, int[] types) {}

  // Tokens keep their text: the parsers and the spans read it several times each, and a token
  // without it cuts it out of the input again on every read.
  private static final CommonTokenFactory COPYING_TOKENS = new CommonTokenFactory(true);

  /** A file of this many characters or more is lexed in two halves at once. */
  static final int HALVES_FROM = 1 << 18;

  /**
   * Tokens taken a call: a loop over all of a large file's runs in the interpreter until it has
   * gone round some 60,000 times, where a method called for every few dozen is compiled after a
   * few hundred calls (docs/decisions.md, "Loops over every workload").
   */
  private static final int TOKENS_PER_CALL = 32;

  /** Stands for the end of the tokens taken, by the end of the file or a place too deep. */
  private static final Token DONE = new CommonToken(Token.EOF);

  private final String path;
  private final int partTokens;
  private final List<Token> all;

  // Nesting: brackets of any kind, and the operators since the last token no condition holds.
  // And, or and not are names too, so this may count more than a condition's operators, never
  // fewer.
  private int depth;
  private int operators;
  private Diagnostic tooDeep;

  // Parts: a part ends with a '}' that closes a workload (the braces around it back to none),
  // which ends the declaration in any file that parses, once it has partTokens tokens, unless
  // only the end of the file follows. The parts' tokens are taken from all once it is read (a
  // view of a list that still grows fails when read).
  private int braces;
  private boolean partMayEnd;
  private final List<Integer> partEnds = new ArrayList<>();
  private final List<Token[]> partsOnDefaultChannel = new ArrayList<>();
  private final List<int[]> partsTypes = new ArrayList<>();
  private Token[] onDefaultChannel = new Token[64];
  private int[] types = new int[64];
  private int inPart;

  /**
   * Characters a token, or a few more: the lists of a file's tokens are made this large at once,
   * not grown from ten (a 1.3 MB file of workloads has a token every 5.5 characters; growing its
   * lists copied 5 MB).
   */
  private static final int CHARACTERS_A_TOKEN = 4;

  /** Room for the tokens of {@code characters} characters, made at once. */
  private static List<Token> tokensOf(int characters) {
    return new ArrayList<>(characters / CHARACTERS_A_TOKEN + 16);
  }

  private FileTokens(String path, int partTokens, int characters) {
    this.path = path;
    this.partTokens = partTokens;
    this.all = tokensOf(characters);
  }

  /** The tokens of {@code text}, read from {@code path}, in parts of at least {@code partTokens}. */
  static FileTokens read(String path, String text, int partTokens) {
    boolean halves = text.length() >= HALVES_FROM && Runtime.getRuntime().availableProcessors() > 1;
    return read(path, text, partTokens, halves ? text.length() / 2 : -1);
  }

  /**
   * {@link #read(String, String, int)}, lexing from the first line that starts at or after the
   * character {@code secondHalf} on another thread; with a negative {@code secondHalf}, on this
   * one only.
   */
  static FileTokens read(String path, String text, int partTokens, int secondHalf) {
    FileTokens tokens = new FileTokens(path, partTokens, text.length());
    SourceChars chars = new SourceChars(text, path);
    Optional<SecondHalf> second = SecondHalf.start(text, chars.another(), secondHalf);
    SourceLexer lexer = new SourceLexer(chars, COPYING_TOKENS);
    if (second.isPresent()) {
      int start = second.get().start();
      Token token;
      do {
        token = tokens.lexUpTo(lexer, start);
      } while (token == null);
      if (token == DONE) {
        return tokens;
      }
      // Unless a """ block runs across the line the second half started at, both lexers are
      // at its first token now; if one does, the second half's first token starts inside the
      // block, before this one, and the rest is lexed here.
      List<Token> rest = second.get().tokens();
      if (token.getStartIndex() == rest.get(0).getStartIndex()) {
        for (int from = 0; from < rest.size(); from += TOKENS_PER_CALL) {
          if (!tokens.addAll(rest, from)) {
            break;
          }
        }
        return tokens;
      }
      if (!tokens.add(token)) {
        return tokens;
      }
    }
    while (tokens.lexSome(lexer)) {
      // each call takes TOKENS_PER_CALL tokens, or the rest
    }
    return tokens;
  }

  /**
   * Takes up to {@link #TOKENS_PER_CALL} tokens that start before the code point {@code start};
   * returns the first that does not, {@link #DONE} when there are no more to take, or null when
   * there may be more.
   */
  private Token lexUpTo(SourceLexer lexer, int start) {
    for (int i = 0; i < TOKENS_PER_CALL; i++) {
      Token token = lexer.nextToken();
      if (token.getStartIndex() >= start) {
        return token;
      }
      if (!add(token)) {
        return DONE;
      }
    }
    return null;
  }

  /** Takes up to {@link #TOKENS_PER_CALL} tokens; false when there are no more to take. */
  private boolean lexSome(SourceLexer lexer) {
    for (int i = 0; i < TOKENS_PER_CALL; i++) {
      if (!add(lexer.nextToken())) {
        return false;
      }
    }
    return true;
  }

  /** Takes up to {@link #TOKENS_PER_CALL} of {@code rest} from {@code from}; false when there are no more to take. */
  private boolean addAll(List<Token> rest, int from) {
    for (int i = from; i < Math.min(rest.size(), from + TOKENS_PER_CALL); i++) {
      if (!add(rest.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The tokens of a file from the start of a line on, lexed on another thread; or on the one that
   * asks for them, if no other has begun.
   */
  private record SecondHalf(int start, ForkJoinTask<List<Token>> lexed) {
    /**
     * Starts lexing {@code text}, which {@code input} reads, from the first line that starts at or
     * after the character {@code from}.
     */
    static Optional<SecondHalf> start(String text, SourceChars input, int from) {
      int lineEnd = from < 0 ? -1 : text.indexOf('\n', from);
      if (lineEnd < 0 || lineEnd + 1 >= text.length()) {
        return Optional.empty();
      }
      int at = lineEnd + 1;
      int line = 1;
      for (int i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
        line++;
      }
      int start = text.codePointCount(0, at);
      input.seek(start);
      SourceLexer lexer = new SourceLexer(input, COPYING_TOKENS, line);
      return Optional.of(new SecondHalf(start, new LexToEnd(lexer, text.length() - at).fork()));
    }

    /**
     * Lexes to the end of the file. A class, not a lambda: the training run lexes no file large
     * enough to link a lambda here ahead, and a cold run spun it at run time, ~3 ms before the
     * second half began.
     */
    private static final class LexToEnd extends RecursiveTask<List<Token>> {
      private final SourceLexer lexer;
      private final int characters;

      LexToEnd(SourceLexer lexer, int characters) {
        this.lexer = lexer;
        this.characters = characters;
      }

      @Override
      protected List<Token> compute() {
        return lexToEnd(lexer, characters);
      }
    }

    /** The tokens lexed, the end of file last. */
    List<Token> tokens() {
      return lexed.join();
    }

    private static List<Token> lexToEnd(SourceLexer lexer, int characters) {
      List<Token> tokens = tokensOf(characters);
      while (lexSome(lexer, tokens)) {
        // each call takes TOKENS_PER_CALL tokens, or the rest
      }
      return tokens;
    }

    /** Lexes up to {@link #TOKENS_PER_CALL} tokens into {@code tokens}; false after the end of file. */
    private static boolean lexSome(SourceLexer lexer, List<Token> tokens) {
      for (int i = 0; i < TOKENS_PER_CALL; i++) {
        Token token = lexer.nextToken();
        tokens.add(token);
        if (token.getType() == Token.EOF) {
          return false;
        }
      }
      return true;
    }
  }

  /** Every token of the file, numbered in order, the end of file last; none past a place too deep. */
  List<Token> all() {
    return all;
  }

  /** The first place nested too deep, if any: then the file is read only that far. */
  Optional<Diagnostic> tooDeep() {
    return Optional.ofNullable(tooDeep);
  }

  /** The parts of a file read to its end, in order: runs of whole declarations, the last one ending with the file. */
  List<Part> parts() {
    List<Part> parts = new ArrayList<>();
    for (int i = 0, start = 0; i < partEnds.size(); start = partEnds.get(i++)) {
      parts.add(new Part(all.subList(start, partEnds.get(i)), partsOnDefaultChannel.get(i), partsTypes.get(i)));
    }
    return parts;
  }

  /** Takes the next token; false after the end of the file or at a place too deep. */
  private boolean add(Token token) {
    int type = token.getType();
    ((WritableToken) token).setTokenIndex(all.size());
    if (partMayEnd) {
      partMayEnd = false;
      if (type != Token.EOF) {
        endPart();
      }
    }
    all.add(token);
    if (tooDeep(token, type)) {
      return false;
    }
    if (type == JnpLexer.LBRACE) {
      braces++;
    } else if (type == JnpLexer.RBRACE && --braces == 0 && all.size() - partStart() >= partTokens) {
      partMayEnd = true;
    }
    if (token.getChannel() == Token.DEFAULT_CHANNEL) {
      onDefaultChannel(token, type);
    }
    if (type == Token.EOF) {
      endPart();
      return false;
    }
    return true;
  }

  private int partStart() {
    return partEnds.isEmpty() ? 0 : partEnds.get(partEnds.size() - 1);
  }

  private void onDefaultChannel(Token token, int type) {
    if (inPart == types.length) {
      onDefaultChannel = Arrays.copyOf(onDefaultChannel, inPart * 2);
      types = Arrays.copyOf(types, inPart * 2);
    }
    onDefaultChannel[inPart] = token;
    types[inPart++] = type;
  }

  /** Ends a part with the tokens taken so far; the predictive parser's ends with an end of file. */
  private void endPart() {
    if (all.get(all.size() - 1).getType() != Token.EOF) {
      onDefaultChannel(new CommonToken(Token.EOF), Token.EOF);
    }
    partEnds.add(all.size());
    partsOnDefaultChannel.add(Arrays.copyOf(onDefaultChannel, inPart));
    partsTypes.add(Arrays.copyOf(types, inPart));
    inPart = 0;
  }

  private boolean tooDeep(Token token, int type) {
    switch (type) {
      case JnpLexer.LPAREN, JnpLexer.LBRACKET, JnpLexer.LBRACE -> depth++;
      case JnpLexer.RPAREN, JnpLexer.RBRACKET, JnpLexer.RBRACE -> depth--;
      default -> {}
    }
    switch (type) {
      case JnpLexer.AND, JnpLexer.OR, JnpLexer.NOT -> operators++;
      case JnpLexer.WHEN, JnpLexer.LBRACE, JnpLexer.RBRACE, JnpLexer.LBRACKET, JnpLexer.RBRACKET,
          JnpLexer.COMMA, JnpLexer.EQUALS, JnpLexer.ARROW, JnpLexer.STRING, JnpLexer.NUMBER,
          JnpLexer.PARAM_REF, JnpLexer.RAW -> operators = 0;
      default -> {}
    }
    if (depth > SourceParser.MAX_NESTING) {
      tooDeep = tooDeep(token, "nesting deeper than " + SourceParser.MAX_NESTING + " levels",
          "split the condition with parameters, or drop redundant parentheses");
    } else if (operators > SourceParser.MAX_OPERATORS) {
      tooDeep = tooDeep(token, "a condition of more than " + SourceParser.MAX_OPERATORS + " operators (and, or, not) nests too deep",
          "let one parameter stand for several, or split the statement (when a or b: once when a, once when b)");
    }
    return tooDeep != null;
  }

  private Diagnostic tooDeep(Token token, String message, String hint) {
    int column = token.getCharPositionInLine() + 1;
    SourceSpan span = new SourceSpan(path, token.getLine(), column, token.getLine(), column + token.getText().length());
    return Diagnostic.error(SourceParser.TOO_DEEP, span, message).withHint(hint);
  }
}
