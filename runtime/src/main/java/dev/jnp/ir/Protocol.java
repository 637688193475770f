package dev.jnp.ir;

/** A transport protocol a port belongs to. */
public enum Protocol {
  TCP("tcp"),
  UDP("udp"),
  SCTP("sctp");

  private final String word;

  Protocol(String word) {
    this.word = word;
  }

  /** The protocol as the language writes it, in lower case ({@code name()} is upper case). */
  public String word() {
    return word;
  }

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
