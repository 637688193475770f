package dev.jnp.compiler.check;

import dev.jnp.engine.CidrBlock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CIDR and address words checked strictly, with a message that says what is wrong: the parsing
 * itself is the runtime's {@link CidrBlock}, the same the backends use.
 */
public final class CidrSyntax {
  /**
   * What each text parsed as, for the checker and then the lowering of every run: a large file
   * names thousands of blocks, each parsed (with {@code BigInteger}s) and spelled again by both.
   * Bounded, for long-lived servers.
   */
  private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();
  private static final int REMEMBERED = 1 << 14;

  private CidrSyntax() {}

  /**
   * The outcome of {@link #parse}: a block and its canonical spelling (RFC 5952 for IPv6), or a
   * message with a hint.
   */
  public record Parsed(Optional<CidrBlock> block, String canonical, String message, String hint) {
    static Parsed of(CidrBlock block) {
      return new Parsed(Optional.of(block), block.toString(), null, null);
    }

    static Parsed error(String message, String hint) {
      return new Parsed(Optional.empty(), null, message, hint);
    }
  }

  /** A single address as a full-length block ({@code /32}, {@code /128}), or empty. */
  public static Optional<CidrBlock> address(String text) {
    if (text.contains("/")) {
      return Optional.empty();
    }
    return CidrBlock.parse(text + "/32").or(() -> CidrBlock.parse(text + "/128"));
  }

  /** {@code text} as a CIDR whose host bits are clear, as the API server requires. */
  public static Parsed parse(String text) {
    Parsed parsed = PARSED.get(text);
    if (parsed == null) {
      parsed = parseOnce(text);
      if (PARSED.size() < REMEMBERED) {
        PARSED.put(text, parsed);
      }
    }
    return parsed;
  }

  private static Parsed parseOnce(String text) {
    Optional<CidrBlock> exact = CidrBlock.parseExact(text);
    if (exact.isPresent()) {
      return Parsed.of(exact.get());
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Parsed.error(
          "'" + text + "' is not a CIDR: the prefix length is missing",
          address(text)
              .map(a -> "write '" + text + "/" + a.width() + "' for one address")
              .orElse("write ADDRESS/PREFIX, e.g. 10.0.0.0/8"));
    }
    String addressText = text.substring(0, slash);
    Optional<CidrBlock> address = address(addressText);
    if (address.isEmpty()) {
      return Parsed.error(
          "'" + text + "' is not a CIDR: '" + addressText + "' is not an IP address",
          "write ADDRESS/PREFIX, e.g. 10.0.0.0/8 or 2001:db8::/32");
    }
    Optional<CidrBlock> block = CidrBlock.parse(text);
    if (block.isEmpty()) {
      return Parsed.error(
          "'" + text + "' is not a CIDR: the prefix length must be 0 to " + address.get().width(),
          "write ADDRESS/PREFIX, e.g. 10.0.0.0/8");
    }
    if (!block.get().network().equals(address.get().network())) {
      return Parsed.error(
          "'" + text + "' has host bits set beyond its /" + block.get().prefixLength() + " prefix",
          "did you mean '" + block.get() + "'?");
    }
    return Parsed.of(block.get());
  }
}
