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
    int slash = text.indexOf('/');
    if (slash < 0 || slash != text.lastIndexOf('/')) {
      return Optional.empty();
    }
    String address = text.substring(0, slash);
    OptionalDecimal length = OptionalDecimal.of(text.substring(slash + 1), 3);
    if (!length.valid()) {
      return Optional.empty();
    }
    Optional<BigInteger> v4 = parseIpv4(address);
    if (v4.isPresent()) {
      return length.value() <= 32
          ? Optional.of(new CidrBlock(32, v4.get(), length.value()))
          : Optional.empty();
    }
    Optional<BigInteger> v6 = parseIpv6(address);
    if (v6.isPresent() && length.value() <= 128) {
      return Optional.of(new CidrBlock(128, v6.get(), length.value()));
    }
    return Optional.empty();
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
    for (CidrBlock r : removed) {
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

  private static BigInteger hostMask(int width, int prefixLength) {
    return BigInteger.ONE.shiftLeft(width - prefixLength).subtract(BigInteger.ONE);
  }

  private static Optional<BigInteger> parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    long value = 0;
    for (String part : parts) {
      OptionalDecimal octet = OptionalDecimal.of(part, 3);
      if (!octet.valid() || octet.value() > 255) {
        return Optional.empty();
      }
      value = value << 8 | octet.value();
    }
    return Optional.of(BigInteger.valueOf(value));
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
        Optional<BigInteger> v4 = parseIpv4(part);
        if (v4.isEmpty()) {
          return false;
        }
        into.add(v4.get().intValue() >>> 16);
        into.add(v4.get().intValue() & 0xffff);
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

  /** A small unsigned decimal without leading zeros, as Go's netip reads octets and lengths. */
  private record OptionalDecimal(boolean valid, int value) {
    static OptionalDecimal of(String text, int maxDigits) {
      if (text.isEmpty()
          || text.length() > maxDigits
          || (text.length() > 1 && text.charAt(0) == '0')) {
        return new OptionalDecimal(false, 0);
      }
      int value = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return new OptionalDecimal(false, 0);
        }
        value = value * 10 + (c - '0');
      }
      return new OptionalDecimal(true, value);
    }
  }
}
