package dev.jnp.compiler.verify;

import dev.jnp.compiler.Manifest;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.flows.Connection;
import dev.jnp.flows.ConnectionSet;
import dev.jnp.flows.ManifestReader;
import dev.jnp.flows.PolicyDocument;
import dev.jnp.flows.PolicyEvaluator;
import dev.jnp.flows.PolicyEvaluators;
import dev.jnp.flows.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks expectations against what a backend rendered, read back from its YAML — not from the
 * compiler's memory — and evaluated under that engine's own semantics.
 */
public final class Verifier {
  /** Code of an expectation that does not hold on an engine. */
  public static final String FAILED = "JNP0501";

  private Verifier() {}

  /** One diagnostic per expectation that does not hold on {@code engine}. */
  public static List<Diagnostic> verify(String engine, List<Manifest> manifests, Expectations expectations) {
    if (expectations.isEmpty()) {
      return List.of();
    }
    List<PolicyDocument> documents = ManifestReader.renderedPolicies(Manifest.stream(manifests));
    PolicyEvaluator evaluator = PolicyEvaluators.forEngine(engine, documents);
    List<Diagnostic> failures = new ArrayList<>();
    for (Expectation expectation : expectations.expectations()) {
      check(engine, evaluator, expectations, expectation).ifPresent(failures::add);
    }
    return failures;
  }

  private static java.util.Optional<Diagnostic> check(
      String engine, PolicyEvaluator evaluator, Expectations expectations, Expectation expectation) {
    String why;
    if (expectation.port().isPresent()) {
      Expectation.Port port = expectation.port().get();
      Verdict verdict = evaluator.evaluate(expectations.world(),
          new Connection(expectation.client(), expectation.server(), port.protocol(), port.number()));
      if (verdict.allowed() == expectation.allow()) {
        return java.util.Optional.empty();
      }
      why = (verdict.allowed() ? "allowed: " + verdict.ingress() + "; " + verdict.egress() : "denied: " + verdict.deciding());
    } else {
      ConnectionSet allowed = evaluator.allowed(expectations.world(), expectation.client(), expectation.server());
      if (allowed.isEmpty() != expectation.allow()) {
        return java.util.Optional.empty();
      }
      why = allowed.isEmpty() ? "no connection is allowed" : "allowed: " + allowed;
    }
    return java.util.Optional.of(
        Diagnostic.error(FAILED, expectation.span(), "on " + engine + ", '" + expectation.text() + "' does not hold: " + why)
            .withHint(expectation.allow()
                ? "allow it with a rule on both sides (the client's egress, the server's ingress), or fix the expectation"
                : "narrow the rule that allows it, or fix the expectation"));
  }
}
