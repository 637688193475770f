package dev.jnp.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads back what {@link YamlWriter} writes, and nothing else: block maps and lists, plain, single-
 * and double-quoted scalars, {@code {}} and {@code []}, documents between {@code ---} lines. It is
 * how {@code jnp compile} and {@code jnp verify} read the objects they rendered before evaluating
 * them, without starting a general YAML parser; {@code YamlReaderTest} checks that it reads every
 * output the same as Jackson's YAML parser does. Anything else is refused with the line it is on.
 *
 * <p>Plain scalars resolve as the writer meant them: integers, floating-point numbers ({@code
 * .inf}, {@code .nan} too), {@code true}, {@code false}, {@code null}; the rest are strings.
 */
public final class YamlReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern FLOATING =
      Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]+([eE][-+][0-9]+)?|-?\\.inf|\\.nan");

  private final String[] lines;
  private int line;

  private YamlReader(String[] lines) {
    this.lines = lines;
  }

  /**
   * The documents of a stream written by {@link YamlWriter#writeAll}.
   *
   * @throws IllegalArgumentException at the first line that the writer would not have written
   */
  public static List<JsonNode> readAll(String yaml) {
    List<JsonNode> documents = new ArrayList<>();
    if (yaml.isEmpty()) {
      return documents;
    }
    if (!yaml.endsWith("\n")) {
      throw new IllegalArgumentException("the last line has no line end");
    }
    YamlReader reader = new YamlReader(yaml.substring(0, yaml.length() - 1).split("\n", -1));
    while (true) {
      documents.add(reader.document());
      if (reader.line == reader.lines.length) {
        return documents;
      }
      reader.expect(reader.lines[reader.line].equals("---"), "'---' or the end of the stream");
      reader.line++;
    }
  }

  private JsonNode document() {
    expect(line < lines.length, "a document");
    String text = lines[line];
    if (text.equals("{}")) {
      line++;
      return NODES.objectNode();
    }
    return text.startsWith("- ") ? list(0) : map(0);
  }

  /** The list whose first {@code - } is at {@code column} of the current line. */
  private ArrayNode list(int column) {
    ArrayNode list = NODES.arrayNode();
    do {
      int item = column + 2;
      String rest = lines[line].substring(item);
      if (rest.startsWith("- ")) {
        list.add(list(item));
      } else if (keyEnd(rest) >= 0) {
        list.add(map(item));
      } else {
        list.add(scalar(rest));
        line++;
      }
    } while (continues(column) && lines[line].startsWith("- ", column));
    return list;
  }

  /** The map whose first key is at {@code column} of the current line. */
  private ObjectNode map(int column) {
    ObjectNode map = NODES.objectNode();
    do {
      String rest = lines[line].substring(column);
      int end = keyEnd(rest);
      expect(end >= 0, "'key: value'");
      String key = key(rest.substring(0, end));
      expect(!map.has(key), "no key twice in a map");
      String value = rest.substring(end + 1);
      if (!value.isEmpty()) {
        expect(value.startsWith(" "), "a space after ':'");
        map.set(key, scalar(value.substring(1)));
        line++;
      } else {
        line++;
        expect(line < lines.length, "the value of '" + key + "' on the next line");
        int indent = indent(lines[line]);
        if (indent == column && lines[line].startsWith("- ", column)) {
          map.set(key, list(column));
        } else {
          expect(indent == column + 2, "the value of '" + key + "' indented by two more spaces");
          map.set(key, map(column + 2));
        }
      }
    } while (continues(column) && !lines[line].startsWith("- ", column));
    return map;
  }

  /** Whether the next line is at {@code column} (and so goes on the current map or list). */
  private boolean continues(int column) {
    return line < lines.length && !lines[line].equals("---") && indent(lines[line]) == column;
  }

  /** Where the {@code :} after a key is in {@code text}, or -1 when it holds no key. */
  private static int keyEnd(String text) {
    int start = 0;
    if (text.startsWith("\"") || text.startsWith("'")) {
      start = quotedEnd(text);
      if (start < 0) {
        return -1;
      }
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) == ':' && (i == text.length() - 1 || text.charAt(i + 1) == ' ')) {
        return i;
      }
    }
    return -1;
  }

  /** The index after the closing quote of the quoted scalar that {@code text} starts with. */
  private static int quotedEnd(String text) {
    char quote = text.charAt(0);
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == '"' && c == '\\') {
        i++;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          i++;
        } else {
          return i + 1;
        }
      }
    }
    return -1;
  }

  private String key(String text) {
    expect(!text.isEmpty(), "a key");
    char first = text.charAt(0);
    if (first == '"' || first == '\'') {
      return scalar(text).asText();
    }
    expect(YamlScalars.string(text, true).equals(text), "a key that needs no quotes, or a quoted one");
    return text;
  }

  private JsonNode scalar(String text) {
    expect(!text.isEmpty(), "a value");
    if (text.equals("{}")) {
      return NODES.objectNode();
    }
    if (text.equals("[]")) {
      return NODES.arrayNode();
    }
    char first = text.charAt(0);
    if (first == '"' || first == '\'') {
      expect(quotedEnd(text) == text.length(), "one quoted scalar, closed at the end of the line");
      String body = text.substring(1, text.length() - 1);
      return NODES.textNode(first == '\'' ? body.replace("''", "'") : unescape(body));
    }
    switch (text) {
      case "null":
        return NODES.nullNode();
      case "true":
        return NODES.booleanNode(true);
      case "false":
        return NODES.booleanNode(false);
      default:
        break;
    }
    if (INTEGER.matcher(text).matches()) {
      BigInteger value = new BigInteger(text);
      if (value.bitLength() < 32) {
        return NODES.numberNode(value.intValue());
      }
      return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
    }
    if (FLOATING.matcher(text).matches()) {
      return NODES.numberNode(switch (text) {
        case ".inf" -> Double.POSITIVE_INFINITY;
        case "-.inf" -> Double.NEGATIVE_INFINITY;
        case ".nan" -> Double.NaN;
        default -> Double.parseDouble(text);
      });
    }
    expect(YamlScalars.string(text, false).equals(text), "a value that needs no quotes, or a quoted one");
    return NODES.textNode(text);
  }

  private String unescape(String body) {
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      expect(i + 1 < body.length(), "an escape after '\\'");
      char escape = body.charAt(++i);
      switch (escape) {
        case '"', '\\' -> out.append(escape);
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case '0' -> out.append('\0');
        case 'u' -> {
          expect(i + 4 < body.length(), "four hex digits after '\\u'");
          out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> expect(false, "one of jnp's escapes, not '\\" + escape + "'");
      }
    }
    return out.toString();
  }

  private static int indent(String text) {
    int indent = 0;
    while (indent < text.length() && text.charAt(indent) == ' ') {
      indent++;
    }
    return indent;
  }

  private void expect(boolean holds, String expected) {
    if (!holds) {
      throw new IllegalArgumentException(
          "line " + (line + 1) + ": expected " + expected
              + (line < lines.length ? ", found '" + lines[line] + "'" : ", found the end"));
    }
  }
}
