package dev.jnp.compiler.syntax;

import static dev.jnp.grammar.JnpLexer.*;

import dev.jnp.compiler.ast.Condition;
import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.Endpoint;
import dev.jnp.compiler.ast.Label;
import dev.jnp.compiler.ast.PeerExpr;
import dev.jnp.compiler.ast.Word;
import dev.jnp.compiler.ast.WorkloadItem;
import dev.jnp.compiler.ast.WorkloadItem.Direction;
import dev.jnp.diagnostics.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Builds the AST straight from a file's tokens, without a parse tree, where each of the grammar's
 * choices can be made from the next three tokens at most. It gives up — returns nothing — at a
 * syntax error, and wherever a keyword stands as a name and the grammar's parser might take it
 * either way; {@link SourceParser} then parses the file with the parser ANTLR generates from
 * {@code Jnp.g4}, which stays the definition of the language and alone reports syntax errors.
 *
 * <p>Where it does give an AST, that AST is the one the grammar's parser gives, spans included:
 * each choice below says why it is the grammar's, and {@code PredictiveParserTest} and the fuzz
 * target {@code parse} compare the two. A first parse here costs no ANTLR tables and no adaptive
 * prediction (docs/decisions.md).
 */
final class PredictiveParser {
  /** Where a list of peers or an endpoint stands, for the keywords that may follow it there. */
  private enum Place {
    /** {@code peer NAME = PEERS}: a declaration or the end of the file follows. */
    DECLARATION,
    /** An {@code allow} rule: a {@code when}, another rule or a {@code '}'} follows. */
    RULE,
    /** An {@code expect}'s client: {@code ->} follows. */
    CLIENT,
    /** An {@code expect}'s server: a {@code when}, a declaration or the end of the file follows. */
    SERVER
  }

  /** Thrown, without a stack trace, where this parser gives the file to the grammar's parser. */
  private static final class NotPredicted extends RuntimeException {
    NotPredicted() {
      super(null, null, false, false);
    }
  }

  private static final NotPredicted NOT_PREDICTED = new NotPredicted();

  private final String path;
  private final Spans spans;
  private final Token[] tokens;
  private final int[] types;
  private int next;

  private PredictiveParser(String path, FileTokens.Part part) {
    this.path = path;
    this.spans = new Spans(path);
    this.tokens = part.onDefaultChannel();
    this.types = part.types();
  }

  /**
   * The declarations of a part of a file that ends where a declaration does ({@link
   * FileTokens#parts}), or of the whole file. Nothing where the grammar's parser has to read them.
   */
  static Optional<List<Declaration>> parse(String path, FileTokens.Part part) {
    try {
      return Optional.of(new PredictiveParser(path, part).declarations());
    } catch (NotPredicted notPredicted) {
      return Optional.empty();
    }
  }

  // No declaration looks past its own last token: a part's are those of the whole file.
  private List<Declaration> declarations() {
    List<Declaration> declarations = new ArrayList<>();
    while (type(0) != Token.EOF) {
      declarations.add(declaration());
    }
    return declarations;
  }

  // Every declaration starts with its own keyword.
  private Declaration declaration() {
    Token start = consume();
    switch (start.getType()) {
      case ENGINE -> {
        return new Declaration.Engine(word(), spanFrom(start));
      }
      case NAMESPACE -> {
        return new Declaration.Namespace(word(), spanFrom(start));
      }
      case PARAM -> {
        Word name = name();
        expect(EQUALS);
        // `true` and `false` read as a value or as a word give the same plain Word.
        Word value = word();
        return new Declaration.Param(name, value, spanFrom(start));
      }
      case PEER -> {
        Word name = name();
        expect(EQUALS);
        return new Declaration.Peer(name, peers(Place.DECLARATION), spanFrom(start));
      }
      case WORKLOAD -> {
        return workload(start);
      }
      case DEFAULT -> {
        expect(DENY);
        Optional<Direction> direction = Optional.empty();
        if (type(0) == INGRESS || type(0) == EGRESS) {
          direction = Optional.of(consume().getType() == INGRESS ? Direction.INGRESS : Direction.EGRESS);
        }
        Optional<Word> order = Optional.empty();
        if (type(0) == ORDER) {
          next++;
          order = Optional.of(word());
        }
        return new Declaration.DefaultDeny(direction, order, when(), spanFrom(start));
      }
      case EXPECT -> {
        if (type(0) != ALLOW && type(0) != DENY) {
          throw NOT_PREDICTED;
        }
        boolean allow = consume().getType() == ALLOW;
        Endpoint client = endpoint(Place.CLIENT);
        expect(ARROW);
        Endpoint server = endpoint(Place.SERVER);
        return new Declaration.Expect(allow, client, server, when(), spanFrom(start));
      }
      default -> throw NOT_PREDICTED;
    }
  }

