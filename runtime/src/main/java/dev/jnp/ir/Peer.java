package dev.jnp.ir;

import dev.jnp.diagnostics.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The other end of a rule: who may connect to the workload (ingress), or whom it may connect to
 * (egress). Every peer remembers where in the source it was written, so a backend that cannot
 * express it reports the problem there.
 */
public sealed interface Peer {

  SourceSpan span();

  /**
   * Calls the method of {@code cases} for this peer's kind. Java 17 has no pattern {@code
   * switch}; a visitor gives the same guarantee: a new kind of peer is a compile error wherever
   * peers are handled.
   */
  <R> R accept(Cases<R> cases);

  /** One method per kind of peer. */
  interface Cases<R> {
    R any(Any any);

    R namespaces(Namespaces namespaces);

    R pods(Pods pods);

    R cidr(Cidr cidr);

    R fqdn(Fqdn fqdn);

    R nodes(Nodes nodes);

    R apiServer(ApiServer apiServer);
  }

  /** Every source or destination, in or outside the cluster. */
  record Any(SourceSpan span) implements Peer {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.any(this);
    }
  }

  /** Every pod in the selected namespaces. */
  record Namespaces(NamespaceSelector namespaces, SourceSpan span) implements Peer {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.namespaces(this);
    }
  }

  /** The pods with all of {@code labels}, in the selected namespaces. */
  record Pods(SortedMap<String, String> labels, NamespaceSelector namespaces, SourceSpan span)
      implements Peer {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.pods(this);
    }

    public Pods(Map<String, String> labels, NamespaceSelector namespaces, SourceSpan span) {
      this(Labels.sorted(labels), namespaces, span);
    }
  }

  /** An IP block in CIDR notation, less the blocks in {@code except}. */
  record Cidr(String cidr, List<String> except, SourceSpan span) implements Peer {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.cidr(this);
    }

    public Cidr {
      except = List.copyOf(except);
    }
  }

  /** A DNS name or a {@code *.} pattern, for egress. */
  record Fqdn(String name, SourceSpan span) implements Peer {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.fqdn(this);
    }
  }

  /** The nodes' own addresses, where kubelet probes come from. */
  record Nodes(SourceSpan span) implements Peer {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.nodes(this);
    }
  }

  /**
   * The Kubernetes API server. {@code cidrs} are its endpoint addresses, for engines that cannot
   * select it by identity; empty when the source names none.
   */
  record ApiServer(List<String> cidrs, SourceSpan span) implements Peer {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.apiServer(this);
    }

    public ApiServer {
      cidrs = List.copyOf(cidrs);
    }
  }
}
