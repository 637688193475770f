package dev.jnp.compiler.check;

import java.util.Optional;

/**
 * Kubernetes name and label syntax, with the message for what is wrong. The syntax is matched
 * character by character rather than by regular expressions (which took a third of the checker's
 * time); {@code NamesTest} holds each matcher to the expression it stands for.
 */
public final class Names {
  private Names() {}

  /** A namespace or object name: an RFC 1123 label, at most 63 characters. */
  public static Optional<String> dnsLabel(String name) {
    if (name.length() > 63) {
      return Optional.of("is longer than 63 characters");
    }
    if (!isDnsLabel(name, 0, name.length())) {
      return Optional.of("must be lower-case letters, digits and '-', starting and ending with a letter or digit");
    }
    return Optional.empty();
  }

  /** A label key: {@code [prefix/]name}, the prefix a DNS subdomain. */
  public static Optional<String> labelKey(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      if (prefix.isEmpty() || prefix.length() > 253 || !isDnsSubdomain(prefix)) {
        return Optional.of("has a prefix that is not a lower-case DNS subdomain");
      }
    }
    if (name.isEmpty() || name.length() > 63) {
      return Optional.of("must have a name part of 1 to 63 characters");
    }
    if (!isLabelName(name)) {
      return Optional.of("must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
    }
    return Optional.empty();
  }

  /** A label value: empty, or up to 63 label-name characters. */
  public static Optional<String> labelValue(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.length() > 63) {
      return Optional.of("is longer than 63 characters");
    }
    if (!isLabelName(value)) {
      return Optional.of("must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
    }
    return Optional.empty();
  }

  /** A DNS name or a {@code *.} pattern. */
  public static Optional<String> fqdn(String name) {
    String rest = name.startsWith("*.") ? name.substring(2) : name;
    if (rest.endsWith(".")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    if (rest.isEmpty() || name.length() > 253) {
      return Optional.of("is not a DNS name");
    }
    for (String label : rest.split("\\.", -1)) {
      if (label.length() > 63 || !isFqdnLabel(label)) {
        return Optional.of("is not a DNS name: '" + label + "' is not a valid DNS label");
      }
    }
    return Optional.empty();
  }

  /** A parameter name: identifiers joined by dots. */
  public static boolean isParamName(String name) {
    int start = 0;
    while (true) {
      int dot = name.indexOf('.', start);
      int end = dot < 0 ? name.length() : dot;
      if (end == start || !isIdentifierStart(name.charAt(start))) {
        return false;
      }
      for (int i = start + 1; i < end; i++) {
        char c = name.charAt(i);
        if (!isAlphanumeric(c) && c != '_' && c != '-') {
          return false;
        }
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} over {@code name[from, to)}. */
  static boolean isDnsLabel(String name, int from, int to) {
    if (to == from || name.charAt(from) == '-' || name.charAt(to - 1) == '-') {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** DNS labels joined by dots. */
  static boolean isDnsSubdomain(String name) {
    int start = 0;
    while (true) {
      int dot = name.indexOf('.', start);
      int end = dot < 0 ? name.length() : dot;
      if (!isDnsLabel(name, start, end)) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  /** {@code [A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?}. */
  static boolean isLabelName(String name) {
    return isWord(name, true);
  }

  /** {@code [A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?}. */
  static boolean isFqdnLabel(String label) {
    return isWord(label, false);
  }

  /** Letters, digits and '-' (and '_' and '.' when {@code labelName}), starting and ending alphanumeric. */
  private static boolean isWord(String word, boolean labelName) {
    int length = word.length();
    if (length == 0 || !isAlphanumeric(word.charAt(0)) || !isAlphanumeric(word.charAt(length - 1))) {
      return false;
    }
    for (int i = 1; i < length - 1; i++) {
      char c = word.charAt(i);
      if (!isAlphanumeric(c) && c != '-' && !(labelName && (c == '_' || c == '.'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }
}
