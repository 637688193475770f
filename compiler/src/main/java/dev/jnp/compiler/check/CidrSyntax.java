package dev.jnp.compiler.check;

import dev.jnp.engine.CidrBlock;
import java.util.Optional;

/**
 * CIDR and address words checked strictly, with a message that says what is wrong: the parsing
 * itself is the runtime's {@link CidrBlock}, the same the backends use.
 */
public final class CidrSyntax {
  private CidrSyntax() {}

  /** The outcome of {@link #parse}: a block, or a message with a hint. */
  public record Parsed(Optional<CidrBlock> block, String message, String hint) {
    static Parsed error(String message, String hint) {
      return new Parsed(Optional.empty(), message, hint);
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
    Optional<CidrBlock> exact = CidrBlock.parseExact(text);
    if (exact.isPresent()) {
      return new Parsed(exact, null, null);
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
    return new Parsed(block, null, null);
  }
}
