package dev.jnp.compiler.check;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 block, parsed strictly: {@code 10.0.0.0/8}, {@code 2001:db8::/32}. */
public record CidrBlock(BigInteger network, int prefix, int bits) {
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

  /** The address of {@code text} as a number and its width (32 or 128), or empty. */
  public static Optional<CidrBlock> address(String text) {
    byte[] bytes = addressBytes(text);
    if (bytes == null) {
      return Optional.empty();
    }
    return Optional.of(new CidrBlock(new BigInteger(1, bytes), bytes.length * 8, bytes.length * 8));
  }

  /**
   * Parses {@code text} as a CIDR. Returns an error message, or the block. Host bits must be zero,
   * as the API server requires.
   */
  public static Parsed parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Parsed.error("'" + text + "' is not a CIDR: the prefix length is missing",
          address(text).map(a -> "write '" + text + "/" + a.bits() + "' for one address").orElse("write ADDRESS/PREFIX, e.g. 10.0.0.0/8"));
    }
    byte[] bytes = addressBytes(text.substring(0, slash));
    if (bytes == null) {
      return Parsed.error("'" + text + "' is not a CIDR: '" + text.substring(0, slash) + "' is not an IP address",
          "write ADDRESS/PREFIX, e.g. 10.0.0.0/8 or 2001:db8::/32");
    }
    int bits = bytes.length * 8;
    String prefixText = text.substring(slash + 1);
    if (!prefixText.matches("\\d{1,3}") || Integer.parseInt(prefixText) > bits) {
      return Parsed.error("'" + text + "' is not a CIDR: the prefix length must be 0 to " + bits,
          "write ADDRESS/PREFIX, e.g. 10.0.0.0/8");
    }
    int prefix = Integer.parseInt(prefixText);
    BigInteger address = new BigInteger(1, bytes);
    BigInteger network = address.shiftRight(bits - prefix).shiftLeft(bits - prefix);
    CidrBlock block = new CidrBlock(network, prefix, bits);
    if (!network.equals(address)) {
      return Parsed.error("'" + text + "' has host bits set beyond its /" + prefix + " prefix",
          "did you mean '" + block + "'?");
    }
    return new Parsed(Optional.of(block), null, null);
  }

  /** The outcome of {@link #parse}: a block, or a message with a hint. */
  public record Parsed(Optional<CidrBlock> block, String message, String hint) {
    static Parsed error(String message, String hint) {
      return new Parsed(Optional.empty(), message, hint);
    }
  }

  private static byte[] addressBytes(String text) {
    if (IPV4.matcher(text).matches()) {
      String[] parts = text.split("\\.");
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        bytes[i] = (byte) Integer.parseInt(parts[i]);
      }
      return bytes;
    }
    if (text.contains(":") && IPV6.matcher(text).matches()) {
      try {
        // A literal with ':' is parsed, never looked up.
        byte[] bytes = InetAddress.getByName(text).getAddress();
        return bytes.length == 16 ? bytes : null;
      } catch (UnknownHostException | IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  public BigInteger last() {
    return network.add(BigInteger.ONE.shiftLeft(bits - prefix)).subtract(BigInteger.ONE);
  }

  /** Whether {@code other} lies wholly inside this block (same family). */
  public boolean contains(CidrBlock other) {
    return bits == other.bits
        && other.prefix >= prefix
        && other.network.compareTo(network) >= 0
        && other.last().compareTo(last()) <= 0;
  }

  @Override
  public String toString() {
    if (bits == 32) {
      long value = network.longValue();
      return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "."
          + (value & 255) + "/" + prefix;
    }
    byte[] raw = network.toByteArray();
    byte[] bytes = new byte[16];
    int copy = Math.min(raw.length, 16);
    System.arraycopy(raw, raw.length - copy, bytes, 16 - copy, copy);
    try {
      return InetAddress.getByAddress(bytes).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
