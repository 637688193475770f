package dev.jnp.flows;

import java.util.Optional;

/**
 * An IPv4 or IPv6 address, as a 32- or 128-bit unsigned number. Addresses order IPv4 before IPv6,
 * then numerically. Parsing never touches DNS: only literals are accepted.
 */
public final class IpAddress implements Comparable<IpAddress> {
  private final boolean ipv6;
  private final long high;
  private final long low;

  private IpAddress(boolean ipv6, long high, long low) {
    this.ipv6 = ipv6;
    this.high = high;
    this.low = ipv6 ? low : low & 0xFFFF_FFFFL;
  }

  /** The IPv4 address with this 32-bit value. */
  public static IpAddress ipv4(long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("not a 32-bit value: " + value);
    }
    return new IpAddress(false, 0, value);
  }

  /** The IPv6 address with these upper and lower 64 bits. */
  public static IpAddress ipv6(long high, long low) {
    return new IpAddress(true, high, low);
  }

  /**
   * Parses a dotted-quad IPv4 or an RFC 4291 IPv6 literal (with {@code ::} and an optional
   * dotted-quad tail).
   *
   * @throws IllegalArgumentException if {@code text} is not an address literal
   */
  public static IpAddress parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + text));
  }

  /** Like {@link #parse}, but empty for text that is not an address literal. */
  public static Optional<IpAddress> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.trim();
    if (s.indexOf(':') >= 0) {
      return parseIpv6(s);
    }
    long v = parseIpv4(s);
    return v < 0 ? Optional.empty() : Optional.of(ipv4(v));
  }

  private static long parseIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return -1;
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  private static Optional<IpAddress> parseIpv6(String s) {
    int[] groups = new int[8];
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return Optional.empty();
    }
    String head = doubleColon >= 0 ? s.substring(0, doubleColon) : s;
    String tail = doubleColon >= 0 ? s.substring(doubleColon + 2) : "";
    int[] headGroups = ipv6Groups(head, doubleColon < 0 || tail.isEmpty());
    int[] tailGroups = doubleColon >= 0 ? ipv6Groups(tail, true) : new int[0];
    if (headGroups == null || tailGroups == null) {
      return Optional.empty();
    }
    if (doubleColon < 0 && headGroups.length != 8) {
      return Optional.empty();
    }
    if (doubleColon >= 0 && headGroups.length + tailGroups.length > 7) {
      return Optional.empty();
    }
    System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
    System.arraycopy(tailGroups, 0, groups, 8 - tailGroups.length, tailGroups.length);
    long high = 0;
    long low = 0;
    for (int i = 0; i < 4; i++) {
      high = (high << 16) | groups[i];
      low = (low << 16) | groups[i + 4];
    }
    return Optional.of(ipv6(high, low));
  }

  /** The 16-bit groups of one side of {@code ::}; a dotted quad may end the last side. */
  private static int[] ipv6Groups(String side, boolean mayEndInIpv4) {
    if (side.isEmpty()) {
      return new int[0];
    }
    String[] parts = side.split(":", -1);
    int count = parts.length;
    String last = parts[count - 1];
    boolean ipv4Tail = mayEndInIpv4 && last.indexOf('.') >= 0;
    int[] out = new int[ipv4Tail ? count + 1 : count];
    for (int i = 0; i < count; i++) {
      String part = parts[i];
      if (ipv4Tail && i == count - 1) {
        long v4 = parseIpv4(part);
        if (v4 < 0) {
          return null;
        }
        out[i] = (int) (v4 >>> 16);
        out[i + 1] = (int) (v4 & 0xFFFF);
        continue;
      }
      if (part.isEmpty() || part.length() > 4) {
        return null;
      }
      int value = 0;
      for (int c = 0; c < part.length(); c++) {
        int digit = Character.digit(part.charAt(c), 16);
        if (digit < 0) {
          return null;
        }
        value = (value << 4) | digit;
      }
      out[i] = value;
    }
    return out;
  }

  /** Whether this is an IPv6 address. */
  public boolean isIpv6() {
    return ipv6;
  }

  /** 32 for IPv4, 128 for IPv6. */
  public int bits() {
    return ipv6 ? 128 : 32;
  }

  /** The upper 64 bits (always 0 for IPv4). */
  public long high() {
    return high;
  }

  /** The lower 64 bits (the whole value for IPv4). */
  public long low() {
    return low;
  }

  /** Whether this is the last address of its family. */
  public boolean isMax() {
    return ipv6 ? high == -1L && low == -1L : low == 0xFFFF_FFFFL;
  }

  /** Whether this is the first address of its family. */
  public boolean isMin() {
    return high == 0 && low == 0;
  }

  /** The address after this one. */
  public IpAddress next() {
    if (isMax()) {
      throw new IllegalStateException("no address after " + this);
    }
    if (!ipv6) {
      return ipv4(low + 1);
    }
    return low == -1L ? ipv6(high + 1, 0) : ipv6(high, low + 1);
  }

  /** The address before this one. */
  public IpAddress previous() {
    if (isMin()) {
      throw new IllegalStateException("no address before " + this);
    }
    if (!ipv6) {
      return ipv4(low - 1);
    }
    return low == 0 ? ipv6(high - 1, -1L) : ipv6(high, low - 1);
  }

  /** The first address of the {@code prefix}-bit network that holds this one. */
  public IpAddress networkStart(int prefix) {
    return masked(prefix, false);
  }

  /** The last address of the {@code prefix}-bit network that holds this one. */
  public IpAddress networkEnd(int prefix) {
    return masked(prefix, true);
  }

  private IpAddress masked(int prefix, boolean fillHostBits) {
    if (prefix < 0 || prefix > bits()) {
      throw new IllegalArgumentException("prefix /" + prefix + " for " + this);
    }
    if (!ipv6) {
      long hostMask = prefix == 0 ? 0xFFFF_FFFFL : (1L << (32 - prefix)) - 1;
      return ipv4(fillHostBits ? low | hostMask : low & ~hostMask);
    }
    long highHost = prefix >= 64 ? 0 : (prefix == 0 ? -1L : -1L >>> prefix);
    long lowHost = prefix >= 128 ? 0 : (prefix <= 64 ? -1L : -1L >>> (prefix - 64));
    return fillHostBits
        ? ipv6(high | highHost, low | lowHost)
        : ipv6(high & ~highHost, low & ~lowHost);
  }

  @Override
  public int compareTo(IpAddress other) {
    if (ipv6 != other.ipv6) {
      return ipv6 ? 1 : -1;
    }
    int c = Long.compareUnsigned(high, other.high);
    return c != 0 ? c : Long.compareUnsigned(low, other.low);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpAddress a && a.ipv6 == ipv6 && a.high == high && a.low == low;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(high) * 31 + Long.hashCode(low) + (ipv6 ? 7 : 0);
  }

  /** Dotted quad for IPv4; RFC 5952 text (lower case, longest zero run as {@code ::}) for IPv6. */
  @Override
  public String toString() {
    if (!ipv6) {
      return (low >>> 24) + "." + ((low >>> 16) & 0xFF) + "." + ((low >>> 8) & 0xFF) + "."
          + (low & 0xFF);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 4; i++) {
      groups[i] = (int) ((high >>> (48 - 16 * i)) & 0xFFFF);
      groups[i + 4] = (int) ((low >>> (48 - 16 * i)) & 0xFFFF);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
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
}
