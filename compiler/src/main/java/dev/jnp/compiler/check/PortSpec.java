package dev.jnp.compiler.check;

import dev.jnp.ir.PortRange;
import dev.jnp.ir.Protocol;
import java.util.Locale;

/** Parses {@code NUMBER[-NUMBER][/PROTO]}; the protocol defaults to TCP. */
public final class PortSpec {
  private PortSpec() {}

  /** A parsed port spec, or the code and message of what is wrong with it. */
  public record Parsed(PortRange range, String code, String message, String hint) {
    public boolean ok() {
      return range != null;
    }

    static Parsed error(String code, String message, String hint) {
      return new Parsed(null, code, message, hint);
    }
  }

  /** Whether {@code text} looks like a port spec rather than a port name. */
  public static boolean looksLikeSpec(String text) {
    return !text.isEmpty() && Character.isDigit(text.charAt(0));
  }

  public static Parsed parse(String text) {
    String numbers = text;
    Protocol protocol = Protocol.TCP;
    int slash = text.indexOf('/');
    if (slash >= 0) {
      numbers = text.substring(0, slash);
      String word = text.substring(slash + 1);
      protocol = Protocol.fromWord(word);
      if (protocol == null) {
        protocol = Protocol.fromWord(word.toLowerCase(Locale.ROOT));
        return Parsed.error(
            Codes.UNKNOWN_PROTOCOL,
            "unknown protocol '" + word + "'",
            protocol != null
                ? "write it in lower case: '" + word.toLowerCase(Locale.ROOT) + "'"
                : "the protocols are tcp (the default), udp and sctp");
      }
    }
    int dash = numbers.indexOf('-');
    String firstText = dash < 0 ? numbers : numbers.substring(0, dash);
    String lastText = dash < 0 ? numbers : numbers.substring(dash + 1);
    if (!digits(firstText) || !digits(lastText)) {
      return Parsed.error(
          Codes.BAD_PORT,
          "'" + text + "' is not a port",
          "write a number (8080), a range (30000-32767), optionally with /tcp, /udp or /sctp");
    }
    int first = Integer.parseInt(firstText);
    int last = Integer.parseInt(lastText);
    for (int port : new int[] {first, last}) {
      if (port < 1 || port > 65535) {
        return Parsed.error(
            Codes.PORT_OUT_OF_RANGE, "port " + port + " is outside 1-65535", "ports are 1 to 65535");
      }
    }
    if (last < first) {
      return Parsed.error(
          Codes.RANGE_REVERSED,
          "the range " + first + "-" + last + " ends before it starts",
          "did you mean " + last + "-" + first + "?");
    }
    return new Parsed(new PortRange(first, last, protocol), null, null, null);
  }

  /** One to nine ASCII digits: a number that fits an int, in range or not. */
  private static boolean digits(String text) {
    if (text.isEmpty() || text.length() > 9) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
