package dev.jnp.equivalence;

import dev.jnp.flows.Endpoint;
import dev.jnp.flows.Namespace;
import dev.jnp.flows.World;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.DefaultDeny;
import dev.jnp.ir.Direction;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One sample of the equivalence property: a policy set, the cluster it applies to, and the
 * endpoints outside the cluster's pods (outside addresses, nodes, the API server, DNS names).
 * {@link #toString} writes it in the language's own syntax, so that a shrunk counterexample reads
 * like a {@code .jnp} file.
 */
record Scenario(PolicySet policies, World world, List<Endpoint> outside) {

  Scenario {
    outside = List.copyOf(outside);
  }

  /** Every endpoint: the workloads, then the outside ones. */
  List<Endpoint> endpoints() {
    List<Endpoint> all = new ArrayList<>(world.workloads());
    all.addAll(outside);
    return all;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("\n");
    for (Allowlist a : policies.allowlists()) {
      out.append("workload ")
          .append(a.name())
          .append(" in ")
          .append(a.namespace())
          .append(" {  # line ")
          .append(a.span().line())
          .append("\n  select ")
          .append(labels(a.podLabels()))
          .append('\n');
      for (Rule rule : a.ingress()) {
        out.append("  ").append(rule(rule, Direction.INGRESS)).append('\n');
      }
      Optional<List<Rule>> egress = a.egress();
      if (egress.isPresent()) {
        out.append("  egress {\n");
        for (Rule rule : egress.get()) {
          out.append("    ").append(rule(rule, Direction.EGRESS)).append('\n');
        }
        out.append("  }\n");
      }
      out.append("}\n");
    }
    for (DefaultDeny d : policies.defaultDenies()) {
      out.append("default deny");
      if (d.directions().size() == 1) {
        out.append(' ').append(d.directions().iterator().next().title().toLowerCase());
      }
      out.append(d.orderGiven() ? " order " + d.order() : "")
          .append(" # in ")
          .append(d.namespace())
          .append(", line ")
          .append(d.span().line())
          .append('\n');
    }
    out.append("# world\n");
    for (Namespace ns : world.namespaces()) {
      out.append("#   namespace ").append(ns.name()).append(' ').append(ns.labels()).append('\n');
    }
    for (Endpoint.Workload w : world.workloads()) {
      out.append("#   pod ")
          .append(w.namespace())
          .append('/')
          .append(w.name())
          .append(' ')
          .append(w.labels())
          .append('\n');
    }
    for (Endpoint e : outside) {
      out.append("#   ").append(e.display()).append('\n');
    }
    return out.toString();
  }

  private static String rule(Rule rule, Direction direction) {
    String ports =
        rule.ports().stream().map(PortRange::toString).collect(Collectors.joining(", "));
    String peers = rule.peers().stream().map(Scenario::peer).collect(Collectors.joining(", "));
    return "allow "
        + (rule.dns() ? "dns " : "")
        + (ports.isEmpty() ? "" : ports + " ")
        + (direction == Direction.INGRESS ? "from " : "to ")
        + peers
        + "  # line "
        + rule.span().line();
  }

  /** A peer in the language's syntax, with the line it is "written" on. */
  static String peer(Peer peer) {
    String text =
        peer.accept(
            new Peer.Cases<String>() {
              @Override
              public String any(Peer.Any any) {
                return "any";
              }

              @Override
              public String namespaces(Peer.Namespaces namespaces) {
                return namespaces.namespaces().accept(
                    new NamespaceSelector.Cases<String>() {
                      @Override
                      public String own(NamespaceSelector.Own own) {
                        return "ns <own>";
                      }

                      @Override
                      public String named(NamespaceSelector.Named named) {
                        return "ns " + named.name();
                      }

                      @Override
                      public String labelled(NamespaceSelector.Labelled labelled) {
                        return "ns where " + labels(labelled.labels());
                      }

                      @Override
                      public String all(NamespaceSelector.All all) {
                        return "ns <all>";
                      }
                    });
              }

              @Override
              public String pods(Peer.Pods pods) {
                String in =
                    pods.namespaces().accept(
                        new NamespaceSelector.Cases<String>() {
                          @Override
                          public String own(NamespaceSelector.Own own) {
                            return "";
                          }

                          @Override
                          public String named(NamespaceSelector.Named named) {
                            return " in ns " + named.name();
                          }

                          @Override
                          public String labelled(NamespaceSelector.Labelled labelled) {
                            return " in ns where " + labels(labelled.labels());
                          }

                          @Override
                          public String all(NamespaceSelector.All all) {
                            return " in any ns";
                          }
                        });
                return "pods " + labels(pods.labels()) + in;
              }

              @Override
              public String cidr(Peer.Cidr cidr) {
                return "cidr "
                    + cidr.cidr()
                    + (cidr.except().isEmpty() ? "" : " except " + cidr.except());
              }

              @Override
              public String fqdn(Peer.Fqdn fqdn) {
                return "fqdn " + fqdn.name();
              }

              @Override
              public String nodes(Peer.Nodes nodes) {
                return "nodes";
              }

              @Override
              public String apiServer(Peer.ApiServer apiServer) {
                return "apiserver" + (apiServer.cidrs().isEmpty() ? "" : " " + apiServer.cidrs());
              }
            });
    return text + " @" + peer.span().line();
  }

  private static String labels(Map<String, String> labels) {
    return labels.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