  private Declaration.Workload workload(Token start) {
    Word name = name();
    Optional<Word> namespace = Optional.empty();
    if (type(0) == IN) {
      next++;
      namespace = Optional.of(word());
    }
    expect(LBRACE);
    List<WorkloadItem> items = new ArrayList<>();
    while (type(0) != RBRACE) {
      items.add(workloadItem());
    }
    next++;
    return new Declaration.Workload(name, namespace, List.copyOf(items), spanFrom(start));
  }

  // Every item starts with its own keyword; none can follow an item otherwise.
  private WorkloadItem workloadItem() {
    Token start = token(0);
    switch (start.getType()) {
      case SELECT -> {
        next++;
        return new WorkloadItem.Select(labels(), spanFrom(start));
      }
      case PORT -> {
        next++;
        Word name = name();
        Word spec = word();
        boolean probe = type(0) == PROBE;
        if (probe) {
          next++;
        }
        return new WorkloadItem.Port(name, spec, probe, when(), spanFrom(start));
      }
      case ALLOW -> {
        return allow(false);
      }
      case EGRESS -> {
        next++;
        Optional<Condition> when = when();
        expect(LBRACE);
        List<WorkloadItem> items = new ArrayList<>();
        while (type(0) != RBRACE) {
          items.add(type(0) == ALLOW ? allow(true) : nativeBlock());
        }
        next++;
        return new WorkloadItem.Egress(when, List.copyOf(items), spanFrom(start));
      }
      case NATIVE -> {
        return nativeBlock();
      }
      default -> throw NOT_PREDICTED;
    }
  }

  /** An {@code allow} rule in a workload, or in its egress block. */
  private WorkloadItem allow(boolean inEgressBlock) {
    Token start = consume();
    if (inEgressBlock && type(0) == DNS) {
      // `allow dns to P` is also `allow PORTS to P` with the port `dns`: the grammar takes its
      // first alternative, the DNS rule. Any other `allow dns …` that is not a DNS rule ends
      // with no more than `dns` before its `when`, its block's next rule or end.
      List<PeerExpr> peers = List.of();
      if (type(1) == TO) {
        next += 2;
        peers = peers(Place.RULE);
      } else if (type(1) == WHEN || type(1) == ALLOW || type(1) == NATIVE || type(1) == RBRACE) {
        next++;
      } else {
        throw NOT_PREDICTED;
      }
      return new WorkloadItem.AllowDns(peers, when(), spanFrom(start));
    }
    List<Word> ports = List.of();
    if (type(0) == FROM || type(0) == TO) {
      // The direction, unless it is a port named `from` or `to`: then a comma or the direction
      // follows it.
      if (type(1) == COMMA || type(1) == FROM || type(1) == TO) {
        throw NOT_PREDICTED;
      }
    } else {
      // Ports, a keyword among them too: after the first, a comma always asks for another.
      ports = new ArrayList<>();
      ports.add(word());
      while (type(0) == COMMA) {
        next++;
        ports.add(word());
      }
      ports = List.copyOf(ports);
    }
    int direction = type(0);
    if (direction != FROM && direction != TO) {
      throw NOT_PREDICTED;
    }
    next++;
    List<PeerExpr> peers = peers(Place.RULE);
    Direction written = direction == FROM ? Direction.INGRESS : Direction.EGRESS;
    return new WorkloadItem.Allow(written, inEgressBlock, ports, peers, when(), spanFrom(start));
  }

