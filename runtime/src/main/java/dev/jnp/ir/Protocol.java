package dev.jnp.ir;

/** A transport protocol a port belongs to. */
public enum Protocol {
  TCP,
  UDP,
  SCTP;

  /** The protocol for a lower-case word of the language, or {@code null} if there is none. */
  public static Protocol fromWord(String word) {
    return switch (word) {
      case "tcp" -> TCP;
      case "udp" -> UDP;
      case "sctp" -> SCTP;
      default -> null;
    };
  }
}
