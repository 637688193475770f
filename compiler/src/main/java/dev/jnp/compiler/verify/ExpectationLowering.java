package dev.jnp.compiler.verify;

import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.Endpoint;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.ast.Label;
import dev.jnp.compiler.ast.Word;
import dev.jnp.compiler.ast.WorkloadItem;
import dev.jnp.compiler.check.Conditions;
import dev.jnp.compiler.check.EndpointWord;
import dev.jnp.compiler.check.Parameters;
import dev.jnp.compiler.check.PortSpec;
import dev.jnp.compiler.check.Resolver;
import dev.jnp.compiler.fmt.SourcePrinter;
import dev.jnp.diagnostics.Diagnostics;
import dev.jnp.flows.ContainerPort;
import dev.jnp.flows.IpAddress;
import dev.jnp.flows.Protocol;
import dev.jnp.flows.World;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.PortRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lowers a checked file's {@code expect} lines (those whose {@code when} holds) to expectations
 * in a synthetic world: every workload of the file is a pod with its labels and ports, {@code ns
 * N} is a pod with no labels in N, {@code pods …} a pod with those labels, {@code world} and an
 * {@code fqdn} an address outside every block the file names, {@code node} the pod's own node,
 * {@code apiserver} the first address the file gives it.
 */
public final class ExpectationLowering {
  private final JnpFile file;
  private final Parameters parameters;
  private final Resolver resolver;
  private final SyntheticWorld world;
  private final String fileNamespace;
  private final Map<String, Declaration.Workload> workloads = new LinkedHashMap<>();
  private final Optional<String> apiServerCidr;

  private ExpectationLowering(JnpFile file, Parameters parameters, PolicySet policies) {
    this.file = file;
    this.parameters = parameters;
    this.resolver = new Resolver(parameters, new Diagnostics());
    this.world = new SyntheticWorld(policies);
    this.fileNamespace = file.all(Declaration.Namespace.class).stream()
        .findFirst().flatMap(n -> resolver.text(n.name())).orElse("default");
    file.all(Declaration.Workload.class).forEach(w -> workloads.putIfAbsent(w.name().text(), w));
    this.apiServerCidr = policies.allowlists().stream()
        .flatMap(a -> java.util.stream.Stream.concat(a.ingress().stream(), a.egress().orElse(List.of()).stream()))
        .flatMap(r -> r.peers().stream())
        .filter(p -> p instanceof dev.jnp.ir.Peer.ApiServer api && !api.cidrs().isEmpty())
        .map(p -> ((dev.jnp.ir.Peer.ApiServer) p).cidrs().get(0))
        .findFirst();
  }

  /** The expectations of {@code file} under {@code parameters}, for the rendered {@code policies}. */
  public static Expectations lower(JnpFile file, Parameters parameters, PolicySet policies) {
    // Most files expect nothing: then no world is built (that is a pass over every rule).
    if (file.all(Declaration.Expect.class).stream().noneMatch(e -> Conditions.holds(e.when(), parameters))) {
      return new Expectations(World.builder().build(), List.of());
    }
    return new ExpectationLowering(file, parameters, policies).lower();
  }

  private Expectations lower() {
    // Every workload is in the world, so that policies selecting others are evaluated too.
    workloads.keySet().forEach(this::workloadPod);
    List<Expectation> expectations = new ArrayList<>();
    for (Declaration.Expect expect : file.all(Declaration.Expect.class)) {
      if (!Conditions.holds(expect.when(), parameters)) {
        continue;
      }
      Side client = side(expect.client(), true);
      Side server = side(expect.server(), false);
      expectations.add(new Expectation(
          expect.allow(), client.endpoint(), server.endpoint(), server.port(), expect.span(), SourcePrinter.declaration(expect)));
    }
    return new Expectations(world.build(), expectations);
  }

  /** An endpoint and, for a server, the port asked for. */
  private record Side(dev.jnp.flows.Endpoint endpoint, Optional<Expectation.Port> port) {}

