package dev.jnp.ir;

/** The direction of traffic, seen from the selected pods. */
public enum Direction {
  /** Traffic the selected pods receive. */
  INGRESS,
  /** Traffic the selected pods send. */
  EGRESS;

  /** The word of the language and of the Kubernetes API, title-cased: {@code Ingress}. */
  public String title() {
    return this == INGRESS ? "Ingress" : "Egress";
  }
}
