package dev.jnp.equivalence;

import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.engine.Backend;
import dev.jnp.engine.Backends;
import dev.jnp.engine.Capability;
import dev.jnp.engine.PolicyObject;
import dev.jnp.flows.Connection;
import dev.jnp.flows.ConnectionList;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.EveryBoundary;
import dev.jnp.flows.ManifestReader;
import dev.jnp.flows.PolicyEvaluator;
import dev.jnp.flows.PolicyEvaluators;
import dev.jnp.flows.Protocol;
import dev.jnp.flows.World;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.Direction;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Rule;
import dev.jnp.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The equivalence property: for a random policy set, the connections each engine's rendered
 * output allows are the connections the IR means ({@link IntendedFlows}), in a random world
 * ({@link Scenarios}), except where the engine's backend said its output is wider ({@link
 * Widening}).
 *
 * <p>Per sample and per engine in {@link Backends#available()}: the backend checks the IR (an
 * error means the engine cannot express it: the sample is skipped for that engine and counted);
 * renders it; the objects go through {@link YamlWriter#writeAll} and back through {@link
 * ManifestReader#policies}, as {@code jnp verify} does; the engine's evaluator, which must read
 * every field without a warning, judges every connection between a pod and any endpoint, on every
 * protocol, at one port of every run of ports over which neither the IR nor any engine's policies
 * change (to the API server: its real port only). Each verdict must equal the IR's; an engine may
 * allow more only where the widened IR allows it too.
 *
 * <p>Exclusions, each because the engines cannot mean the same thing: those of the world
 * ({@link Scenarios}), and {@link #SOURCES_NOT_PODS_UNPOLICED}.
 *
 * <p>CI runs {@value #TRIES} tries from a fixed seed. A longer run: see {@link RunLength}.
 */
class EngineEquivalenceTest {
  static final int TRIES = 200;

  /**
   * Engines whose allowlists never stop ingress from a source that is not a pod, whatever the IR
   * says: ClusterNetworkPolicy has no ingress peer for addresses, and its allowlists' closing
   * {@code Deny} names every pod, not every source (ENGINES.md "Layers and precedence": "Host-
   * network sources … stay reachable"; engine-semantics.md §4 "Peers"). Connections from such
   * sources to pods are not compared on these engines.
   */
  static final Set<String> SOURCES_NOT_PODS_UNPOLICED = Set.of("clusterNetworkPolicy");

  /** A port no policy names, so that "every other port" is probed too. */
  private static final int STRANGER_PORT = 7777;

  private static final Map<String, Tally> TALLIES = new TreeMap<>();

  private static final long STARTED = System.nanoTime();

  @Property(tries = TRIES, seed = "20261127", whenFixedSeed = FixedSeedMode.ALLOW)
  @AddLifecycleHook(RunLength.class)
  void everyEngineAllowsWhatTheIrMeans(@ForAll("scenarios") Scenario scenario) {
    List<String> failures = new ArrayList<>();
    List<Rendered> engines = new ArrayList<>();
    for (String engine : Backends.available()) {
      render(engine, scenario.policies()).ifPresent(engines::add);
    }
    for (Rendered r : engines) {
      if (!r.evaluator().warnings().isEmpty()) {
        failures.add(
            r.engine()
                + ": the evaluator could not read what the backend wrote: "
                + r.evaluator().warnings()
                + "\n"
                + r.yaml());
      }
    }
    if (failures.isEmpty()) {
      compare(scenario, engines, failures);
    }
    // jnp analyze cuts a pair's ports only where one of its two sides may change.
    for (Rendered r : engines) {
      List<ConnectionList.Line> listed = ConnectionList.lines(scenario.world(), r.evaluator());
      if (!listed.equals(EveryBoundary.lines(scenario.world(), r.evaluator()))) {
        failures.add(r.engine() + ": the connection list differs from one cut at every boundary:\n" + listed
            + "\n" + EveryBoundary.lines(scenario.world(), r.evaluator()) + "\n" + r.yaml());
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(String.join("\n\n", failures) + "\n\nfor:" + scenario);
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Scenarios.scenarios();
  }

  /** One engine's output for a sample, read back, and what its backend said about it. */
  private record Rendered(
      String engine,
      String yaml,
      List<Diagnostic> diagnostics,
      PolicyEvaluator evaluator,
      IntendedFlows widened,
      Tally tally,
      List<String> mismatches) {}

  /**
   * The engine's output for {@code policies}, through YAML and back; empty, and counted, when the
   * backend finds an error: the engine cannot express the sample.
   */
  private static Optional<Rendered> render(String engine, PolicySet policies) {
    Tally tally = tally(engine);
    Backend backend = Backends.forEngine(engine).orElseThrow();
    List<Diagnostic> diagnostics = backend.check(policies);
    // An error: the engine cannot express the sample. JNP0308: the engine says its output would
    // not mean the same (clusterNetworkPolicy allowlists that may select the same pods).
    Optional<Diagnostic> error = diagnostics.stream()
        .filter(d -> d.isError() || d.code().equals(Capability.OVERLAPPING_ALLOWLISTS))
        .findFirst();
    if (error.isPresent()) {
      tally.skipped.merge(error.get().code(), 1, Integer::sum);
      Statistics.label(engine).collect("skipped " + error.get().code());
      return Optional.empty();
    }
    tally.rendered++;
    Statistics.label(engine).collect("rendered");
    String yaml =
        YamlWriter.writeAll(backend.render(policies).stream().map(PolicyObject::tree).toList());
    PolicyEvaluator evaluator = PolicyEvaluators.forEngine(engine, ManifestReader.policies(yaml));
    IntendedFlows widened =
        new IntendedFlows(policies, Widening.documented(engine, policies, diagnostics));
    return Optional.of(
        new Rendered(engine, yaml, diagnostics, evaluator, widened, tally, new ArrayList<>()));
  }

  /** Judges every connection once by the IR and once per engine; reports disagreements. */
  private static void compare(Scenario scenario, List<Rendered> engines, List<String> failures) {
    World world = scenario.world();
    IntendedFlows intended = new IntendedFlows(scenario.policies());
    for (Connection connection : connections(scenario, engines)) {
      boolean irAllows = intended.allowed(world, connection);
      for (Rendered r : engines) {
        if (!(connection.source() instanceof Endpoint.Workload)
            && SOURCES_NOT_PODS_UNPOLICED.contains(r.engine())) {
          continue;
        }
        Tally tally = r.tally();
        tally.compared++;
        boolean engineAllows = r.evaluator().evaluate(world, connection).allowed();
        if (engineAllows == irAllows) {
          continue;
        }
        if (engineAllows && r.widened().allowed(world, connection)) {
          tally.widened++;
          continue;
        }
        tally.mismatches++;
        r.mismatches()
            .add(
                "  "
                    + connection
                    + ": "
                    + r.engine()
                    + (engineAllows ? " allows" : " denies")
                    + ", the IR "
                    + (irAllows ? "allows" : "denies")
                    + "\n    IR: "
                    + intended.judge(world, connection)
                    + "\n    "
                    + r.engine()
                    + ": "
                    + r.evaluator().evaluate(world, connection));
      }
    }
    for (Rendered r : engines) {
      if (!r.mismatches().isEmpty()) {
        failures.add(
            r.engine()
                + ": "
                + r.mismatches().size()
                + " connection(s) differ from the IR, e.g.\n"
                + String.join("\n", r.mismatches().subList(0, Math.min(5, r.mismatches().size())))
                + "\n  notes: "
                + r.diagnostics()
                + "\n  rendered:\n"
                + r.yaml().indent(4));
      }
    }
  }

  /**
   * The connections to judge: between every pod and every endpoint (two endpoints that are not
   * pods have no policy between them), on every protocol, at the first port of every run of ports
   * over which no verdict can change. The IR's ports and every evaluator's boundaries (the ports
   * its policies name) cut the runs, so one port stands for the whole run. The API server is only
   * ever reached at its real port: policy applies after DNAT.
   */
  private static List<Connection> connections(Scenario scenario, List<Rendered> engines) {
    SortedSet<Integer> irCuts = portCuts(scenario.policies());
    List<Connection> out = new ArrayList<>();
    List<Endpoint> endpoints = scenario.endpoints();
    for (Endpoint destination : endpoints) {
      List<Integer> ports;
      if (destination instanceof Endpoint.ApiServer apiServer) {
        ports = List.of(apiServer.port());
      } else {
        SortedSet<Integer> cuts = new TreeSet<>(irCuts);
        for (Rendered r : engines) {
          cuts.addAll(r.evaluator().portBoundaries(scenario.world(), destination));
        }
        cuts.removeIf(c -> c < 1 || c > 65535);
        ports = List.copyOf(cuts);
      }
      for (Endpoint source : endpoints) {
        if (!(source instanceof Endpoint.Workload)
            && !(destination instanceof Endpoint.Workload)) {
          continue;
        }
        for (Protocol protocol : Protocol.values()) {
          for (int port : ports) {
            out.add(new Connection(source, destination, protocol, port));
          }
        }
      }
    }
    return out;
  }

  /** Where the IR's verdicts may change: each range's start and end + 1, DNS, a stranger. */
  private static SortedSet<Integer> portCuts(PolicySet policies) {
    SortedSet<Integer> cuts = new TreeSet<>(List.of(1, 53, 54, STRANGER_PORT, STRANGER_PORT + 1));
    for (Allowlist a : policies.allowlists()) {
      for (Direction d : Direction.values()) {
        for (Rule r : a.rules(d)) {
          for (PortRange range : r.ports()) {
            cuts.add(range.first());
            cuts.add(range.last() + 1);
          }
        }
      }
    }
    return cuts;
  }

  private static synchronized Tally tally(String engine) {
    return TALLIES.computeIfAbsent(engine, e -> new Tally());
  }

  /** What one engine went through in this run, printed when the class is done. */
  private static final class Tally {
    int rendered;
    final Map<String, Integer> skipped = new TreeMap<>();
    long compared;
    long widened;
    long mismatches;
  }

  /** Per engine: samples rendered and skipped, connections compared; shrinking runs included. */
  @AfterContainer
  static void report() {
    StringBuilder out =
        new StringBuilder(
            String.format(
                "engine equivalence, %.1f s:", (System.nanoTime() - STARTED) / 1e9));
    TALLIES.forEach(
        (engine, t) ->
            out.append(
                String.format(
                    "%n  %-20s %5d rendered, skipped %s; %,d connections compared,"
                        + " %,d allowed only through a documented widening, %,d mismatches",
                    engine, t.rendered, t.skipped, t.compared, t.widened, t.mismatches)));
    System.out.println(out);
  }
}
