package dev.jnp.flows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A contiguous, inclusive range of addresses of one family: a CIDR block, a CIDR block less its
 * exceptions (several ranges), or a segment of the address space. Written {@code first-last}, as
 * netpol-analyzer writes its IP peers.
 */
public record IpRange(IpAddress first, IpAddress last) implements Comparable<IpRange> {

  /** Every IPv4 address. */
  public static final IpRange ALL_IPV4 =
      new IpRange(IpAddress.ipv4(0), IpAddress.ipv4(0xFFFF_FFFFL));

  /** Every IPv6 address. */
  public static final IpRange ALL_IPV6 = new IpRange(IpAddress.ipv6(0, 0), IpAddress.ipv6(-1L, -1L));

  public IpRange {
    if (first.isIpv6() != last.isIpv6() || first.compareTo(last) > 0) {
      throw new IllegalArgumentException("not a range: " + first + "-" + last);
    }
  }

  /** The one-address range. */
  public static IpRange of(IpAddress address) {
    return new IpRange(address, address);
  }

  /**
   * The range of a CIDR block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}. Host bits set
   * in the address are ignored, as the engines do; a bare address is a /32 or /128.
   *
   * @throws IllegalArgumentException if {@code cidr} is not a CIDR block
   */
  public static IpRange parseCidr(String cidr) {
    return tryParseCidr(cidr)
        .orElseThrow(() -> new IllegalArgumentException("not a CIDR block: " + cidr));
  }

  /** Like {@link #parseCidr}, but empty for text that is not a CIDR block. */
  public static Optional<IpRange> tryParseCidr(String cidr) {
    if (cidr == null) {
      return Optional.empty();
    }
    String text = cidr.trim();
    int slash = text.indexOf('/');
    Optional<IpAddress> address = IpAddress.tryParse(slash < 0 ? text : text.substring(0, slash));
    if (address.isEmpty()) {
      return Optional.empty();
    }
    int bits = address.get().bits();
    int prefix = bits;
    if (slash >= 0) {
      String p = text.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(p);
      if (prefix > bits) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new IpRange(address.get().networkStart(prefix), address.get().networkEnd(prefix)));
  }

  /** Whether this range holds {@code address}. */
  public boolean contains(IpAddress address) {
    return first.compareTo(address) <= 0 && address.compareTo(last) <= 0;
  }

  /** Whether this range holds all of {@code other}. */
  public boolean contains(IpRange other) {
    return contains(other.first) && contains(other.last);
  }

  /** Whether the two ranges share an address. */
  public boolean overlaps(IpRange other) {
    return first.isIpv6() == other.first.isIpv6()
        && first.compareTo(other.last) <= 0
        && other.first.compareTo(last) <= 0;
  }

  /** Whether this is an IPv6 range. */
  public boolean isIpv6() {
    return first.isIpv6();
  }

  /**
   * This range less every range in {@code holes}: the maximal contiguous runs that remain, in
   * ascending order (none when the holes cover it).
   */
  public List<IpRange> minus(List<IpRange> holes) {
    List<IpRange> sorted = new ArrayList<>();
    for (IpRange hole : holes) {
      if (overlaps(hole)) {
        sorted.add(hole);
      }
    }
    sorted.sort(Comparator.naturalOrder());
    List<IpRange> out = new ArrayList<>();
    IpAddress cursor = first;
    boolean exhausted = false;
    for (IpRange hole : sorted) {
      if (hole.first.compareTo(cursor) > 0) {
        out.add(new IpRange(cursor, hole.first.previous()));
      }
      if (hole.last.compareTo(cursor) >= 0) {
        if (hole.last.compareTo(last) >= 0) {
          exhausted = true;
          break;
        }
        cursor = hole.last.next();
      }
    }
    if (!exhausted) {
      out.add(new IpRange(cursor, last));
    }
    return out;
  }

  @Override
  public int compareTo(IpRange other) {
    int c = first.compareTo(other.first);
    return c != 0 ? c : last.compareTo(other.last);
  }

  @Override
  public String toString() {
    return first + "-" + last;
  }
}
