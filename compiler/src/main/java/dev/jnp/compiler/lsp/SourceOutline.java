package dev.jnp.compiler.lsp;

import dev.jnp.grammar.JnpLexer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a document declares, read from its tokens alone so that it is known while the text does
 * not parse: the statements and the blocks they stand in, the parameters, peers and workloads
 * (with their ports) it declares, and the namespaces it names. Statements end at the end of a
 * line unless the line ends with {@code ,}; {@code {} and {@code }} end them too.
 */
final class SourceOutline {

  /** What a block holds: the file, a workload's items, an egress block's rules, or anything else. */
  enum BlockKind {
    FILE,
    WORKLOAD,
    EGRESS,
    OTHER
  }

  /** A block of statements; {@code workload} names the workload it is or is inside of. */
  record Block(BlockKind kind, Optional<String> workload) {}

  /** The tokens of one statement, and the block it stands in. */
  record Statement(List<Lexeme> tokens, Block block) {}

  /** The type of a parameter, as its default is written. */
  enum ParamType {
    BOOLEAN,
    NUMBER,
    STRING
  }

  /** A declared parameter: its name token and the type of its default. */
  record Param(Lexeme name, ParamType type) {}

  /** Where the cursor stands: the statement typed so far, and the block around it. */
  record Context(List<Lexeme> statement, Block block) {}

  private final List<Statement> statements;
  private final Map<String, Param> params = new LinkedHashMap<>();
  private final Map<String, Lexeme> peers = new LinkedHashMap<>();
  private final Map<String, Lexeme> workloads = new LinkedHashMap<>();
  private final Map<String, Map<String, Lexeme>> ports = new LinkedHashMap<>();
  private final SortedSet<String> namespaces = new TreeSet<>();

  private SourceOutline(List<Statement> statements) {
    this.statements = statements;
    statements.forEach(this::learn);
  }

  /** The outline of a document's significant tokens. */
  static SourceOutline of(List<Lexeme> tokens) {
    Splitter splitter = new Splitter();
    tokens.forEach(splitter::accept);
    splitter.flush();
    return new SourceOutline(splitter.statements);
  }

  /**
   * The statement the cursor is in and its block, from the tokens that end before the cursor: a
   * statement left open on an earlier line (one not ending in {@code ,}) is done, and the cursor
   * starts a new one.
   */
  static Context contextAt(List<Lexeme> before, SourceText.Cursor cursor) {
    Splitter splitter = new Splitter();
    before.forEach(splitter::accept);
    Lexeme last = splitter.previous;
    boolean newStatement = last != null && cursor.line() > last.endLine() && !last.is(JnpLexer.COMMA);
    List<Lexeme> statement = newStatement ? List.of() : List.copyOf(splitter.current);
    return new Context(statement, splitter.blocks.get(splitter.blocks.size() - 1));
  }

  List<Statement> statements() {
    return statements;
  }

  Map<String, Param> params() {
    return params;
  }

  Map<String, Lexeme> peers() {
    return peers;
  }

  Map<String, Lexeme> workloads() {
    return workloads;
  }

  /** The ports of the workload called {@code workload}, by name. */
  Map<String, Lexeme> ports(String workload) {
    return ports.getOrDefault(workload, Map.of());
  }

  /** Every namespace the document names, sorted. */
  SortedSet<String> namespaces() {
    return namespaces;
  }

  private void learn(Statement statement) {
    List<Lexeme> tokens = statement.tokens();
    Lexeme first = tokens.get(0);
    if (first.is(JnpLexer.PARAM) && tokens.size() > 1 && tokens.get(1).isName() && statement.block().kind() == BlockKind.FILE) {
      Lexeme value = tokens.size() > 3 && tokens.get(2).is(JnpLexer.EQUALS) ? tokens.get(3) : null;
      params.putIfAbsent(tokens.get(1).text(), new Param(tokens.get(1), typeOf(value)));
    } else if (first.is(JnpLexer.PEER) && tokens.size() > 1 && tokens.get(1).isName() && statement.block().kind() == BlockKind.FILE) {
      peers.putIfAbsent(tokens.get(1).text(), tokens.get(1));
    } else if (first.is(JnpLexer.WORKLOAD) && tokens.size() > 1 && tokens.get(1).isName()) {
      workloads.putIfAbsent(tokens.get(1).text(), tokens.get(1));
      if (tokens.size() > 3 && tokens.get(2).is(JnpLexer.IN)) {
        addNamespace(tokens.get(3));
      }
    } else if (first.is(JnpLexer.PORT) && tokens.size() > 1 && tokens.get(1).isName() && statement.block().kind() == BlockKind.WORKLOAD) {
      statement.block().workload().ifPresent(workload ->
          ports.computeIfAbsent(workload, w -> new LinkedHashMap<>()).putIfAbsent(tokens.get(1).text(), tokens.get(1)));
    } else if (first.is(JnpLexer.NAMESPACE) && tokens.size() > 1) {
      addNamespace(tokens.get(1));
    }
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).is(JnpLexer.NS) && !tokens.get(i + 1).is(JnpLexer.WHERE)) {
        addNamespace(tokens.get(i + 1));
      }
    }
  }

  private void addNamespace(Lexeme token) {
    if (token.isName()) {
      namespaces.add(token.text());
    }
  }

  private static ParamType typeOf(Lexeme value) {
    if (value == null) {
      return ParamType.STRING;
    } else if (value.is(JnpLexer.TRUE) || value.is(JnpLexer.FALSE)) {
      return ParamType.BOOLEAN;
    } else if (value.is(JnpLexer.NUMBER)) {
      return ParamType.NUMBER;
    }
    return ParamType.STRING;
  }

  /** Cuts tokens into statements, keeping the stack of blocks they open and close. */
  private static final class Splitter {
    final List<Statement> statements = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>(List.of(new Block(BlockKind.FILE, Optional.empty())));
    List<Lexeme> current = new ArrayList<>();
    Lexeme previous;

    void accept(Lexeme token) {
      if (previous != null && token.line() > previous.endLine() && !previous.is(JnpLexer.COMMA)) {
        flush();
      }
      previous = token;
      if (token.is(JnpLexer.LBRACE)) {
        Block opened = opened(current, top());
        current.add(token);
        flush();
        blocks.add(opened);
      } else if (token.is(JnpLexer.RBRACE)) {
        flush();
        if (blocks.size() > 1) {
          blocks.remove(blocks.size() - 1);
        }
      } else {
        current.add(token);
      }
    }

    void flush() {
      if (!current.isEmpty()) {
        statements.add(new Statement(List.copyOf(current), top()));
        current = new ArrayList<>();
      }
    }

    private Block top() {
      return blocks.get(blocks.size() - 1);
    }

    private static Block opened(List<Lexeme> statement, Block around) {
      if (!statement.isEmpty() && statement.get(0).is(JnpLexer.WORKLOAD) && around.kind() == BlockKind.FILE) {
        Optional<String> name = statement.size() > 1 && statement.get(1).isName() ? Optional.of(statement.get(1).text()) : Optional.empty();
        return new Block(BlockKind.WORKLOAD, name);
      }
      if (!statement.isEmpty() && statement.get(0).is(JnpLexer.EGRESS) && around.kind() == BlockKind.WORKLOAD) {
        return new Block(BlockKind.EGRESS, around.workload());
      }
      return new Block(BlockKind.OTHER, around.workload());
    }
  }
}
