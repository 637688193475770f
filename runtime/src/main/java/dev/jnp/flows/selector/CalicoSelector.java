package dev.jnp.flows.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Calico selector expression (engine-semantics.md §3 "Selectors"): {@code k == 'v'}, {@code k
 * != 'v'} (also true without the label), {@code k in {'a','b'}}, {@code k not in {…}} (also true
 * without the label), {@code has(k)}, {@code k contains 'v'}, {@code k starts with 'v'}, {@code k
 * ends with 'v'}, {@code all()}, {@code global()}, {@code !}, {@code &&}, {@code ||} and
 * parentheses, with {@code !} binding tightest and {@code ||} loosest. An empty selector is
 * {@code all()}. Label keys are {@code [a-zA-Z0-9_./-]+}; strings take single or double quotes.
 */
public final class CalicoSelector {
  private final Node root;
  private final String text;

  private CalicoSelector(Node root, String text) {
    this.root = root;
    this.text = text;
  }

  /**
   * Parses a selector.
   *
   * @throws IllegalArgumentException with the reason, for text that is not a selector
   */
  public static CalicoSelector parse(String text) {
    String source = text == null ? "" : text;
    if (source.isBlank()) {
      return new CalicoSelector(new All(), source);
    }
    Parser parser = new Parser(source);
    Node root = parser.or();
    parser.skipSpace();
    if (!parser.atEnd()) {
      throw parser.error("unexpected '" + parser.rest() + "'");
    }
    return new CalicoSelector(root, source);
  }

  /** Whether the labels satisfy the expression. */
  public boolean matches(Map<String, String> labels) {
    return root.eval(labels);
  }

  /**
   * A label that every set of labels this selector matches has: a {@code key == 'value'} (or
   * {@code in} with one value) that the whole selector, or one of the terms it {@code &&}s,
   * is. None for a selector without one.
   */
  public Optional<Map.Entry<String, String>> requiredLabel() {
    return required(root);
  }

  private static Optional<Map.Entry<String, String>> required(Node node) {
    if (node instanceof Compare compare
        && (compare.op().equals("==") || compare.op().equals("in"))
        && compare.values().size() == 1) {
      return Optional.of(Map.entry(compare.key(), compare.values().iterator().next()));
    }
    if (node instanceof And and) {
      for (Node operand : and.operands()) {
        Optional<Map.Entry<String, String>> label = required(operand);
        if (label.isPresent()) {
          return label;
        }
      }
    }
    return Optional.empty();
  }

  /** Whether the selector is exactly {@code global()}: non-namespaced resources only. */
  public boolean isGlobal() {
    return root instanceof Global;
  }

  @Override
  public String toString() {
    return text;
  }

  private interface Node {
    boolean eval(Map<String, String> labels);
  }

  private record All() implements Node {
    @Override
    public boolean eval(Map<String, String> labels) {
      return true;
    }
  }

  private record Global() implements Node {
    @Override
    public boolean eval(Map<String, String> labels) {
      return true;
    }
  }

  private record Has(String key) implements Node {
    @Override
    public boolean eval(Map<String, String> labels) {
      return labels.containsKey(key);
    }
  }

  private record Compare(String key, String op, Set<String> values) implements Node {
    @Override
    public boolean eval(Map<String, String> labels) {
      String v = labels.get(key);
      String only = values.isEmpty() ? "" : values.iterator().next();
      switch (op) {
        case "==":
          return v != null && v.equals(only);
        case "!=":
          return v == null || !v.equals(only);
        case "in":
          return v != null && values.contains(v);
        case "not in":
          return v == null || !values.contains(v);
        case "contains":
          return v != null && v.contains(only);
        case "starts with":
          return v != null && v.startsWith(only);
        case "ends with":
          return v != null && v.endsWith(only);
        default:
          throw new AssertionError(op);
      }
    }
  }

  private record Not(Node operand) implements Node {
    @Override
    public boolean eval(Map<String, String> labels) {
      return !operand.eval(labels);
    }
  }

  private record And(List<Node> operands) implements Node {
    @Override
    public boolean eval(Map<String, String> labels) {
      return operands.stream().allMatch(n -> n.eval(labels));
    }
  }

  private record Or(List<Node> operands) implements Node {
    @Override
    public boolean eval(Map<String, String> labels) {
      return operands.stream().anyMatch(n -> n.eval(labels));
    }
  }