  private Side side(Endpoint endpoint, boolean client) {
    if (endpoint instanceof Endpoint.Namespace ns) {
      String name = text(ns.name());
      return new Side(world.pod(name, "pod-in-" + name, Map.of(), List.of()), Optional.empty());
    } else if (endpoint instanceof Endpoint.Pods pods) {
      String namespace = pods.namespace().map(this::text).orElse(fileNamespace);
      Map<String, String> labels = labels(pods.labels());
      String name = "pods-" + String.join("-", labels.values()).replaceAll("[^a-z0-9-]", "-");
      return new Side(world.pod(namespace, name, labels, List.of()), Optional.empty());
    } else if (endpoint instanceof Endpoint.Node) {
      return new Side(new dev.jnp.flows.Endpoint.Node("node", Map.of(), IpAddress.parse("100.64.0.1"), true), Optional.empty());
    } else if (endpoint instanceof Endpoint.World) {
      return new Side(new dev.jnp.flows.Endpoint.External(world.outside(0)), Optional.empty());
    } else if (endpoint instanceof Endpoint.Fqdn fqdn) {
      String text = text(fqdn.name());
      int colon = text.lastIndexOf(':');
      String name = colon < 0 ? text : text.substring(0, colon);
      Optional<Expectation.Port> port = colon < 0 ? Optional.empty() : number(text.substring(colon + 1));
      return new Side(new dev.jnp.flows.Endpoint.Fqdn(name, world.outside(1)), port);
    } else if (endpoint instanceof Endpoint.Ipv6 ipv6) {
      Optional<Expectation.Port> port = ipv6.suffix().flatMap(s -> number(s.text().substring(1)));
      return new Side(new dev.jnp.flows.Endpoint.External(IpAddress.parse(text(ipv6.address()))), port);
    }
    Endpoint.Plain plain = (Endpoint.Plain) endpoint;
    EndpointWord word = EndpointWord.parse(text(plain.word()));
    return switch (word.kind()) {
      case ADDRESS -> new Side(new dev.jnp.flows.Endpoint.External(IpAddress.parse(word.base())), word.port().flatMap(this::number));
      case APISERVER -> {
        Optional<Expectation.Port> port = word.port().flatMap(this::number);
        IpAddress address = apiServerCidr.map(c -> IpAddress.parse(c.substring(0, c.indexOf('/')))).orElse(world.outside(2));
        yield new Side(new dev.jnp.flows.Endpoint.ApiServer(address, port.map(Expectation.Port::number).orElse(443)), port);
      }
      case WORKLOAD -> new Side(workloadPod(word.base()), client ? Optional.empty() : word.port().flatMap(p -> workloadPort(word.base(), p)));
    };
  }

  private dev.jnp.flows.Endpoint.Workload workloadPod(String name) {
    Declaration.Workload workload = workloads.get(name);
    String namespace = workload.namespace().map(this::text).orElse(fileNamespace);
    Map<String, String> labels = Map.of();
    List<ContainerPort> ports = new ArrayList<>();
    for (WorkloadItem item : workload.items()) {
      if (item instanceof WorkloadItem.Select select) {
        labels = labels(select.labels());
      } else if (item instanceof WorkloadItem.Port port) {
        PortRange range = PortSpec.parse(text(port.spec())).range();
        ports.add(new ContainerPort(port.name().text(), range.first(), protocol(range)));
      }
    }
    return world.pod(namespace, name, labels, ports);
  }

  private Optional<Expectation.Port> workloadPort(String workload, String port) {
    if (PortSpec.looksLikeSpec(port)) {
      return number(port);
    }
    for (WorkloadItem item : workloads.get(workload).items()) {
      if (item instanceof WorkloadItem.Port declared && declared.name().text().equals(port)) {
        PortRange range = PortSpec.parse(text(declared.spec())).range();
        return Optional.of(new Expectation.Port(protocol(range), range.first()));
      }
    }
    return Optional.empty();
  }

  private Optional<Expectation.Port> number(String spec) {
    PortSpec.Parsed parsed = PortSpec.parse(spec);
    return parsed.ok() ? Optional.of(new Expectation.Port(protocol(parsed.range()), parsed.range().first())) : Optional.empty();
  }

  private static Protocol protocol(PortRange range) {
    return Protocol.valueOf(range.protocol().name());
  }

  private Map<String, String> labels(List<Label> labels) {
    Map<String, String> out = new LinkedHashMap<>();
    labels.forEach(l -> out.put(text(l.key()), text(l.value())));
    return out;
  }

  private String text(Word word) {
    return resolver.text(word).orElseThrow();
  }
}
