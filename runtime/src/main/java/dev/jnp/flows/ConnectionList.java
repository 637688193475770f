package dev.jnp.flows;

import dev.jnp.flows.Endpoint.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

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
    StringBuilder out = new StringBuilder();
    write(manifests.world(), PolicyEvaluators.forEngine(engine, manifests.policies()), out::append);
    return out.toString();
  }

  /**
   * Writes the list to {@code out} a line at a time, each ending in {@code \n}: the lines of one
   * source are written before the next source's are worked out, so the list of a large cluster
   * need not fit in memory.
   */
  public static void write(World world, PolicyEvaluator evaluator, Consumer<String> out) {
    forEachLine(world, evaluator, line -> out.accept(line + "\n"));
  }

  /** The lines of the list, sorted. */
  public static List<Line> lines(World world, PolicyEvaluator evaluator) {
    List<Line> lines = new ArrayList<>();
    forEachLine(world, evaluator, lines::add);
    return lines;
  }

  /**
   * Hands {@code action} the lines of the list, sorted by source then destination (plain string
   * order; lines alike in both keep the order of the sources, then the destinations, in the
   * world). A source's lines are worked out together: its destinations, named and sorted once,
   * serve every source. A pair's ports are cut only where its source's egress side or its
   * destination's ingress side may change ({@link PolicyEvaluator#sideBoundaries}, and the
   * destination's container ports), each end's cuts worked out once.
   */
  public static void forEachLine(World world, PolicyEvaluator evaluator, Consumer<Line> action) {
    List<Workload> workloads = world.workloads();
    if (workloads.isEmpty()) {
      return;
    }
    List<Named> pods = new ArrayList<>();
    for (Workload workload : workloads) {
      pods.add(new Named(workload.display(), workload, world, evaluator));
    }
    List<Named> podsAndOutside = new ArrayList<>(pods);
    for (IpRange segment : segments(evaluator.addressBlocks(Direction.EGRESS))) {
      podsAndOutside.add(new Named(external(segment), new Endpoint.External(segment.first()), world, evaluator));
    }
    List<Named> sources = new ArrayList<>(pods);
    for (IpRange segment : segments(evaluator.addressBlocks(Direction.INGRESS))) {
      sources.add(new Named(external(segment), new Endpoint.External(segment.first()), world, evaluator));
    }
    // Stable sorts: what has one name keeps its order in the world.
    pods.sort(Named.BY_NAME);
    podsAndOutside.sort(Named.BY_NAME);
    sources.sort(Named.BY_NAME);
    for (int first = 0; first < sources.size(); ) {
      // The sources of one name (a workload listed twice): their lines sorted by destination.
      List<Line> lines = new ArrayList<>();
      int next = first;
      for (; next < sources.size() && sources.get(next).name.equals(sources.get(first).name); next++) {
        Named source = sources.get(next);
        for (Named destination : source.endpoint instanceof Workload ? podsAndOutside : pods) {
          if (source.endpoint != destination.endpoint) {
            int[] cuts = union(source.egressCuts, destination.ingressCuts);
            ConnectionSet allowed = evaluator.allowed(world, source.endpoint, destination.endpoint, cuts);
            if (!allowed.isEmpty()) {
              lines.add(new Line(source.name, destination.name, allowed));
            }
          }
        }
      }
      if (next - first > 1) {
        lines.sort(Comparator.comparing(Line::destination));
      }
      lines.forEach(action);
      first = next;
    }
  }

  /**
   * A source or destination of the list: its name in the list, and where its side cuts ports as a
   * source and as a destination, ascending, with 1 and 65,536 (an address has no side: only those).
   */
  private static final class Named {
    static final Comparator<Named> BY_NAME = Comparator.comparing(named -> named.name);
    final String name;
    final Endpoint endpoint;
    final int[] egressCuts;
    final int[] ingressCuts;

    Named(String name, Endpoint endpoint, World world, PolicyEvaluator evaluator) {
      this.name = name;
      this.endpoint = endpoint;
      SortedSet<Integer> egress = new TreeSet<>(List.of(1, 65536));
      SortedSet<Integer> ingress = new TreeSet<>(List.of(1, 65536));
      if (endpoint instanceof Workload pod) {
        egress.addAll(evaluator.sideBoundaries(world, pod, Direction.EGRESS));
        ingress.addAll(evaluator.sideBoundaries(world, pod, Direction.INGRESS));
        for (ContainerPort port : pod.ports()) {
          ingress.add(port.port());
          ingress.add(port.port() + 1);
        }
      }
      this.egressCuts = within(egress);
      this.ingressCuts = within(ingress);
    }

    private static int[] within(SortedSet<Integer> cuts) {
      return cuts.stream().mapToInt(Integer::intValue).filter(c -> c >= 1 && c <= 65536).toArray();
    }
  }

  /** The values of two ascending arrays, ascending, each once. */
  private static int[] union(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      int next = j == b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
      if (i < a.length && a[i] == next) {
        i++;
      }
      if (j < b.length && b[j] == next) {
        j++;
      }
      out[n++] = next;
    }
    return Arrays.copyOf(out, n);
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
