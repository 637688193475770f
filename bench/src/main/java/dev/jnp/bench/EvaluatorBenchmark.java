package dev.jnp.bench;

import dev.jnp.flows.ContainerPort;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.Endpoint.Workload;
import dev.jnp.flows.IpAddress;
import dev.jnp.flows.ManifestReader;
import dev.jnp.flows.PolicyDocument;
import dev.jnp.flows.PolicyEvaluator;
import dev.jnp.flows.PolicyEvaluators;
import dev.jnp.flows.Protocol;
import dev.jnp.flows.World;
import dev.jnp.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The flow evaluator on what the compiler rendered for a {@link SyntheticSource}, read back from
 * its YAML as {@code jnp verify} does, over a world of the source's workloads plus the pods it
 * talks to (DNS, a database, an ingress controller, a scraper). {@link #allowed} asks {@code
 * PolicyEvaluator.allowed(world, a, b)} for {@value #PAIRS} pairs of endpoints (allowed and
 * denied, pod to pod, pod to and from outside addresses) spread across the world; {@link
 * #readAndBuild} is what precedes it: the YAML read into policy documents and the evaluator built.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EvaluatorBenchmark {
  static final int PAIRS = 64;

  @Param({"kubernetes", "cilium", "calico", "clusterNetworkPolicy"})
  public String engine;

  @Param({"100", "1000"})
  public int workloads;

  private String yaml;
  private World world;
  private PolicyEvaluator evaluator;
  private final List<Endpoint[]> pairs = new ArrayList<>();

  @Setup
  public void setUp() {
    String source = SyntheticSource.generate(workloads, engine);
    yaml = YamlWriter.writeAll(SyntheticSource.trees(SyntheticSource.compile(source, engine)));
    evaluator = PolicyEvaluators.forEngine(engine, ManifestReader.policies(yaml));

    World.Builder builder = World.builder();
    int namespaces = (workloads + SyntheticSource.PER_NAMESPACE - 1) / SyntheticSource.PER_NAMESPACE;
    for (int k = 0; k < namespaces; k++) {
      builder.namespace("team-" + k, Map.of("team", "t" + (k % 7), "zone", "z" + (k % 5)));
    }
    builder.namespace("ingress-nginx", Map.of("team", "edge"));
    builder.namespace("monitoring", Map.of());
    builder.namespace("data", Map.of());
    builder.namespace("kube-system", Map.of());
    List<Workload> services = new ArrayList<>();
    for (int i = 0; i < workloads; i++) {
      Workload service = Workload.of(SyntheticSource.namespace(i), SyntheticSource.name(i), "Deployment",
          Map.of("app", SyntheticSource.name(i), "tier", i % 3 == 0 ? "frontend" : "backend",
              "app.kubernetes.io/part-of", "shop"),
          List.of(new ContainerPort("http", 8080, Protocol.TCP), new ContainerPort("grpc", 9090, Protocol.TCP),
              new ContainerPort("metrics", 9102, Protocol.TCP), new ContainerPort("health", 8081, Protocol.TCP)));
      services.add(service);
      builder.workload(service);
    }
    Workload controller = Workload.of("ingress-nginx", "controller", "Deployment", Map.of("app", "ingress-nginx"), List.of());
    Workload prometheus = Workload.of("monitoring", "prometheus", "StatefulSet", Map.of("app", "prometheus"), List.of());
    Workload postgres = Workload.of("data", "postgres", "StatefulSet", Map.of("app", "postgres"),
        List.of(new ContainerPort("postgres", 5432, Protocol.TCP)));
    Workload dns = Workload.of("kube-system", "coredns", "Deployment", Map.of("k8s-app", "kube-dns"),
        List.of(new ContainerPort("dns", 53, Protocol.UDP), new ContainerPort("dns-tcp", 53, Protocol.TCP)));
    List.of(controller, prometheus, postgres, dns).forEach(builder::workload);
    world = builder.build();

    Endpoint bucket = new Endpoint.External(IpAddress.parse("203.0.113.9"));
    Endpoint stranger = new Endpoint.External(IpAddress.parse("192.0.2.7"));
    for (int p = 0; pairs.size() < PAIRS; p++) {
      int i = (int) ((long) p * 7919 % workloads);
      Workload service = services.get(i);
      Workload previous = services.get((i + workloads - 1) % workloads);
      Workload next = services.get((i + 1) % workloads);
      pairs.add(new Endpoint[] {previous, service});
      pairs.add(new Endpoint[] {service, next});
      pairs.add(new Endpoint[] {next, service});
      pairs.add(new Endpoint[] {controller, service});
      pairs.add(new Endpoint[] {prometheus, service});
      pairs.add(new Endpoint[] {service, postgres});
      pairs.add(new Endpoint[] {service, dns});
      pairs.add(new Endpoint[] {service, bucket});
      pairs.add(new Endpoint[] {stranger, service});
    }
    pairs.subList(PAIRS, pairs.size()).clear();
    if (allowed() == 0) {
      throw new IllegalStateException("no pair is allowed: the world does not match the policies");
    }
  }

  /** How many of the pairs have some connection allowed. */
  @Benchmark
  public int allowed() {
    int allowed = 0;
    for (Endpoint[] pair : pairs) {
      if (!evaluator.allowed(world, pair[0], pair[1]).isEmpty()) {
        allowed++;
      }
    }
    return allowed;
  }

  @Benchmark
  public PolicyEvaluator readAndBuild() {
    List<PolicyDocument> policies = ManifestReader.policies(yaml);
    return PolicyEvaluators.forEngine(engine, policies);
  }
}
