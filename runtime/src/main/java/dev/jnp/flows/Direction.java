package dev.jnp.flows;

/** The direction of a connection as seen from one pod: received (ingress) or sent (egress). */
public enum Direction {
  /** The pod receives the connection: the policy side of the destination. */
  INGRESS,
  /** The pod opens the connection: the policy side of the source. */
  EGRESS;

  /** The word the Kubernetes API uses: {@code Ingress} or {@code Egress}. */
  public String title() {
    return this == INGRESS ? "Ingress" : "Egress";
  }

  /** The lower-case word: {@code ingress} or {@code egress}. */
  public String word() {
    return this == INGRESS ? "ingress" : "egress";
  }
}
