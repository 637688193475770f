package dev.jnp.compiler.fmt;

import dev.jnp.compiler.ast.Condition;
import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.Endpoint;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.ast.Label;
import dev.jnp.compiler.ast.PeerExpr;
import dev.jnp.compiler.ast.Word;
import dev.jnp.compiler.ast.WorkloadItem;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prints an AST back as source in one canonical layout (comments are not in the AST and are not
 * printed). Parsing what it prints gives the same AST, spans aside.
 */
public final class SourcePrinter {
  private final StringBuilder out = new StringBuilder();

  private SourcePrinter() {}

  public static String print(JnpFile file) {
    SourcePrinter printer = new SourcePrinter();
    Class<?> previous = null;
    for (Declaration declaration : file.declarations()) {
      boolean block = declaration instanceof Declaration.Workload;
      if (previous != null && (block || previous != declaration.getClass() || previous == Declaration.Workload.class)) {
        printer.out.append('\n');
      }
      printer.declaration(declaration);
      previous = declaration.getClass();
    }
    return printer.out.toString();
  }

  private void declaration(Declaration declaration) {
    if (declaration instanceof Declaration.Engine d) {
      line(0, "engine " + word(d.engine()));
    } else if (declaration instanceof Declaration.Namespace d) {
      line(0, "namespace " + word(d.name()));
    } else if (declaration instanceof Declaration.Param d) {
      line(0, "param " + word(d.name()) + " = " + word(d.defaultValue()));
    } else if (declaration instanceof Declaration.Peer d) {
      line(0, "peer " + word(d.name()) + " = " + peers(d.peers()));
    } else if (declaration instanceof Declaration.Workload d) {
      line(0, "workload " + word(d.name()) + d.namespace().map(n -> " in " + word(n)).orElse("") + " {");
      d.items().forEach(item -> item(item, 1));
      line(0, "}");
    } else if (declaration instanceof Declaration.DefaultDeny d) {
      line(0, "default deny"
          + d.direction().map(x -> x == WorkloadItem.Direction.INGRESS ? " ingress" : " egress").orElse("")
          + d.order().map(o -> " order " + word(o)).orElse("")
          + when(d.when()));
    } else if (declaration instanceof Declaration.Expect d) {
      line(0, "expect " + (d.allow() ? "allow " : "deny ") + endpoint(d.client()) + " -> " + endpoint(d.server()) + when(d.when()));
    }
  }

  private void item(WorkloadItem item, int depth) {
    if (item instanceof WorkloadItem.Select s) {
      line(depth, "select " + labels(s.labels()));
    } else if (item instanceof WorkloadItem.Port p) {
      line(depth, "port " + word(p.name()) + " " + word(p.spec()) + (p.probe() ? " probe" : "") + when(p.when()));
    } else if (item instanceof WorkloadItem.Allow a) {
      String ports = a.ports().isEmpty() ? "" : " " + a.ports().stream().map(SourcePrinter::word).collect(Collectors.joining(", "));
      String keyword = a.written() == WorkloadItem.Direction.INGRESS ? " from " : " to ";
      line(depth, "allow" + ports + keyword + peers(a.peers()) + when(a.when()));
    } else if (item instanceof WorkloadItem.AllowDns d) {
      line(depth, "allow dns" + (d.peers().isEmpty() ? "" : " to " + peers(d.peers())) + when(d.when()));
    } else if (item instanceof WorkloadItem.Egress e) {
      line(depth, "egress" + when(e.when()) + " {");
      e.items().forEach(inner -> item(inner, depth + 1));
      line(depth, "}");
    } else if (item instanceof WorkloadItem.Native n) {
      line(depth, "native " + word(n.engine()) + (n.direction() == WorkloadItem.Direction.INGRESS ? " ingress " : " egress ")
          + "\"\"\"" + n.body() + "\"\"\"");
    }
  }

  private void line(int depth, String text) {
    out.append("  ".repeat(depth)).append(text).append('\n');
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
