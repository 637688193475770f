package dev.jnp.flows;

import java.util.Locale;
import java.util.Optional;

/** A transport protocol a connection uses: the three that network policies can name. */
public enum Protocol {
  SCTP,
  TCP,
  UDP;

  /**
   * The protocol for a name as policies write it ({@code TCP}, {@code tcp}) or an IANA protocol
   * number ({@code 6}, {@code 17}, {@code 132}); empty for anything else.
   */
  public static Optional<Protocol> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    switch (text.trim().toUpperCase(Locale.ROOT)) {
      case "TCP":
      case "6":
        return Optional.of(TCP);
      case "UDP":
      case "17":
        return Optional.of(UDP);
      case "SCTP":
      case "132":
        return Optional.of(SCTP);
      default:
        return Optional.empty();
    }
  }
}
