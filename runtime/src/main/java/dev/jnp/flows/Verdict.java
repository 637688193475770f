package dev.jnp.flows;

/**
 * Whether a connection is allowed, with both sides' decisions: a connection gets through only
 * when the source may send it (egress) and the destination may receive it (ingress).
 */
public record Verdict(Connection connection, Decision egress, Decision ingress) {

  /** Whether both sides allow the connection. */
  public boolean allowed() {
    return egress.allowed() && ingress.allowed();
  }

  /**
   * The decision that settles the verdict: the first side that denies (egress before ingress),
   * else the ingress side, whose policy the destination's owner controls.
   */
  public Decision deciding() {
    if (!egress.allowed()) {
      return egress;
    }
    return ingress;
  }

  /** One line: the connection, allowed or denied, and both sides' reasons. */
  @Override
  public String toString() {
    return connection + ": " + (allowed() ? "allowed" : "denied") + "; " + egress + "; " + ingress;
  }
}