  private WorkloadItem nativeBlock() {
    Token start = token(0);
    expect(NATIVE);
    Word engine = word();
    if (type(0) != INGRESS && type(0) != EGRESS) {
      throw NOT_PREDICTED;
    }
    Direction direction = consume().getType() == INGRESS ? Direction.INGRESS : Direction.EGRESS;
    Token body = token(0);
    expect(RAW);
    String text = body.getText();
    return new WorkloadItem.Native(
        engine, direction, text.substring(3, text.length() - 3), spans.inside(body, 3, 0), spanFrom(start));
  }

  // A comma after a peer always starts the next: no list of peers is followed by a comma.
  private List<PeerExpr> peers(Place place) {
    List<PeerExpr> peers = new ArrayList<>();
    peers.add(peer(place));
    while (type(0) == COMMA) {
      next++;
      peers.add(peer(place));
    }
    return List.copyOf(peers);
  }

  /**
   * One peer. Each keyword that starts a peer is also a name (of a peer declared by {@code
   * peer}); where both readings parse, the grammar takes the keyword's, its earlier alternative.
   */
  private PeerExpr peer(Place place) {
    Token start = token(0);
    switch (start.getType()) {
      case ANY -> {
        next++;
        return new PeerExpr.Any(spanFrom(start));
      }
      case NODES -> {
        next++;
        return new PeerExpr.Nodes(spanFrom(start));
      }
      case APISERVER -> {
        // An address or a '[' cannot follow a peer: it is the API server's.
        next++;
        List<Word> addresses = List.of();
        if (isAddress(type(0))) {
          addresses = List.of(address());
        } else if (type(0) == LBRACKET) {
          addresses = bracketedAddresses();
        }
        return new PeerExpr.ApiServer(addresses, spanFrom(start));
      }
      case NS -> {
        if (type(1) == WHERE && isLabelAt(2)) {
          next += 2;
          return new PeerExpr.NamespacesWhere(labels(), spanFrom(start));
        }
        Word name = nameAfterKeyword(place);
        return new PeerExpr.Namespace(name, spanFrom(start));
      }
      case PODS -> {
        if (!isLabelAt(1)) {
          throw NOT_PREDICTED;
        }
        next++;
        List<Label> labels = labels();
        return new PeerExpr.Pods(labels, podNamespace(), spanFrom(start));
      }
      case CIDR -> {
        Word block = nameAfterKeyword(place);
        List<Word> except = List.of();
        if (type(0) == EXCEPT) {
          next++;
          except = bracketedAddresses();
        }
        return new PeerExpr.Cidr(block, except, spanFrom(start));
      }
      case FQDN -> {
        Word name = nameAfterKeyword(place);
        return new PeerExpr.Fqdn(name, spanFrom(start));
      }
      default -> {
        // A word, or a keyword that starts no other peer: the name of a declared peer.
        return new PeerExpr.Named(name(), spanFrom(start));
      }
    }
  }

  // `in` cannot follow a peer: it is the pods' namespace. After `in ns`, a word is the
  // namespace's name unless labels follow `where`.
  private Optional<PeerExpr.PodNamespace> podNamespace() {
    if (type(0) != IN) {
      return Optional.empty();
    }
    if (type(1) == ANY && type(2) == NS) {
      next += 3;
      return Optional.of(new PeerExpr.PodNamespace.AnyNamespace());
    }
    if (type(1) != NS) {
      throw NOT_PREDICTED;
    }
    if (type(2) == WHERE && isLabelAt(3)) {
      next += 3;
      return Optional.of(new PeerExpr.PodNamespace.Where(labels()));
    }
    next += 2;
    return Optional.of(new PeerExpr.PodNamespace.Named(word()));
  }

