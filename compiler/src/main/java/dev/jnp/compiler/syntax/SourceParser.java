package dev.jnp.compiler.syntax;

import dev.jnp.compiler.Parallel;
import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.diagnostics.Result;
import dev.jnp.grammar.JnpLexer;
import dev.jnp.grammar.JnpParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The one place that drives ANTLR: lexer ({@link SourceLexer}, the grammar's lexer rules read by
 * hand), token stream and parser, with the console listeners removed. Refuses pathological
 * nesting before a parser can overflow its stack. A file that {@link PredictiveParser} reads is
 * not given to ANTLR's parser; any other is parsed in SLL mode first, and in full LL only when
 * SLL fails, with syntax errors collected as diagnostics (more than the first).
 */
public final class SourceParser {
  /**
   * Code of the diagnostic for nesting deeper than {@link #MAX_NESTING}, and for a condition of
   * more than {@link #MAX_OPERATORS} operators (each nests the rest of it one level deeper).
   */
  public static final String TOO_DEEP = "JNP0002";

  /** Parentheses and brackets deeper than this are refused: no policy needs them. */
  public static final int MAX_NESTING = 100;

  /** A condition of more {@code and}, {@code or} and {@code not} than this is refused. */
  public static final int MAX_OPERATORS = 100;

  /**
   * A file of more tokens than this is parsed in parts of at least this many, in parallel: a
   * large generated file is otherwise the one long task of a compile (docs/decisions.md).
   */
  static final int PART_TOKENS = 4096;

  private SourceParser() {}

  /** Parses {@code text}, read from {@code path}, into an AST. */
  public static Result<JnpFile> parse(String path, String text) {
    return parse(path, text, PART_TOKENS);
  }

  /** {@link #parse(String, String)}, a file of more than {@code partTokens} tokens in parts. */
  static Result<JnpFile> parse(String path, String text, int partTokens) {
    return parse(path, text, partTokens, true);
  }

  /**
   * {@link #parse(String, String)} by ANTLR's parser alone, a file of more than {@code
   * partTokens} tokens in parts; for the tests that hold the other ways of parsing to it.
   */
  static Result<JnpFile> parseByGrammar(String path, String text, int partTokens) {
    return parse(path, text, partTokens, false);
  }

  private static Result<JnpFile> parse(String path, String text, int partTokens, boolean predict) {
    FileTokens tokens = FileTokens.read(path, text, partTokens);
    if (tokens.tooDeep().isPresent()) {
      return Result.failed(List.of(tokens.tooDeep().get()));
    }
    List<FileTokens.Part> parts = tokens.parts();
    if (predict) {
      Optional<List<Declaration>> predicted = inParts(parts, part -> PredictiveParser.parse(path, part));
      if (predicted.isPresent()) {
        return Result.of(new JnpFile(path, List.copyOf(predicted.get())), List.of());
      }
    }
    return parseByGrammar(path, tokens.all(), parts);
  }

  /** The declarations of every part, in order, parsed in parallel; none if a part gave none. */
  private static Optional<List<Declaration>> inParts(
      List<FileTokens.Part> parts, Function<FileTokens.Part, Optional<List<Declaration>>> parser) {
    List<Optional<List<Declaration>>> parsed = Parallel.map(parts, parser);
    if (!parsed.stream().allMatch(Optional::isPresent)) {
      return Optional.empty();
    }
    List<Declaration> declarations = new ArrayList<>();
    parsed.forEach(part -> declarations.addAll(part.orElseThrow()));
    return Optional.of(declarations);
  }

  private static Result<JnpFile> parseByGrammar(String path, List<Token> all, List<FileTokens.Part> parts) {
    if (parts.size() > 1) {
      Optional<List<Declaration>> parsed = inParts(parts, part -> parsePart(path, part.tokens()));
      if (parsed.isPresent()) {
        return Result.of(new JnpFile(path, List.copyOf(parsed.get())), List.of());
      }
      // A part that does not parse alone: the whole file is parsed as one, to say why. (The
      // parts' token streams numbered their tokens from 0 each; the file's numbers them again.)
    }

    CommonTokenStream tokens = new CommonTokenStream(new ListTokenSource(all));
    JnpParser parser = new JnpParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    JnpParser.FileContext tree;
    try {
      tree = parser.file();
    } catch (ParseCancellationException sllFailed) {
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new DefaultErrorStrategy());
      SyntaxErrors errors = new SyntaxErrors(path);
      parser.addErrorListener(errors);
      tree = parser.file();
      if (!errors.found().isEmpty()) {
        return Result.failed(errors.found());
      }
    }
    AstBuilder builder = new AstBuilder(path);
    JnpFile file = builder.file(tree);
    return Result.of(file, List.of());
  }

  /**
   * The declarations of one part, parsed on its own in SLL mode; none when it does not parse so
   * (then the whole file is parsed, SLL and, if need be, LL).
   */
  private static Optional<List<Declaration>> parsePart(String path, List<Token> part) {
    JnpParser parser = new JnpParser(new CommonTokenStream(new ListTokenSource(part)));
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return Optional.of(new AstBuilder(path).file(parser.file()).declarations());
    } catch (ParseCancellationException failed) {
      return Optional.empty();
    }
  }

  /** A comment as written: its 1-based line and column, and its text from the {@code #}. */
  public record Comment(int line, int column, String text) {}

  /** The comments of {@code text}, in order; the formatter puts them back where they were. */
  public static List<Comment> comments(String text) {
    SourceLexer lexer = new SourceLexer(new SourceChars(text, null), CommonTokenFactory.DEFAULT);
    List<Comment> comments = new ArrayList<>();
    for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
      if (token.getType() == JnpLexer.COMMENT) {
        comments.add(new Comment(token.getLine(), token.getCharPositionInLine() + 1, token.getText().stripTrailing()));
      }
    }
    return comments;
  }
}
