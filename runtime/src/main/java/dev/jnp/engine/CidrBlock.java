package dev.jnp.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An IPv4 or IPv6 block in CIDR notation, with its host bits cleared: {@code 10.0.0.0/8}. Parsing
 * is strict in the way Go's {@code netip.ParsePrefix} (and so Kubernetes' {@code isCIDR}) is: no
 * leading zeros, no zones, no DNS names. {@link #toString} is canonical (RFC 5952 for IPv6). Used
 * where an engine has no {@code except} and the allowed remainder must be listed as blocks.
 */
public record CidrBlock(int width, BigInteger network, int prefixLength)
    implements Comparable<CidrBlock> {

  public CidrBlock {
    if (width != 32 && width != 128) {
      throw new IllegalArgumentException("address width must be 32 or 128, not " + width);
    }
    if (prefixLength < 0 || prefixLength > width) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " for width " + width);
    }
    network = network.andNot(hostMask(width, prefixLength));
  }

  /** The block {@code text} names, or empty if it is not a CIDR. Host bits may be set. */
  public static Optional<CidrBlock> parse(String text) {
    return parse(text, false);
  }

  /** The block {@code text} names when it is a CIDR whose host bits are clear, else empty. */
  public static Optional<CidrBlock> parseExact(String text) {
    return parse(text, true);
  }

  private static Optional<CidrBlock> parse(String text, boolean exact) {
    int slash = text.indexOf('/');
    if (slash < 0 || slash != text.lastIndexOf('/')) {
      return Optional.empty();
    }
    String address = text.substring(0, slash);
    int length = decimal(text, slash + 1, text.length(), 3);
    if (length < 0) {
      return Optional.empty();
    }
    long v4 = ipv4(address, 0, address.length());
    int width = v4 >= 0 ? 32 : 128;
    Optional<BigInteger> value = v4 >= 0 ? Optional.of(BigInteger.valueOf(v4)) : parseIpv6(address);
    if (value.isEmpty() || length > width) {
      return Optional.empty();
    }
    if (exact && value.get().and(hostMask(width, length)).signum() != 0) {
      return Optional.empty();
    }
    return Optional.of(new CidrBlock(width, value.get(), length));
  }

  /** Whether {@code other} lies wholly inside this block. */
  public boolean contains(CidrBlock other) {
    return width == other.width
        && prefixLength <= other.prefixLength
        && other.network.andNot(hostMask(width, prefixLength)).equals(network);
  }

  /** Whether the two blocks share an address; for CIDR blocks, one then contains the other. */
  public boolean overlaps(CidrBlock other) {
    return contains(other) || other.contains(this);
  }

  /**
   * The fewest blocks that cover exactly the addresses of {@code block} not in any of {@code
   * removed}, in address order. Removed blocks of the other family, or outside {@code block}, take
   * nothing away.
   */
  public static List<CidrBlock> difference(CidrBlock block, List<CidrBlock> removed) {
    List<CidrBlock> out = new ArrayList<>();
    cover(block, removed, out);
    return out;
  }

  private static void cover(CidrBlock block, List<CidrBlock> removed, List<CidrBlock> out) {
    boolean touched = false;
    for (int i = 0; i < removed.size(); i++) {
      CidrBlock r = removed.get(i);
      if (r.contains(block)) {
        return;
      }
      touched |= block.contains(r);
    }
    if (!touched) {
      out.add(block);
      return;
    }
    int half = block.prefixLength + 1;
    BigInteger upper = block.network.setBit(block.width - half);
    cover(new CidrBlock(block.width, block.network, half), removed, out);
    cover(new CidrBlock(block.width, upper, half), removed, out);
  }

  @Override
  public int compareTo(CidrBlock other) {
    int byWidth = Integer.compare(width, other.width);
    if (byWidth != 0) {
      return byWidth;
    }
    int byNetwork = network.compareTo(other.network);
    return byNetwork != 0 ? byNetwork : Integer.compare(prefixLength, other.prefixLength);
  }

  @Override
  public String toString() {
    return (width == 32 ? formatIpv4(network) : formatIpv6(network)) + "/" + prefixLength;
  }

  /** The host bits of each prefix length, made once: every block made asks for one. */
  private static final BigInteger[] IPV4_HOST_MASKS = hostMasks(32);
  private static final BigInteger[] IPV6_HOST_MASKS = hostMasks(128);

  private static BigInteger[] hostMasks(int width) {
    BigInteger[] masks = new BigInteger[width + 1];
    for (int length = 0; length <= width; length++) {
      masks[length] = BigInteger.ONE.shiftLeft(width - length).subtract(BigInteger.ONE);
    }
    return masks;
  }

  private static BigInteger hostMask(int width, int prefixLength) {
    return (width == 32 ? IPV4_HOST_MASKS : IPV6_HOST_MASKS)[prefixLength];
  }

  /** The dotted quad in {@code text[from, to)} as an unsigned 32-bit value, or -1. */
  private static long ipv4(String text, int from, int to) {
    long value = 0;
    int start = from;
    for (int octet = 0; octet < 4; octet++) {
      int end = octet < 3 ? text.indexOf('.', start) : to;
      if (end < 0 || end > to) {
        return -1;
      }
      int n = decimal(text, start, end, 3);
      if (n < 0 || n > 255) {
        return -1;
      }
      value = value << 8 | n;
      start = end + 1;
    }
    return value;
  }

  private static Optional<BigInteger> parseIpv6(String text) {
    if (text.isEmpty() || !text.chars().allMatch(c -> c == ':' || c == '.' || isHex(c))) {
      return Optional.empty();
    }
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return Optional.empty();
    }
    List<Integer> head = new ArrayList<>();
    List<Integer> tail = new ArrayList<>();
    if (gap < 0) {
      if (!groups(text, true, head)) {
        return Optional.empty();
      }
    } else if (!groups(text.substring(0, gap), false, head)
        || !groups(text.substring(gap + 2), true, tail)) {
      return Optional.empty();
    }
    int count = head.size() + tail.size();
    if (gap < 0 ? count != 8 : count > 7) {
      return Optional.empty();
    }
    BigInteger value = BigInteger.ZERO;
    for (int group : head) {
      value = value.shiftLeft(16).or(BigInteger.valueOf(group));
    }
    value = value.shiftLeft(16 * (8 - count));
    for (int group : tail) {
      value = value.shiftLeft(16).or(BigInteger.valueOf(group));
    }
    return Optional.of(value);
  }

  /** Colon-separated 16-bit groups; the last may be a dotted IPv4 address if it ends the text. */
  private static boolean groups(String text, boolean endsAddress, List<Integer> into) {
    if (text.isEmpty()) {
      return true;
    }
    String[] parts = text.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (endsAddress && i == parts.length - 1 && part.contains(".")) {
        long v4 = ipv4(part, 0, part.length());
        if (v4 < 0) {
          return false;
        }
        into.add((int) (v4 >>> 16));
        into.add((int) (v4 & 0xffff));
      } else if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(CidrBlock::isHex)) {
        return false;
      } else {
        into.add(Integer.parseInt(part, 16));
      }
    }
    return true;
  }

  private static boolean isHex(int c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }

  private static String formatIpv4(BigInteger value) {
    long v = value.longValue();
    return (v >>> 24 & 0xff) + "." + (v >>> 16 & 0xff) + "." + (v >>> 8 & 0xff) + "." + (v & 0xff);
  }

  /** RFC 5952: lower-case hex, no leading zeros, the longest run of 2+ zero groups as ::. */
  private static String formatIpv6(BigInteger value) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xffff;
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  /**
   * The small unsigned decimal in {@code text[from, to)}, without leading zeros (as Go's netip
   * reads octets and lengths), or -1.
   */
  private static int decimal(String text, int from, int to, int maxDigits) {
    int digits = to - from;
    if (digits <= 0 || digits > maxDigits || (digits > 1 && text.charAt(from) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
