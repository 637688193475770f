package dev.jnp.compiler.lsp;

import dev.jnp.engine.Backends;
import dev.jnp.grammar.JnpLexer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * What may be typed at a place in a document: the keywords the statement allows there (top level,
 * inside a workload, inside its egress block), the workload's port names after {@code allow}, the
 * declared peers where a peer may stand, {@code $parameters} where a word may stand and boolean
 * parameters in a condition, and the namespaces the file names after {@code ns}. Read from tokens,
 * so it works on the half-typed statements an editor sends.
 */
final class Completions {
  private static final List<String> TOP_LEVEL = List.of("engine", "namespace", "param", "peer", "workload", "default", "expect");
  private static final List<String> IN_WORKLOAD = List.of("select", "port", "allow", "egress", "native");
  private static final List<String> IN_EGRESS = List.of("allow", "native");
  private static final List<String> PEERS = List.of("any", "ns", "pods", "cidr", "fqdn", "nodes", "apiserver");
  private static final List<String> ENDPOINTS = List.of("ns", "pods", "apiserver", "node", "world", "fqdn");

  private final SourceText source;
  private final SourceOutline outline;
  private final SourceOutline.Context context;
  private final Map<String, CompletionItem> items = new LinkedHashMap<>();

  private Completions(SourceText source, SourceOutline outline, SourceOutline.Context context) {
    this.source = source;
    this.outline = outline;
    this.context = context;
  }

  /** The completions at {@code position}: each replaces the word being typed there. */
  static List<CompletionItem> at(SourceText source, Position position) {
    SourceText.Cursor cursor = source.cursor(position);
    List<Lexeme> all = Lexeme.all(source.text());
    if (inCommentOrText(all, cursor)) {
      return List.of();
    }
    List<Lexeme> significant = all.stream().filter(l -> !l.hidden()).toList();
    Optional<Lexeme> typed = significant.stream().filter(l -> isTyped(l) && l.touches(cursor)).findFirst();
    List<Lexeme> before = significant.stream().filter(l -> l.endsBy(cursor) && typed.map(t -> t != l).orElse(true)).toList();
    Completions completions =
        new Completions(source, SourceOutline.of(significant), SourceOutline.contextAt(before, cursor));
    completions.collect();
    String prefix = typed.map(t -> prefix(t, cursor)).orElse("");
    Range replaced = new Range(typed.map(t -> source.position(t.line(), t.column())).orElse(position), position);
    List<CompletionItem> found = new ArrayList<>();
    for (CompletionItem item : completions.items.values()) {
      if (item.getLabel().startsWith(prefix)) {
        item.setTextEdit(Either.forLeft(new TextEdit(replaced, item.getLabel())));
        found.add(item);
      }
    }
    return found;
  }

  private static boolean inCommentOrText(List<Lexeme> all, SourceText.Cursor cursor) {
    for (Lexeme lexeme : all) {
      if (lexeme.is(JnpLexer.COMMENT) && lexeme.line() == cursor.line() && cursor.column() > lexeme.column()) {
        return true;
      }
      if ((lexeme.is(JnpLexer.RAW) || lexeme.is(JnpLexer.STRING)) && lexeme.encloses(cursor)) {
        return true;
      }
    }
    return false;
  }

  /** A token that may be the start of what is being typed: a word, or a lone {@code $}. */
  private static boolean isTyped(Lexeme lexeme) {
    return (lexeme.isWord() && !lexeme.is(JnpLexer.STRING)) || (lexeme.is(JnpLexer.UNKNOWN) && lexeme.text().equals("$"));
  }

  private static String prefix(Lexeme typed, SourceText.Cursor cursor) {
    int length = cursor.column() - typed.column();
    return typed.text().substring(0, typed.text().offsetByCodePoints(0, Math.min(length, typed.text().codePointCount(0, typed.text().length()))));
  }

