package dev.jnp.compiler.check;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written matchers of {@link Names} against the regular expressions of the Kubernetes
 * API (and of jnp's parameter names) they stand for, on chosen and on random strings.
 */
class NamesTest {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern FQDN_LABEL = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?");
  private static final Pattern PARAM_NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*");

  /** Every character class the expressions tell apart, and some they all refuse. */
  private static final String ALPHABET = "az09AZ-_./ é\u0000";

  private static List<String> strings() {
    List<String> strings = new ArrayList<>(List.of(
        "", "a", "-", ".", "_", "a-", "-a", "a.b", "a..b", ".a", "a.", "a_b", "_a", "A", "9",
        "app.kubernetes.io", "app-1", "team_x", "x.-y", "x-.y", "É", "a b"));
    Random random = new Random(1123);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(7);
      for (int j = 0; j < length; j++) {
        s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      strings.add(s.toString());
    }
    return strings;
  }

  private static void agrees(String name, Pattern expression, Predicate<String> matcher) {
    for (String s : strings()) {
      assertWithMessage("%s of '%s'", name, s).that(matcher.test(s)).isEqualTo(expression.matcher(s).matches());
    }
  }

  @Test
  void dnsLabel() {
    agrees("dns label", DNS_LABEL, s -> Names.isDnsLabel(s, 0, s.length()));
  }

  @Test
  void dnsLabelWithinAString() {
    agrees("dns label", DNS_LABEL, s -> Names.isDnsLabel("/." + s + "-", 2, s.length() + 2));
  }

  @Test
  void dnsSubdomain() {
    agrees("dns subdomain", DNS_SUBDOMAIN, Names::isDnsSubdomain);
  }

  @Test
  void labelName() {
    agrees("label name", LABEL_NAME, Names::isLabelName);
  }

  @Test
  void fqdnLabel() {
    agrees("fqdn label", FQDN_LABEL, Names::isFqdnLabel);
  }

  @Test
  void parameterName() {
    agrees("parameter name", PARAM_NAME, Names::isParamName);
  }
}
