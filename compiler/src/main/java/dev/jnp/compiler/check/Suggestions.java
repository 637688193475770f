package dev.jnp.compiler.check;

import java.util.Collection;
import java.util.Optional;

/** "did you mean …?": the closest known name within a small edit distance. */
public final class Suggestions {
  private Suggestions() {}

  public static Optional<String> closest(String wrong, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known.stream().sorted().toList()) {
      int distance = distance(wrong, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(1, wrong.length() / 3);
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  /** A hint naming the closest known name, or listing the known ones when none is close. */
  public static String hint(String wrong, Collection<String> known, String kind) {
    Optional<String> close = closest(wrong, known);
    if (close.isPresent()) {
      return "did you mean '" + close.get() + "'?";
    }
    if (known.isEmpty()) {
      return "no " + kind + " is declared";
    }
    return "declared " + kind + "s: " + String.join(", ", known.stream().sorted().toList());
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
