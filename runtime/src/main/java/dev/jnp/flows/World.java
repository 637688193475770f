package dev.jnp.flows;

import dev.jnp.flows.Endpoint.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cluster policies are evaluated against: its namespaces with their labels, and its
 * workloads. Endpoints that are not pods (outside addresses, nodes, the API server, DNS names)
 * are not listed here; a {@link Connection} names them directly.
 *
 * <p>A namespace a workload uses but nobody declared exists with only its {@code
 * kubernetes.io/metadata.name} label.
 */
public final class World {
  private final Map<String, Namespace> namespaces;
  private final List<Workload> workloads;

  private World(Map<String, Namespace> namespaces, List<Workload> workloads) {
    this.namespaces = Collections.unmodifiableMap(new TreeMap<>(namespaces));
    this.workloads = List.copyOf(workloads);
  }

  /** A builder for a world, e.g. a synthetic one for {@code jnp verify}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The namespaces, by name. */
  public Collection<Namespace> namespaces() {
    return namespaces.values();
  }

  /** The namespace called {@code name}; one with only its name label if the world lacks it. */
  public Namespace namespace(String name) {
    Namespace ns = namespaces.get(name);
    return ns != null ? ns : Namespace.named(name);
  }

  /** The workloads, in the order they were added. */
  public List<Workload> workloads() {
    return workloads;
  }

  /** The workload {@code name} in {@code namespace}, if there is one. */
  public Optional<Workload> workload(String namespace, String name) {
    return workloads.stream()
        .filter(w -> w.namespace().equals(namespace) && w.name().equals(name))
        .findFirst();
  }

  /** Builds a {@link World}. */
  public static final class Builder {
    private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
    private final List<Workload> workloads = new ArrayList<>();

    private Builder() {}

    /** Adds a namespace, or replaces the one of the same name. */
    public Builder namespace(Namespace namespace) {
      namespaces.put(namespace.name(), namespace);
      return this;
    }

    /** Adds a namespace with these labels ({@code kubernetes.io/metadata.name} is added). */
    public Builder namespace(String name, Map<String, String> labels) {
      return namespace(new Namespace(name, labels));
    }

    /** Adds a workload. */
    public Builder workload(Workload workload) {
      workloads.add(workload);
      return this;
    }

    /** The world; namespaces used by workloads but not added exist with only their name label. */
    public World build() {
      Map<String, Namespace> all = new LinkedHashMap<>(namespaces);
      for (Workload w : workloads) {
        all.computeIfAbsent(w.namespace(), Namespace::named);
      }
      return new World(all, workloads);
    }
  }
}
