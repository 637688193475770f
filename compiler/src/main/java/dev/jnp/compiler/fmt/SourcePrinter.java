package dev.jnp.compiler.fmt;

import dev.jnp.compiler.ast.Condition;
import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.Endpoint;
import dev.jnp.compiler.ast.Label;
import dev.jnp.compiler.ast.PeerExpr;
import dev.jnp.compiler.ast.Word;
import dev.jnp.compiler.ast.WorkloadItem;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prints the parts of an AST back as source, one statement at a time, in canonical spelling:
 * single spaces, {@code ", "} between list items, the fewest parentheses a condition needs.
 * {@link Formatter} lays the statements out.
 */
public final class SourcePrinter {
  private SourcePrinter() {}

  /** A top-level declaration that fits on one line (not a workload). */
  public static String declaration(Declaration declaration) {
    if (declaration instanceof Declaration.Engine d) {
      return "engine " + word(d.engine());
    } else if (declaration instanceof Declaration.Namespace d) {
      return "namespace " + word(d.name());
    } else if (declaration instanceof Declaration.Param d) {
      return "param " + word(d.name()) + " = " + word(d.defaultValue());
    } else if (declaration instanceof Declaration.Peer d) {
      return "peer " + word(d.name()) + " = " + peers(d.peers());
    } else if (declaration instanceof Declaration.Workload d) {
      return "workload " + word(d.name()) + d.namespace().map(n -> " in " + word(n)).orElse("") + " {";
    } else if (declaration instanceof Declaration.DefaultDeny d) {
      return "default deny"
          + d.direction().map(x -> x == WorkloadItem.Direction.INGRESS ? " ingress" : " egress").orElse("")
          + d.order().map(o -> " order " + word(o)).orElse("")
          + when(d.when());
    } else if (declaration instanceof Declaration.Expect d) {
      return "expect " + (d.allow() ? "allow " : "deny ") + endpoint(d.client()) + " -> " + endpoint(d.server()) + when(d.when());
    }
    throw new IllegalStateException("unknown declaration " + declaration);
  }

  /** A workload item; for an egress block, its opening line. */
  public static String item(WorkloadItem item) {
    if (item instanceof WorkloadItem.Select s) {
      return "select " + labels(s.labels());
    } else if (item instanceof WorkloadItem.Port p) {
      return "port " + word(p.name()) + " " + word(p.spec()) + (p.probe() ? " probe" : "") + when(p.when());
    } else if (item instanceof WorkloadItem.Allow a) {
      String ports = a.ports().isEmpty() ? "" : " " + a.ports().stream().map(SourcePrinter::word).collect(Collectors.joining(", "));
      String keyword = a.written() == WorkloadItem.Direction.INGRESS ? " from " : " to ";
      return "allow" + ports + keyword + peers(a.peers()) + when(a.when());
    } else if (item instanceof WorkloadItem.AllowDns d) {
      return "allow dns" + (d.peers().isEmpty() ? "" : " to " + peers(d.peers())) + when(d.when());
    } else if (item instanceof WorkloadItem.Egress e) {
      return "egress" + when(e.when()) + " {";
    } else if (item instanceof WorkloadItem.Native n) {
      return "native " + word(n.engine()) + (n.direction() == WorkloadItem.Direction.INGRESS ? " ingress " : " egress ")
          + "\"\"\"" + n.body() + "\"\"\"";
    }
    throw new IllegalStateException("unknown item " + item);
  }

  static String word(Word word) {
    return switch (word.kind()) {
      case PLAIN -> word.text();
      case PARAM_REF -> "$" + word.text();
      case STRING -> '"' + word.text().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    };
  }

  private static String labels(List<Label> labels) {
    return labels.stream().map(l -> word(l.key()) + "=" + word(l.value())).collect(Collectors.joining(", "));
  }

  private static String peers(List<PeerExpr> peers) {
    return peers.stream().map(SourcePrinter::peer).collect(Collectors.joining(", "));
  }

  private static String peer(PeerExpr peer) {
    if (peer instanceof PeerExpr.Any) {
      return "any";
    } else if (peer instanceof PeerExpr.Nodes) {
      return "nodes";
    } else if (peer instanceof PeerExpr.ApiServer p) {
      return switch (p.addresses().size()) {
        case 0 -> "apiserver";
        case 1 -> "apiserver " + word(p.addresses().get(0));
        default -> "apiserver [" + p.addresses().stream().map(SourcePrinter::word).collect(Collectors.joining(", ")) + "]";
      };
    } else if (peer instanceof PeerExpr.Namespace p) {
      return "ns " + word(p.name());
    } else if (peer instanceof PeerExpr.NamespacesWhere p) {
      return "ns where " + labels(p.labels());
    } else if (peer instanceof PeerExpr.Pods p) {
      return "pods " + labels(p.labels()) + p.in().map(SourcePrinter::podNamespace).orElse("");
    } else if (peer instanceof PeerExpr.Cidr p) {
      return "cidr " + word(p.block())
          + (p.except().isEmpty() ? "" : " except [" + p.except().stream().map(SourcePrinter::word).collect(Collectors.joining(", ")) + "]");
    } else if (peer instanceof PeerExpr.Fqdn p) {
      return "fqdn " + word(p.name());
    } else if (peer instanceof PeerExpr.Named p) {
      return word(p.name());
    }
    throw new IllegalStateException("unknown peer " + peer);
  }

  private static String podNamespace(PeerExpr.PodNamespace in) {
    if (in instanceof PeerExpr.PodNamespace.Named n) {
      return " in ns " + word(n.name());
    } else if (in instanceof PeerExpr.PodNamespace.Where w) {
      return " in ns where " + labels(w.labels());
    }
    return " in any ns";
  }

  private static String endpoint(Endpoint endpoint) {
    if (endpoint instanceof Endpoint.Namespace e) {
      return "ns " + word(e.name());
    } else if (endpoint instanceof Endpoint.Pods e) {
      return "pods " + labels(e.labels()) + e.namespace().map(n -> " in ns " + word(n)).orElse("");
    } else if (endpoint instanceof Endpoint.Fqdn e) {
      return "fqdn " + word(e.name());
    } else if (endpoint instanceof Endpoint.Node) {
      return "node";
    } else if (endpoint instanceof Endpoint.World) {
      return "world";
    } else if (endpoint instanceof Endpoint.Ipv6 e) {
      return "[" + word(e.address()) + "]" + e.suffix().map(SourcePrinter::word).orElse("");
    } else if (endpoint instanceof Endpoint.Plain e) {
      return word(e.word());
    }
    throw new IllegalStateException("unknown endpoint " + endpoint);
  }

  private static String when(Optional<Condition> when) {
    return when.map(c -> " when " + condition(c, 0)).orElse("");
  }

  /** Prints with the fewest parentheses: or (0) binds looser than and (1), which binds looser than not (2). */
  static String condition(Condition condition, int context) {
    if (condition instanceof Condition.Or c) {
      return parenthesize(condition(c.left(), 0) + " or " + condition(c.right(), 1), 0, context);
    } else if (condition instanceof Condition.And c) {
      return parenthesize(condition(c.left(), 1) + " and " + condition(c.right(), 2), 1, context);
    } else if (condition instanceof Condition.Not c) {
      return "not " + condition(c.operand(), 2);
    }
    return word(((Condition.Param) condition).name());
  }

  private static String parenthesize(String text, int precedence, int context) {
    return precedence < context ? "(" + text + ")" : text;
  }
}
