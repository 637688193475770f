package dev.jnp.flows;

import dev.jnp.flows.ConnectionList.Line;
import dev.jnp.flows.Endpoint.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The list of connections as first written: every ordered pair, each cut at every port boundary
 * that any policy names ({@link PolicyEvaluator#allowed(World, Endpoint, Endpoint)}), all lines
 * kept and sorted at the end. {@link ConnectionList} cuts a pair only at its two sides' boundaries
 * and writes a source at a time; it must give the same lines.
 */
public final class EveryBoundary {
  private EveryBoundary() {}

  public static List<Line> lines(World world, PolicyEvaluator evaluator) {
    List<Workload> workloads = world.workloads();
    List<Line> lines = new ArrayList<>();
    if (workloads.isEmpty()) {
      return lines;
    }
    for (Workload source : workloads) {
      for (Workload destination : workloads) {
        if (source != destination) {
          add(lines, source.display(), destination.display(), evaluator.allowed(world, source, destination));
        }
      }
    }
    for (IpRange segment : ConnectionList.segments(evaluator.addressBlocks(Direction.INGRESS))) {
      Endpoint outside = new Endpoint.External(segment.first());
      for (Workload destination : workloads) {
        add(lines, segment + "[External]", destination.display(), evaluator.allowed(world, outside, destination));
      }
    }
    for (IpRange segment : ConnectionList.segments(evaluator.addressBlocks(Direction.EGRESS))) {
      Endpoint outside = new Endpoint.External(segment.first());
      for (Workload source : workloads) {
        add(lines, source.display(), segment + "[External]", evaluator.allowed(world, source, outside));
      }
    }
    lines.sort(Comparator.comparing(Line::source).thenComparing(Line::destination));
    return lines;
  }

  private static void add(List<Line> lines, String source, String destination, ConnectionSet set) {
    if (!set.isEmpty()) {
      lines.add(new Line(source, destination, set));
    }
  }
}
