package dev.jnp.compiler.check;

import java.util.Optional;
import java.util.regex.Pattern;

/** Kubernetes name and label syntax, with the message for what is wrong. */
public final class Names {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern FQDN_LABEL = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?");
  private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");

  private Names() {}

  /** A namespace or object name: an RFC 1123 label, at most 63 characters. */
  public static Optional<String> dnsLabel(String name) {
    if (name.length() > 63) {
      return Optional.of("is longer than 63 characters");
    }
    if (!DNS_LABEL.matcher(name).matches()) {
      return Optional.of("must be lower-case letters, digits and '-', starting and ending with a letter or digit");
    }
    return Optional.empty();
  }

  /** A label key: {@code [prefix/]name}, the prefix a DNS subdomain. */
  public static Optional<String> labelKey(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return Optional.of("has a prefix that is not a lower-case DNS subdomain");
      }
    }
    if (name.isEmpty() || name.length() > 63) {
      return Optional.of("must have a name part of 1 to 63 characters");
    }
    if (!LABEL_NAME.matcher(name).matches()) {
      return Optional.of("must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
    }
    return Optional.empty();
  }

  /** A label value: empty, or up to 63 label-name characters. */
  public static Optional<String> labelValue(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.length() > 63) {
      return Optional.of("is longer than 63 characters");
    }
    if (!LABEL_NAME.matcher(value).matches()) {
      return Optional.of("must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
    }
    return Optional.empty();
  }

  /** A DNS name or a {@code *.} pattern. */
  public static Optional<String> fqdn(String name) {
    String rest = name.startsWith("*.") ? name.substring(2) : name;
    if (rest.endsWith(".")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    if (rest.isEmpty() || name.length() > 253) {
      return Optional.of("is not a DNS name");
    }
    for (String label : rest.split("\\.", -1)) {
      if (label.length() > 63 || !FQDN_LABEL.matcher(label).matches()) {
        return Optional.of("is not a DNS name: '" + label + "' is not a valid DNS label");
      }
    }
    return Optional.empty();
  }

  /** A parameter name: identifiers joined by dots. */
  public static boolean isParamName(String name) {
    return PARAM_NAME.matcher(name).matches();
  }
}