  /**
   * Whether {@code keyword} may stand right after a list of peers or an endpoint at {@code
   * place}. Where it may not, a keyword after {@code ns}, {@code cidr} or {@code fqdn} is their
   * name: read as a peer or a workload named {@code ns}, {@code cidr} or {@code fqdn}, the keyword
   * would be left where it cannot stand.
   */
  private static boolean mayFollow(int keyword, Place place) {
    return switch (place) {
      case DECLARATION -> startsDeclaration(keyword);
      case RULE -> keyword == WHEN || keyword == SELECT || keyword == PORT || keyword == ALLOW
          || keyword == EGRESS || keyword == NATIVE;
      case CLIENT -> false;
      case SERVER -> keyword == WHEN || startsDeclaration(keyword);
    };
  }

  private static boolean startsDeclaration(int keyword) {
    return keyword == ENGINE || keyword == NAMESPACE || keyword == PARAM || keyword == PEER
        || keyword == WORKLOAD || keyword == DEFAULT || keyword == EXPECT;
  }

  /**
   * The name after the keyword {@code ns}, {@code cidr} or {@code fqdn} at the next token, both
   * read; gives up where the keyword might instead be a name followed by a keyword.
   */
  private Word nameAfterKeyword(Place place) {
    int type = type(1);
    if (!isPlainWord(type) && !(Terminals.isKeyword(type) && type != WHERE && !mayFollow(type, place))) {
      throw NOT_PREDICTED;
    }
    next++;
    return word();
  }

  private Endpoint endpoint(Place place) {
    Token start = token(0);
    switch (start.getType()) {
      case NS -> {
        Word name = nameAfterKeyword(place);
        return new Endpoint.Namespace(name, spanFrom(start));
      }
      case PODS -> {
        if (!isLabelAt(1)) {
          throw NOT_PREDICTED;
        }
        next++;
        List<Label> labels = labels();
        Optional<Word> namespace = Optional.empty();
        if (type(0) == IN) {
          next++;
          expect(NS);
          namespace = Optional.of(word());
        }
        return new Endpoint.Pods(labels, namespace, spanFrom(start));
      }
      case FQDN -> {
        Word name = nameAfterKeyword(place);
        return new Endpoint.Fqdn(name, spanFrom(start));
      }
      case NODE -> {
        next++;
        return new Endpoint.Node(spanFrom(start));
      }
      case WORLD -> {
        next++;
        return new Endpoint.World(spanFrom(start));
      }
      case APISERVER -> {
        next++;
        SourceSpan span = spanFrom(start);
        return new Endpoint.Plain(new Word("apiserver", Word.Kind.PLAIN, span), span);
      }
      case LBRACKET -> {
        next++;
        Word address = address();
        expect(RBRACKET);
        Optional<Word> suffix = Optional.empty();
        if (type(0) == WORD) {
          Token port = consume();
          suffix = Optional.of(new Word(port.getText(), Word.Kind.PLAIN, spans.of(port)));
        }
        return new Endpoint.Ipv6(address, suffix, spanFrom(start));
      }
      default -> {
        // A word, or a keyword that starts no other endpoint.
        return new Endpoint.Plain(word(), spanFrom(start));
      }
    }
  }

  /**
   * {@code K=V, …}. A comma continues the labels when a word and {@code =} follow it: no peer
   * starts so, and nothing else that may follow labels does.
   */
  private List<Label> labels() {
    List<Label> labels = new ArrayList<>();
    labels.add(label());
    while (type(0) == COMMA && isLabelAt(1)) {
      next++;
      labels.add(label());
    }
    return List.copyOf(labels);
  }

  private Label label() {
    Token start = token(0);
    Word key = word();
    expect(EQUALS);
    Word value = word();
    return new Label(key, value, spanFrom(start));
  }

