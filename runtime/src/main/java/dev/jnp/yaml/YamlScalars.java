package dev.jnp.yaml;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How {@link YamlWriter} spells a string: plain where every YAML 1.1 and 1.2 reader takes it for
 * that string, in double quotes where one would take it for something else (a number, a boolean,
 * null, a date, a merge key), in single quotes where only YAML's syntax is in the way ({@code '*'}),
 * and in double quotes with escapes where it holds a character that cannot stand as it is.
 */
final class YamlScalars {
  private YamlScalars() {}

  /** Words that YAML 1.1 reads as booleans or null. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "false", "False", "FALSE", "n", "N", "no", "No", "NO", "null", "Null", "NULL", "on", "On",
          "ON", "off", "Off", "OFF", "true", "True", "TRUE", "y", "Y", "yes", "Yes", "YES");

  /** Plain numbers of any sign, with or without a fraction, and the lone signs and dot. */
  static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]*(\\.[0-9]*)?");

  /**
   * What YAML 1.1 resolvers (SnakeYAML, PyYAML) or YAML 1.2 read as numbers or timestamps: base
   * 60 ({@code 20:21}), underscores ({@code 1_000}), hex, octal and binary forms, exponents,
   * infinities, dates, and the merge and value keys {@code <<} and {@code =}.
   */
  static final Pattern NOT_A_STRING =
      Pattern.compile(
          "[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
              + "|(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF))"
              + "|\\.(nan|NaN|NAN)"
              + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?"
              + "|<<|=");

  /** Characters that may not begin a plain scalar. */
  private static final String INDICATORS = "#,[]{}&*!|>'\"%@`";

  /** {@code text} as a key ({@code key}) or a value; one pass over its characters. */
  static String string(String text, boolean key) {
    if (text.isEmpty() || looksLikeAnotherType(text, key)) {
      return doubleQuoted(text);
    }
    int last = text.length() - 1;
    char first = text.charAt(0);
    boolean plain = INDICATORS.indexOf(first) < 0
        && !blank(first)
        && !blank(text.charAt(last))
        && !("-?:".indexOf(first) >= 0 && (last == 0 || blank(text.charAt(1))))
        && !text.startsWith("---")
        && !text.startsWith("...");
    for (int i = 0; i <= last; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c <= 0x7E) {
        // A value with flow indicators, a comment or a key's colon is quoted as a whole; a key only
        // loses its plain form (Jackson quotes keys by their first character alone).
        boolean syntax = switch (c) {
          case '[', ']', '{', '}', ',' -> !key;
          case '#' -> i == 0 || blank(text.charAt(i - 1));
          case ':' -> i == last || blank(text.charAt(i + 1));
          default -> false;
        };
        if (syntax) {
          if (!key) {
            return doubleQuoted(text);
          }
          plain = false;
        }
      } else if (Character.isHighSurrogate(c) && i < last && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (!printable(c)) {
        return doubleQuoted(text);
      }
    }
    return plain ? text : "'" + text.replace("'", "''") + "'";
  }

  /** A floating-point number as YAML 1.1 and 1.2 both read it. */
  static String floating(double value) {
    if (Double.isNaN(value)) {
      return ".nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? ".inf" : "-.inf";
    }
    String text = Double.toString(value);
    int exponent = text.indexOf('E');
    if (exponent >= 0 && text.charAt(exponent + 1) != '-') {
      text = text.substring(0, exponent + 1) + "+" + text.substring(exponent + 1);
    }
    return text;
  }

  /** Whether a reader would take {@code text}, unquoted, for something other than a string. */
  private static boolean looksLikeAnotherType(String text, boolean key) {
    char first = text.charAt(0);
    // Numbers, dates and the merge and value keys start with one of these; most strings do not.
    // Nor do the patterns match a text with another character than theirs (a CIDR's '/'), which
    // is cheaper to see than to run them: a large compile spells thousands of CIDRs.
    boolean numeric = "0123456789-+.<=".indexOf(first) >= 0;
    boolean mayMatch = numeric && onlyNumberCharacters(text);
    if (first == '~'
        || ("fFnNoOtTyY".indexOf(first) >= 0 && KEYWORDS.contains(text))
        || (mayMatch && NOT_A_STRING.matcher(text).matches())) {
      return true;
    }
    if (key) {
      return numeric && first != '<' && first != '=';
    }
    return mayMatch && DECIMAL.matcher(text).matches();
  }

  /**
   * Whether {@code text} holds only characters that {@link #NOT_A_STRING} and {@link #DECIMAL}
   * match, {@code [-+0-9A-Za-z_.:<=]}, or may be a date with a time (anything may follow
   * {@code YYYY-MM-DD} and a {@code T} or blank): when not, neither matches it.
   */
  static boolean onlyNumberCharacters(String text) {
    // The shortest date with a time: YYYY-M-D, a T or blank, and what follows it.
    if (text.length() >= 9 && text.charAt(4) == '-') {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || c == '-' || c == '+' || c == '_' || c == '.' || c == ':' || c == '<' || c == '=';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private static boolean printable(char c) {
    return (c >= 0x20 && c <= 0x7E)
        || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t';
  }

  /** {@code text} in double quotes, with YAML's escapes for what may not stand as it is. */
  private static String doubleQuoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\0' -> out.append("\\0");
        default -> {
          boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
          if (pair) {
            out.append(c).append(text.charAt(++i));
          } else if (printable(c)) {
            out.append(c);
          } else {
            out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
