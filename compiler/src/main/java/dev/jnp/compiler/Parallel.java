package dev.jnp.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Work that falls apart by file or by engine — parsing, rendering, writing YAML — done on the
 * machine's cores. The results come back in the order of the items, whichever finished first, so
 * what is made of them does not depend on the scheduling.
 */
public final class Parallel {
  private Parallel() {}

  /** {@code items} cut into runs of at most {@code size}, in order. */
  public static <T> List<List<T>> runs(List<T> items, int size) {
    List<List<T>> runs = new ArrayList<>((items.size() + size - 1) / size);
    for (int from = 0; from < items.size(); from += size) {
      runs.add(items.subList(from, Math.min(items.size(), from + size)));
    }
    return runs;
  }

  /**
   * {@code work} applied to each of {@code items}, in their order. One item runs on the calling
   * thread: the usual compile of one file for one engine starts no other.
   */
  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
    if (items.size() < 2) {
      return items.stream().<R>map(work).toList();
    }
    return items.parallelStream().<R>map(work).toList();
  }
}
