package dev.jnp.ir;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Label maps in the IR: immutable and sorted by key, so output never depends on insertion order. */
public final class Labels {
  private Labels() {}

  /** An immutable copy of {@code labels}, sorted by key. */
  public static SortedMap<String, String> sorted(Map<String, String> labels) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }
}
