package dev.jnp.ir;

import dev.jnp.diagnostics.SourceSpan;
import java.util.Set;

/**
 * A namespace-wide default-deny for the given directions. {@code order} is the precedence the
 * author gave it (Calico order, ClusterNetworkPolicy priority), or {@link #DEFAULT_ORDER} when the
 * source names none; {@code orderGiven} says which. Backends place every allowlist of the
 * namespace before it. Engines whose range or default differs from Calico's (ClusterNetworkPolicy:
 * priority 0–1000, default 1000) read {@code orderGiven} to tell a written {@code order 2000} from
 * the default.
 */
public record DefaultDeny(
    String namespace, Set<Direction> directions, int order, boolean orderGiven, SourceSpan span) {

  /** The order used when the source names none, as the seed chart's {@code defaultDeny.order}. */
  public static final int DEFAULT_ORDER = 2000;

  public DefaultDeny {
    directions = Set.copyOf(directions);
  }

  public boolean covers(Direction direction) {
    return directions.contains(direction);
  }
}
