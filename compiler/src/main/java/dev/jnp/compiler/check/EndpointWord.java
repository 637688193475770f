package dev.jnp.compiler.check;

import java.util.Optional;

/**
 * An {@code expect} endpoint written as one word, told apart: {@code jaas}, {@code jaas:storage},
 * {@code 10.0.0.1:443/udp}, {@code 2001:db8::1}, {@code apiserver:443}.
 */
public record EndpointWord(Kind kind, String base, Optional<String> port, Optional<String> problem) {

  /** What the word names. */
  public enum Kind {
    WORKLOAD,
    ADDRESS,
    APISERVER
  }

  public static EndpointWord parse(String text) {
    if (text.chars().filter(c -> c == ':').count() > 1) {
      // Bare IPv6: no port can follow without brackets.
      boolean valid = CidrSyntax.address(text).isPresent();
      return new EndpointWord(Kind.ADDRESS, text, Optional.empty(),
          valid ? Optional.empty() : Optional.of("'" + text + "' is not an address; write [ADDRESS]:PORT for IPv6 with a port"));
    }
    int colon = text.indexOf(':');
    String base = colon < 0 ? text : text.substring(0, colon);
    Optional<String> port = colon < 0 ? Optional.empty() : Optional.of(text.substring(colon + 1));
    Optional<String> problem = port.filter(String::isEmpty).map(p -> "'" + text + "' has an empty port");
    if (base.equals("apiserver")) {
      return new EndpointWord(Kind.APISERVER, base, port, problem.or(() -> numericPort(port)));
    }
    if (CidrSyntax.address(base).isPresent()) {
      return new EndpointWord(Kind.ADDRESS, base, port, problem.or(() -> numericPort(port)));
    }
    if (!base.isEmpty() && Character.isDigit(base.charAt(0)) && base.contains(".")) {
      return new EndpointWord(Kind.ADDRESS, base, port, Optional.of("'" + base + "' is not an IP address"));
    }
    return new EndpointWord(Kind.WORKLOAD, base, port, problem);
  }

  private static Optional<String> numericPort(Optional<String> port) {
    if (port.isEmpty() || port.get().isEmpty()) {
      return Optional.empty();
    }
    PortSpec.Parsed parsed = PortSpec.parse(port.get());
    return parsed.ok() && parsed.range().isSingle() ? Optional.empty() : Optional.of("'" + port.get() + "' is not a port number");
  }
}
