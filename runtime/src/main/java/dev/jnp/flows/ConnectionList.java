package dev.jnp.flows;

import dev.jnp.flows.Endpoint.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code jnp analyze}: the allowed connections between the workloads of some manifests, and
 * between them and the outside, in netpol-analyzer's {@code list} format (conformance README,
 * "Format of expected.txt").
 *
 * <p>One line {@code src => dst : connections} per ordered pair with something allowed, sorted by
 * source then destination (plain string order). A workload is never paired with itself, nor an
 * address range with another. Outside addresses are IPv4 segments, built separately per side: the
 * sources are 0.0.0.0–255.255.255.255 cut at the start and end + 1 of every address block the
 * policies name in ingress rules, the destinations the same with egress rules; neighbouring
 * segments are never merged (conformance README, item 10).
 */
public final class ConnectionList {
  private ConnectionList() {}

  /** One line of the list. */
  public record Line(String source, String destination, ConnectionSet connections) {
    @Override
    public String toString() {
      return source + " => " + destination + " : " + connections;
    }
  }

  /** Reads {@code inputs} (files or folders) and lists the connections {@code engine} allows. */
  public static String analyze(List<Path> inputs, String engine) {
    return analyze(ManifestReader.read(inputs), engine);
  }

  /** Lists the connections {@code engine} allows between the workloads of {@code manifests}. */
  public static String analyze(Manifests manifests, String engine) {
    PolicyEvaluator evaluator = PolicyEvaluators.forEngine(engine, manifests.policies());
    StringBuilder out = new StringBuilder();
    for (Line line : lines(manifests.world(), evaluator)) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /** The lines of the list, sorted. */
  public static List<Line> lines(World world, PolicyEvaluator evaluator) {
    List<Workload> workloads = world.workloads();
    List<Line> lines = new ArrayList<>();
    if (workloads.isEmpty()) {
      return lines;
    }
    for (Workload source : workloads) {
      for (Workload destination : workloads) {
        if (source != destination) {
          add(lines, source.display(), destination.display(),
              evaluator.allowed(world, source, destination));
        }
      }
    }
    for (IpRange segment : segments(evaluator.addressBlocks(Direction.INGRESS))) {
      Endpoint outside = new Endpoint.External(segment.first());
      for (Workload destination : workloads) {
        add(lines, external(segment), destination.display(),
            evaluator.allowed(world, outside, destination));
      }
    }
    for (IpRange segment : segments(evaluator.addressBlocks(Direction.EGRESS))) {
      Endpoint outside = new Endpoint.External(segment.first());
      for (Workload source : workloads) {
        add(lines, source.display(), external(segment),
            evaluator.allowed(world, source, outside));
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

  private static String external(IpRange segment) {
    return segment + "[External]";
  }

  /**
   * The IPv4 space cut at the start and end + 1 of every block: contiguous segments, each wholly
   * inside or wholly outside every block, ascending.
   */
  public static List<IpRange> segments(List<IpRange> blocks) {
    TreeSet<IpAddress> cuts = new TreeSet<>();
    for (IpRange block : blocks) {
      if (block.isIpv6()) {
        continue;
      }
      cuts.add(block.first());
      if (!block.last().isMax()) {
        cuts.add(block.last().next());
      }
    }
    List<IpRange> out = new ArrayList<>();
    IpAddress start = IpRange.ALL_IPV4.first();
    for (IpAddress cut : cuts) {
      if (cut.compareTo(start) > 0) {
        out.add(new IpRange(start, cut.previous()));
        start = cut;
      }
    }
    out.add(new IpRange(start, IpRange.ALL_IPV4.last()));
    return out;
  }
}