  private void collect() {
    List<Lexeme> statement = context.statement();
    SourceOutline.BlockKind block = context.block().kind();
    if (statement.isEmpty()) {
      keywords(block == SourceOutline.BlockKind.WORKLOAD ? IN_WORKLOAD : block == SourceOutline.BlockKind.EGRESS ? IN_EGRESS
          : block == SourceOutline.BlockKind.FILE ? TOP_LEVEL : List.of());
      return;
    }
    int when = indexOf(statement, JnpLexer.WHEN, 0);
    if (when >= 0) {
      condition(statement.subList(when, statement.size()));
      return;
    }
    Lexeme first = statement.get(0);
    Lexeme last = statement.get(statement.size() - 1);
    int size = statement.size();
    switch (first.type()) {
      case JnpLexer.ENGINE -> {
        if (size == 1) {
          engines();
        }
      }
      case JnpLexer.NAMESPACE -> {
        if (size == 1) {
          namespaces();
          params(SourceOutline.ParamType.STRING);
        }
      }
      case JnpLexer.PARAM -> {
        if (last.is(JnpLexer.EQUALS)) {
          keywords(List.of("true", "false"));
        }
      }
      case JnpLexer.PEER -> {
        if (size >= 3 && statement.get(2).is(JnpLexer.EQUALS)) {
          peers(statement.subList(3, size));
        }
      }
      case JnpLexer.WORKLOAD -> {
        if (size == 2) {
          keywords(List.of("in"));
        } else if (last.is(JnpLexer.IN)) {
          namespaces();
          params(SourceOutline.ParamType.STRING);
        }
      }
      case JnpLexer.DEFAULT -> defaultDeny(statement);
      case JnpLexer.EXPECT -> expect(statement);
      case JnpLexer.SELECT -> {
        if (last.is(JnpLexer.EQUALS)) {
          params(SourceOutline.ParamType.STRING);
        }
      }
      case JnpLexer.PORT -> port(statement);
      case JnpLexer.ALLOW -> allow(statement);
      case JnpLexer.EGRESS -> {
        if (size == 1 && context.block().kind() == SourceOutline.BlockKind.WORKLOAD) {
          keywords(List.of("when"));
        }
      }
      case JnpLexer.NATIVE -> {
        if (size == 1) {
          engines();
        } else if (size == 2) {
          keywords(List.of("ingress", "egress"));
        }
      }
      default -> {}
    }
  }

  private void defaultDeny(List<Lexeme> statement) {
    Lexeme last = statement.get(statement.size() - 1);
    if (statement.size() == 1) {
      keywords(List.of("deny"));
    } else if (last.is(JnpLexer.ORDER)) {
      params(SourceOutline.ParamType.NUMBER);
    } else if (statement.get(1).is(JnpLexer.DENY)) {
      boolean direction = indexOf(statement, JnpLexer.INGRESS, 2) >= 0 || indexOf(statement, JnpLexer.EGRESS, 2) >= 0;
      boolean order = indexOf(statement, JnpLexer.ORDER, 2) >= 0;
      if (!direction && !order) {
        keywords(List.of("ingress", "egress"));
      }
      if (!order) {
        keywords(List.of("order"));
      }
      keywords(List.of("when"));
    }
  }

  private void expect(List<Lexeme> statement) {
    Lexeme last = statement.get(statement.size() - 1);
    if (statement.size() == 1) {
      keywords(List.of("allow", "deny"));
    } else if (statement.size() == 2 || last.is(JnpLexer.ARROW)) {
      outline.workloads().forEach((name, token) -> {
        add(name, CompletionItemKind.Class, declaration(token));
        outline.ports(name).forEach((port, portToken) -> add(name + ":" + port, CompletionItemKind.Field, declaration(portToken)));
      });
      keywords(ENDPOINTS);
    } else if (last.is(JnpLexer.NS)) {
      namespaces();
    } else if (indexOf(statement, JnpLexer.ARROW, 2) >= 0 && !last.is(JnpLexer.PODS) && !last.is(JnpLexer.FQDN)) {
      keywords(List.of("when"));
    }
  }

  private void port(List<Lexeme> statement) {
    if (context.block().kind() != SourceOutline.BlockKind.WORKLOAD) {
      return;
    }
    if (statement.size() == 2) {
      params(SourceOutline.ParamType.NUMBER);
      params(SourceOutline.ParamType.STRING);
    } else if (statement.size() >= 3) {
      if (indexOf(statement, JnpLexer.PROBE, 3) < 0) {
        keywords(List.of("probe"));
      }
      keywords(List.of("when"));
    }
  }

  /** {@code allow [PORTS] from|to PEERS}, and {@code allow dns [to PEERS]} in an egress block. */
  private void allow(List<Lexeme> statement) {
    SourceOutline.BlockKind block = context.block().kind();
    boolean egress = block == SourceOutline.BlockKind.EGRESS;
    if (!egress && block != SourceOutline.BlockKind.WORKLOAD) {
      return;
    }
    int direction = Math.max(indexOf(statement, JnpLexer.FROM, 1), indexOf(statement, JnpLexer.TO, 1));
    if (direction >= 0) {
      peers(statement.subList(direction + 1, statement.size()));
      return;
    }
    Lexeme last = statement.get(statement.size() - 1);
    if (statement.size() > 1 && statement.get(1).is(JnpLexer.DNS)) {
      if (egress && statement.size() == 2) {
        keywords(List.of("to", "when"));
      }
      return;
    }
    if (last.is(JnpLexer.ALLOW) || last.is(JnpLexer.COMMA)) {
      if (egress && statement.size() == 1) {
        keywords(List.of("dns"));
      }
      context.block().workload().ifPresent(workload ->
          outline.ports(workload).forEach((name, token) -> add(name, CompletionItemKind.Field, declaration(token))));
      params(SourceOutline.ParamType.NUMBER);
      params(SourceOutline.ParamType.STRING);
    }
    if (!last.is(JnpLexer.COMMA)) {
      keywords(List.of(egress ? "to" : "from"));
    }
  }

