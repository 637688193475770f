package dev.jnp.flows.cilium;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnp.flows.Tree;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code matchName} or {@code matchPattern} of {@code toFQDNs} or of a DNS rule
 * (engine-semantics.md §2 "FQDN egress"): names compare without case and without a trailing dot;
 * in a pattern {@code *} matches within one label, a leading {@code **.} one or more labels, and a
 * lone {@code *} every name.
 */
final class FqdnSelector {
  private final String text;
  private final Pattern pattern;

  private FqdnSelector(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
  }

  static Optional<FqdnSelector> parse(JsonNode node) {
    Optional<String> name = Tree.text(node, "matchName");
    if (name.isPresent()) {
      return Optional.of(new FqdnSelector(name.get(),
          Pattern.compile(Pattern.quote(normalise(name.get())))));
    }
    Optional<String> glob = Tree.text(node, "matchPattern");
    if (glob.isEmpty()) {
      return Optional.empty();
    }
    String g = normalise(glob.get());
    if (g.equals("*")) {
      return Optional.of(new FqdnSelector(glob.get(), Pattern.compile(".*")));
    }
    StringBuilder regex = new StringBuilder();
    if (g.startsWith("**.")) {
      regex.append("(?:[-a-z0-9_]+\\.)+");
      g = g.substring(3);
    }
    for (char c : g.toCharArray()) {
      regex.append(c == '*' ? "[-a-z0-9_]*" : Pattern.quote(String.valueOf(c)));
    }
    return Optional.of(new FqdnSelector(glob.get(), Pattern.compile(regex.toString())));
  }

  private static String normalise(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  boolean matches(String name) {
    return pattern.matcher(normalise(name)).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