  private boolean isLabelAt(int ahead) {
    int type = type(ahead);
    return (isPlainWord(type) || Terminals.isKeyword(type)) && type(ahead + 1) == EQUALS;
  }

  private List<Word> bracketedAddresses() {
    expect(LBRACKET);
    List<Word> addresses = new ArrayList<>();
    addresses.add(address());
    while (type(0) == COMMA) {
      next++;
      addresses.add(address());
    }
    expect(RBRACKET);
    return List.copyOf(addresses);
  }

  private Optional<Condition> when() {
    if (type(0) != WHEN) {
      return Optional.empty();
    }
    next++;
    return Optional.of(condition(0));
  }

  /**
   * A condition of operators that bind at least as tightly as {@code precedence}: the grammar's
   * left-recursive rule, where {@code not} binds tightest (5), then {@code and} (4), then {@code
   * or} (3), each binary one to the left. A condition's span starts at its first token, a
   * parenthesis included, as the rule's contexts do.
   */
  private Condition condition(int precedence) {
    Token start = token(0);
    Condition left = operand();
    while (true) {
      if (type(0) == AND && precedence <= 4) {
        next++;
        left = new Condition.And(left, condition(5), spanFrom(start));
      } else if (type(0) == OR && precedence <= 3) {
        next++;
        left = new Condition.Or(left, condition(4), spanFrom(start));
      } else {
        return left;
      }
    }
  }

  private Condition operand() {
    Token start = consume();
    switch (start.getType()) {
      case NOT -> {
        // `not` then a word, `not` or '(', none of which may follow a condition, negates; a
        // parameter named `not` followed by a keyword is left to the grammar's parser.
        if (Terminals.isKeyword(type(0)) && type(0) != NOT) {
          throw NOT_PREDICTED;
        }
        return new Condition.Not(condition(5), spanFrom(start));
      }
      case LPAREN -> {
        Condition inner = condition(0);
        expect(RPAREN);
        return inner;
      }
      default -> {
        // A parameter's name, a keyword too.
        if (start.getType() != WORD && !Terminals.isKeyword(start.getType())) {
          throw NOT_PREDICTED;
        }
        SourceSpan span = spans.of(start);
        return new Condition.Param(new Word(start.getText(), Word.Kind.PLAIN, span), span);
      }
    }
  }

  /** A name where one must stand: a word or a keyword. */
  private Word name() {
    Token token = token(0);
    if (token.getType() != WORD && !Terminals.isKeyword(token.getType())) {
      throw NOT_PREDICTED;
    }
    next++;
    return new Word(token.getText(), Word.Kind.PLAIN, spans.of(token));
  }

  /** A word where one must stand: a name, a number, a string or a parameter reference. */
  private Word word() {
    if (Terminals.isKeyword(type(0))) {
      return name();
    }
    if (!isPlainWord(type(0))) {
      throw NOT_PREDICTED;
    }
    return terminal(consume());
  }

  private Word address() {
    if (!isAddress(type(0))) {
      throw NOT_PREDICTED;
    }
    return terminal(consume());
  }

  private Word terminal(Token token) {
    return Terminals.word(token, spans.of(token));
  }

  private static boolean isPlainWord(int type) {
    return type == WORD || type == NUMBER || type == STRING || type == PARAM_REF;
  }

  private static boolean isAddress(int type) {
    return isPlainWord(type);
  }


  private int type(int ahead) {
    return types[Math.min(next + ahead, types.length - 1)];
  }

  private Token token(int ahead) {
    return tokens[Math.min(next + ahead, tokens.length - 1)];
  }

  private Token consume() {
    Token token = token(0);
    if (token.getType() == Token.EOF) {
      throw NOT_PREDICTED;
    }
    next++;
    return token;
  }

  private void expect(int type) {
    if (type(0) != type) {
      throw NOT_PREDICTED;
    }
    next++;
  }

  /** From {@code start} to the last token read. */
  private SourceSpan spanFrom(Token start) {
    return spans.between(start, tokens[next - 1]);
  }
}
