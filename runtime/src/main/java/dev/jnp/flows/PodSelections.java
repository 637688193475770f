package dev.jnp.flows;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an evaluator worked out about one side of a pod in one world (which of its policies select
 * the pod for a direction), kept for the pod's next connection. Verifying a file evaluates
 * thousands of connections among a few hundred pods, and working that out walks every policy:
 * 5,000 expectations over 500 workloads took 1.7 to 4.8 s an engine. Asked about another world,
 * it forgets what it knew, since a selection may read the world's namespace labels. Safe to share
 * between threads.
 *
 * @param <V> what is kept for a pod and a direction; it must not change once made
 */
public final class PodSelections<V> {
  private record Side(Endpoint.Workload pod, Direction direction) {}

  private World world;
  private final Map<Side, V> known = new HashMap<>();

  /** What {@code work} makes for {@code pod} and {@code direction} in {@code world}, made once. */
  public synchronized V of(World world, Endpoint.Workload pod, Direction direction, Supplier<V> work) {
    if (world != this.world) {
      known.clear();
      this.world = world;
    }
    Side side = new Side(pod, direction);
    V value = known.get(side);
    if (value == null) {
      value = work.get();
      known.put(side, value);
    }
    return value;
  }
}
