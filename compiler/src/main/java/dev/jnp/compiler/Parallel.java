package dev.jnp.compiler;

import java.util.List;
import java.util.function.Function;

/**
 * Work that falls apart by file or by engine — parsing, rendering, writing YAML — done on the
 * machine's cores. The results come back in the order of the items, whichever finished first, so
 * what is made of them does not depend on the scheduling.
 */
public final class Parallel {
  private Parallel() {}

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
