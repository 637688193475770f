package dev.jnp.ir;

import dev.jnp.diagnostics.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The pod-scoped allowlist of one workload: its pods (by labels, in one namespace), the traffic
 * they may receive and, when egress is governed, the traffic they may send. Ingress is always
 * governed: only {@code ingress} reaches the pods. {@code egress} is empty when the workload
 * leaves egress alone, and holds the allowed rules (possibly none) when it is governed.
 */
public record Allowlist(
    String name,
    String namespace,
    SortedMap<String, String> podLabels,
    List<Rule> ingress,
    Optional<List<Rule>> egress,
    List<NativeRules> natives,
    SourceSpan span) {

  public Allowlist(
      String name,
      String namespace,
      Map<String, String> podLabels,
      List<Rule> ingress,
      Optional<List<Rule>> egress,
      List<NativeRules> natives,
      SourceSpan span) {
    this(
        name,
        namespace,
        Labels.sorted(podLabels),
        List.copyOf(ingress),
        egress.map(List::copyOf),
        List.copyOf(natives),
        span);
  }

  /** The rules of one direction; empty for egress when egress is not governed. */
  public List<Rule> rules(Direction direction) {
    return direction == Direction.INGRESS ? ingress : egress.orElse(List.of());
  }

  /** Whether this allowlist isolates its pods in {@code direction}. */
  public boolean governs(Direction direction) {
    return direction == Direction.INGRESS || egress.isPresent();
  }

  /** The native items for one engine and direction, in source order. */
  public List<Object> nativeItems(String engine, Direction direction) {
    if (natives.isEmpty()) {
      return List.of(); // the usual workload has none: no stream set up for nothing
    }
    return natives.stream()
        .filter(n -> n.engine().equals(engine) && n.direction() == direction)
        .flatMap(n -> n.items().stream())
        .toList();
  }
}
