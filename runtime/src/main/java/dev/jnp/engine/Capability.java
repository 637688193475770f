package dev.jnp.engine;

import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.SourceSpan;

/**
 * The diagnostics backends give for what their engine cannot express. The codes are shared by
 * every engine, so a user searching for one finds the same explanation whichever engine said it.
 */
public final class Capability {
  /** A peer kind the engine has no way to spell. */
  public static final String UNSUPPORTED_PEER = "JNP0301";
  /** An {@code apiserver} peer without the CIDRs an engine needs to select it. */
  public static final String APISERVER_NEEDS_CIDRS = "JNP0302";
  /** Note: the engine cannot select the nodes; the rule is opened to every source. */
  public static final String NODES_WIDENED = "JNP0310";
  /** Note: the engine cannot select the API server as a source; the rule is opened. */
  public static final String APISERVER_WIDENED = "JNP0311";

  private Capability() {}

  public static Diagnostic unsupportedPeer(
      String engine, String peer, SourceSpan span, String reason, String hint) {
    return Diagnostic.error(
            UNSUPPORTED_PEER,
            span,
            "the " + engine + " engine cannot express '" + peer + "': " + reason)
        .withHint(hint);
  }

  public static Diagnostic apiServerNeedsCidrs(String engine, SourceSpan span) {
    return Diagnostic.error(
            APISERVER_NEEDS_CIDRS,
            span,
            "the " + engine + " engine cannot select the API server by identity; it needs its"
                + " addresses")
        .withHint(
            "write 'apiserver 10.0.0.1/32' with the endpoint addresses from"
                + " 'kubectl --namespace default get endpoints kubernetes'");
  }

  public static Diagnostic nodesWidened(String engine, SourceSpan span) {
    return Diagnostic.info(
            NODES_WIDENED,
            span,
            "the " + engine + " engine cannot select nodes; this rule's ports are open to every"
                + " source")
        .withHint("the node IP is not a pod; narrow the ports instead, or use the cilium engine");
  }

  public static Diagnostic apiServerWidened(String engine, SourceSpan span) {
    return Diagnostic.info(
            APISERVER_WIDENED,
            span,
            "the " + engine + " engine cannot select the API server as a source; this rule's"
                + " ports are open to every source")
        .withHint("guard the port by TLS and authentication, as an admission webhook does");
  }
}
