package dev.jnp.flows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an evaluator worked out about one side of a pod in one world (which of its policies select
 * the pod for a direction), kept for the next connection of a pod that looks the same to
 * selectors. Verifying a file evaluates thousands of connections among a few hundred pods, and
 * working that out walks every policy: 5,000 expectations over 500 workloads took 1.7 to 4.8 s an
 * engine. Asked about another world, it forgets what it knew, since a selection may read the
 * world's namespace labels. Safe to share between threads.
 *
 * <p>A pod is known here by what the engines' selectors read of it: its namespace, labels and
 * service account (not its name, ports or addresses).
 *
 * @param <V> what is kept for a pod and a direction; it must not change once made
 */
public final class PodSelections<V> {
  private World world;
  private final Map<Side, V> known = new HashMap<>();
  /**
   * The pod last asked about, and its value, by direction: a list of connections asks about one
   * source, or one destination, many times over, and the pod itself is found without hashing
   * its labels.
   */
  private final Endpoint.Workload[] lastPod = new Endpoint.Workload[Direction.values().length];
  private final Object[] lastValue = new Object[Direction.values().length];

  /** What {@code work} makes for {@code pod} and {@code direction} in {@code world}, made once. */
  @SuppressWarnings("unchecked")
  public synchronized V of(World world, Endpoint.Workload pod, Direction direction, Supplier<V> work) {
    if (world != this.world) {
      known.clear();
      Arrays.fill(lastPod, null);
      this.world = world;
    }
    int last = direction.ordinal();
    if (lastPod[last] == pod) {
      return (V) lastValue[last];
    }
    Side side = new Side(pod, direction);
    V value = known.get(side);
    if (value == null) {
      value = work.get();
      known.put(side, value);
    }
    lastPod[last] = pod;
    lastValue[last] = value;
    return value;
  }

  /**
   * A pod as selectors see it, and a direction. Not a record: a record's {@code equals} and {@code
   * hashCode} are made through method handles the first time, which cost a cold {@code jnp
   * compile} of a sample with expectations ~35 ms.
   */
  private static final class Side {
    private final String namespace;
    private final Map<String, String> labels;
    private final String serviceAccount;
    private final Direction direction;
    private final int hash;

    Side(Endpoint.Workload pod, Direction direction) {
      this.namespace = pod.namespace();
      this.labels = pod.labels();
      this.serviceAccount = pod.serviceAccount();
      this.direction = direction;
      this.hash = ((namespace.hashCode() * 31 + labels.hashCode()) * 31 + serviceAccount.hashCode()) * 31
          + direction.ordinal();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Side side
          && hash == side.hash
          && direction == side.direction
          && namespace.equals(side.namespace)
          && serviceAccount.equals(side.serviceAccount)
          && labels.equals(side.labels);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
