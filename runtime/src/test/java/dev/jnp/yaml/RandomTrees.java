package dev.jnp.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Object trees for the writer's and reader's tests, from a seeded random source: {@link
 * #ordinary} strings are those the backends write (names, labels, selectors, addresses, ports),
 * {@link #nasty} strings draw on every character and word that YAML treats specially.
 */
final class RandomTrees {
  /** Words and pieces that a YAML reader might take for something other than a string. */
  private static final List<String> PIECES =
      List.of(
          "yes", "No", "null", "~", "true", "1", "0x1F", "1e3", ".5", "-", "+", "20:21", "2024-01-01",
          "<<", "=", ": ", " #", "#", ":", "- ", "---", "...", "?", "*", "&a", "!t", "|", ">", "'",
          "\"", "%", "@", "`", "[", "]", "{", "}", ",", " ", "\t", "\n", "\r", "\\", "\0", "\u0085",
          "\u00a0", "\u2028", "\ufeff", "é", "日本", "\ud83d\ude00", "\ud800", "a", "app", "k8s-app",
          "10.0.0.0/8", "::/0", "all()", "app == 'x'", "8080", ".inf", ".NaN", "0o17", "1_000");

  private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-./";

  private final Random random;
  private final boolean nasty;

  private RandomTrees(long seed, boolean nasty) {
    this.random = new Random(seed);
    this.nasty = nasty;
  }

  /** Trees whose strings are the kind the backends write. */
  static RandomTrees ordinary(long seed) {
    return new RandomTrees(seed, false);
  }

  /** Trees whose strings and keys are made to trip a YAML writer. */
  static RandomTrees nasty(long seed) {
    return new RandomTrees(seed, true);
  }

  Map<String, Object> document() {
    return map(0);
  }

  private Map<String, Object> map(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int size = depth > 3 ? random.nextInt(3) : 1 + random.nextInt(4);
    for (int i = 0; i < size; i++) {
      map.put(string(), value(depth + 1));
    }
    return map;
  }

  private List<Object> list(int depth) {
    List<Object> list = new ArrayList<>();
    int size = depth > 3 ? random.nextInt(3) : 1 + random.nextInt(4);
    for (int i = 0; i < size; i++) {
      list.add(value(depth + 1));
    }
    return list;
  }

  private Object value(int depth) {
    int kind = random.nextInt(depth > 4 ? 6 : 9);
    return switch (kind) {
      case 0, 1, 2 -> string();
      case 3 -> random.nextInt(70000) - 100;
      case 4 -> random.nextBoolean();
      case 5 -> nasty ? scalar() : string();
      case 6 -> list(depth);
      case 7, 8 -> map(depth);
      default -> throw new AssertionError(kind);
    };
  }

  /**
   * Null, big integers and floating-point numbers: what a native block's YAML may hold. (No
   * infinities or NaN: Jackson's YAML parser, which reads native blocks and is the reference here,
   * cannot read {@code .inf} or {@code .nan}, so no tree holds one.)
   */
  private Object scalar() {
    return switch (random.nextInt(6)) {
      case 0 -> null;
      case 1 -> (long) Integer.MAX_VALUE + 1 + random.nextInt(1000);
      case 2 -> BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TEN);
      case 3 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
      case 4 -> List.of(1e300, -1e-300, -0.5, 0.0).get(random.nextInt(4));
      default -> new LinkedHashMap<String, Object>();
    };
  }

  String string() {
    StringBuilder text = new StringBuilder();
    int parts = 1 + random.nextInt(nasty ? 4 : 3);
    for (int i = 0; i < parts; i++) {
      if (nasty && random.nextInt(3) > 0) {
        text.append(PIECES.get(random.nextInt(PIECES.size())));
      } else {
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
          text.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
      }
    }
    return text.toString();
  }
}
