package dev.jnp.flows;

/**
 * The verdict of one side of a connection: the source's egress policy or the destination's
 * ingress policy.
 */
public record Decision(Direction direction, Endpoint subject, boolean allowed, Reason reason) {

  /** An allowed decision. */
  public static Decision allow(Direction direction, Endpoint subject, Reason reason) {
    return new Decision(direction, subject, true, reason);
  }

  /** A denied decision. */
  public static Decision deny(Direction direction, Endpoint subject, Reason reason) {
    return new Decision(direction, subject, false, reason);
  }

  /** {@code egress of ns/a[Pod]: allowed (...)}. */
  @Override
  public String toString() {
    return direction.word()
        + " of "
        + subject.display()
        + ": "
        + (allowed ? "allowed" : "denied")
        + " ("
        + reason.describe()
        + ")";
  }
}