  /** Peers, from just after {@code from}, {@code to} or a peer declaration's {@code =}. */
  private void peers(List<Lexeme> peers) {
    Lexeme last = peers.isEmpty() ? null : peers.get(peers.size() - 1);
    if (last == null || last.is(JnpLexer.COMMA)) {
      keywords(PEERS);
      outline.peers().forEach((name, token) -> add(name, CompletionItemKind.Variable, declaration(token)));
      return;
    }
    switch (last.type()) {
      case JnpLexer.NS -> {
        namespaces();
        keywords(List.of("where"));
        params(SourceOutline.ParamType.STRING);
      }
      case JnpLexer.CIDR, JnpLexer.FQDN -> params(SourceOutline.ParamType.STRING);
      case JnpLexer.APISERVER -> {
        params(SourceOutline.ParamType.STRING);
        keywords(List.of("when"));
      }
      case JnpLexer.IN -> keywords(List.of("ns", "any"));
      case JnpLexer.ANY -> {
        if (peers.size() > 1 && peers.get(peers.size() - 2).is(JnpLexer.IN)) {
          keywords(List.of("ns"));
        } else {
          keywords(List.of("when"));
        }
      }
      case JnpLexer.PODS, JnpLexer.WHERE, JnpLexer.EXCEPT, JnpLexer.EQUALS, JnpLexer.LBRACKET -> {}
      default -> afterPeer(peers);
    }
  }

  /** After a whole peer: what may extend it ({@code except}, {@code in}), or the rule's {@code when}. */
  private void afterPeer(List<Lexeme> peers) {
    int head = 0;
    for (int i = peers.size() - 1; i >= 0; i--) {
      Lexeme token = peers.get(i);
      boolean afterIn = i > 0 && peers.get(i - 1).is(JnpLexer.IN);
      if (PEERS.contains(token.text()) && Lexeme.isKeyword(token.type()) && !afterIn) {
        head = i;
        break;
      }
      boolean namedPeer = token.is(JnpLexer.COMMA) && i + 1 < peers.size()
          && (i + 2 >= peers.size() || !peers.get(i + 2).is(JnpLexer.EQUALS));
      if (namedPeer) {
        head = i + 1;
        break;
      }
    }
    Lexeme first = peers.get(head);
    int length = peers.size() - head;
    if (first.is(JnpLexer.CIDR) && length == 2) {
      keywords(List.of("except"));
    } else if (first.is(JnpLexer.PODS) && indexOf(peers, JnpLexer.IN, head) < 0 && length >= 4
        && peers.get(peers.size() - 2).is(JnpLexer.EQUALS)) {
      keywords(List.of("in"));
    }
    keywords(List.of("when"));
  }

  /** A condition, from its {@code when}. */
  private void condition(List<Lexeme> condition) {
    Lexeme last = condition.get(condition.size() - 1);
    if (last.is(JnpLexer.WHEN) || last.is(JnpLexer.AND) || last.is(JnpLexer.OR) || last.is(JnpLexer.NOT) || last.is(JnpLexer.LPAREN)) {
      keywords(List.of("not"));
      outline.params().values().stream()
          .filter(p -> p.type() == SourceOutline.ParamType.BOOLEAN)
          .forEach(p -> add(p.name().text(), CompletionItemKind.Variable, declaration(p.name())));
    } else {
      keywords(List.of("and", "or"));
    }
  }

  private void keywords(List<String> keywords) {
    keywords.forEach(k -> add(k, CompletionItemKind.Keyword, null));
  }

  private void engines() {
    Backends.ENGINES.forEach(e -> add(e, CompletionItemKind.EnumMember, "engine"));
  }

  private void namespaces() {
    outline.namespaces().forEach(n -> add(n, CompletionItemKind.Module, "a namespace this file names"));
  }

  /** {@code $name} for the parameters of a type, where a word may stand. */
  private void params(SourceOutline.ParamType type) {
    outline.params().values().stream()
        .filter(p -> p.type() == type)
        .forEach(p -> add("$" + p.name().text(), CompletionItemKind.Variable, declaration(p.name())));
  }

  private String declaration(Lexeme name) {
    return source.line(name.line() - 1).strip();
  }

  private void add(String label, CompletionItemKind kind, String detail) {
    CompletionItem item = new CompletionItem(label);
    item.setKind(kind);
    item.setDetail(detail);
    items.putIfAbsent(label, item);
  }

  private static int indexOf(List<Lexeme> tokens, int type, int from) {
    for (int i = from; i < tokens.size(); i++) {
      if (tokens.get(i).is(type)) {
        return i;
      }
    }
    return -1;
  }
}