  /** A recursive-descent parser over the text, position by position. */
  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    Node or() {
      List<Node> operands = new ArrayList<>();
      operands.add(and());
      while (consume("||")) {
        operands.add(and());
      }
      return operands.size() == 1 ? operands.get(0) : new Or(operands);
    }

    Node and() {
      List<Node> operands = new ArrayList<>();
      operands.add(unary());
      while (consume("&&")) {
        operands.add(unary());
      }
      return operands.size() == 1 ? operands.get(0) : new And(operands);
    }

    Node unary() {
      skipSpace();
      if (peek('!') && !s.startsWith("!=", pos)) {
        pos++;
        return new Not(unary());
      }
      return atom();
    }

    Node atom() {
      skipSpace();
      if (consume("(")) {
        Node inner = or();
        expect(")");
        return inner;
      }
      if (consumeCall("all")) {
        return new All();
      }
      if (consumeCall("global")) {
        return new Global();
      }
      if (lookingAtWord("has")) {
        int save = pos;
        pos += 3;
        skipSpace();
        if (consume("(")) {
          String key = label();
          expect(")");
          return new Has(key);
        }
        pos = save;
      }
      String key = label();
      skipSpace();
      if (consume("==")) {
        return new Compare(key, "==", Set.of(string()));
      }
      if (consume("!=")) {
        return new Compare(key, "!=", Set.of(string()));
      }
      if (consumeWord("not")) {
        if (!consumeWord("in")) {
          throw error("expected 'in' after 'not'");
        }
        return new Compare(key, "not in", set());
      }
      if (consumeWord("in")) {
        return new Compare(key, "in", set());
      }
      if (consumeWord("contains")) {
        return new Compare(key, "contains", Set.of(string()));
      }
      if (consumeWord("starts")) {
        if (!consumeWord("with")) {
          throw error("expected 'with' after 'starts'");
        }
        return new Compare(key, "starts with", Set.of(string()));
      }
      if (consumeWord("ends")) {
        if (!consumeWord("with")) {
          throw error("expected 'with' after 'ends'");
        }
        return new Compare(key, "ends with", Set.of(string()));
      }
      throw error("expected an operator after label '" + key + "'");
    }

    Set<String> set() {
      expect("{");
      Set<String> values = new TreeSet<>();
      skipSpace();
      if (consume("}")) {
        return values;
      }
      values.add(string());
      while (consume(",")) {
        values.add(string());
      }
      expect("}");
      return values;
    }

    String string() {
      skipSpace();
      if (atEnd() || (s.charAt(pos) != '\'' && s.charAt(pos) != '"')) {
        throw error("expected a quoted string");
      }
      char quote = s.charAt(pos);
      int end = s.indexOf(quote, pos + 1);
      if (end < 0) {
        throw error("unterminated string");
      }
      String value = s.substring(pos + 1, end);
      pos = end + 1;
      return value;
    }

    String label() {
      skipSpace();
      int start = pos;
      while (!atEnd() && isLabelChar(s.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw error(atEnd() ? "unexpected end of selector" : "expected a label, found '" + rest() + "'");
      }
      return s.substring(start, pos);
    }

    private static boolean isLabelChar(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '.' || c == '/' || c == '-';
    }

    boolean consumeCall(String name) {
      int save = pos;
      skipSpace();
      if (lookingAtWord(name)) {
        pos += name.length();
        skipSpace();
        if (consume("(")) {
          skipSpace();
          if (consume(")")) {
            return true;
          }
        }
      }
      pos = save;
      return false;
    }

    private boolean lookingAtWord(String word) {
      return s.startsWith(word, pos)
          && (pos + word.length() >= s.length() || !isLabelChar(s.charAt(pos + word.length())));
    }

    boolean consumeWord(String word) {
      skipSpace();
      if (lookingAtWord(word)) {
        pos += word.length();
        return true;
      }
      return false;
    }

    boolean consume(String token) {
      skipSpace();
      if (s.startsWith(token, pos)) {
        pos += token.length();
        return true;
      }
      return false;
    }

    void expect(String token) {
      if (!consume(token)) {
        throw error("expected '" + token + "'");
      }
    }

    boolean peek(char c) {
      return !atEnd() && s.charAt(pos) == c;
    }

    void skipSpace() {
      while (!atEnd() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
        pos++;
      }
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    String rest() {
      return s.substring(pos);
    }

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException(
          "selector \"" + s + "\": " + message + " at column " + (pos + 1));
    }
  }
}
