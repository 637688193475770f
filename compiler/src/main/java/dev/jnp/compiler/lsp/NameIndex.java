package dev.jnp.compiler.lsp;

import dev.jnp.compiler.ast.Condition;
import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.Endpoint;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.ast.Label;
import dev.jnp.compiler.ast.PeerExpr;
import dev.jnp.compiler.ast.Word;
import dev.jnp.compiler.ast.WorkloadItem;
import dev.jnp.compiler.check.PortSpec;
import dev.jnp.diagnostics.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names a parsed file declares (parameters, peers, workloads and their ports) and every place
 * that refers to one: a {@code $parameter}, a parameter in a condition, a peer name in a list of
 * peers, a port name in a rule, a workload or {@code workload:port} in an {@code expect}. A
 * declaration's own name counts as a reference to it, so asking about it answers too.
 */
final class NameIndex {

  /** What kind of thing a name names. */
  enum Kind {
    PARAM,
    PEER,
    WORKLOAD,
    PORT
  }

  /**
   * A declared name: its kind, the workload it belongs to (ports only), its name as written and
   * the whole declaration.
   */
  record Declared(Kind kind, Optional<String> workload, Word name, SourceSpan declaration) {}

  /** A name found at {@code span} and what it names. */
  record Reference(SourceSpan span, Declared target) {}

  private record Key(Kind kind, String workload, String name) {}

  private record Mention(Key key, SourceSpan span) {}

  private final Map<Key, Declared> declared = new LinkedHashMap<>();
  private final List<Mention> mentions = new ArrayList<>();

  private NameIndex() {}

  static NameIndex of(JnpFile file) {
    NameIndex index = new NameIndex();
    index.declare(file);
    index.walk(file);
    return index;
  }

  /** The name under the cursor and what it names, if it names something declared. */
  Optional<Reference> at(SourceText.Cursor cursor) {
    for (Mention mention : mentions) {
      Declared target = declared.get(mention.key());
      if (target != null && cursor.within(mention.span())) {
        return Optional.of(new Reference(mention.span(), target));
      }
    }
    return Optional.empty();
  }

  private void declare(JnpFile file) {
    for (Declaration declaration : file.declarations()) {
      if (declaration instanceof Declaration.Param param) {
        declared.putIfAbsent(key(Kind.PARAM, "", param.name().text()), new Declared(Kind.PARAM, Optional.empty(), param.name(), param.span()));
      } else if (declaration instanceof Declaration.Peer peer) {
        declared.putIfAbsent(key(Kind.PEER, "", peer.name().text()), new Declared(Kind.PEER, Optional.empty(), peer.name(), peer.span()));
      } else if (declaration instanceof Declaration.Workload workload) {
        String name = workload.name().text();
        declared.putIfAbsent(key(Kind.WORKLOAD, "", name), new Declared(Kind.WORKLOAD, Optional.empty(), workload.name(), workload.span()));
        for (WorkloadItem item : workload.items()) {
          if (item instanceof WorkloadItem.Port port) {
            declared.putIfAbsent(key(Kind.PORT, name, port.name().text()), new Declared(Kind.PORT, Optional.of(name), port.name(), port.span()));
          }
        }
      }
    }
  }

  private static Key key(Kind kind, String workload, String name) {
    return new Key(kind, workload, name);
  }

  private void mention(Kind kind, String workload, String name, SourceSpan span) {
    mentions.add(new Mention(key(kind, workload, name), span));
  }

  private void walk(JnpFile file) {
    for (Declaration declaration : file.declarations()) {
      if (declaration instanceof Declaration.Engine engine) {
        word(engine.engine());
      } else if (declaration instanceof Declaration.Namespace namespace) {
        word(namespace.name());
      } else if (declaration instanceof Declaration.Param param) {
        mention(Kind.PARAM, "", param.name().text(), param.name().span());
      } else if (declaration instanceof Declaration.Peer peer) {
        mention(Kind.PEER, "", peer.name().text(), peer.name().span());
        peers(peer.peers());
      } else if (declaration instanceof Declaration.Workload workload) {
        mention(Kind.WORKLOAD, "", workload.name().text(), workload.name().span());
        workload.namespace().ifPresent(this::word);
        items(workload.name().text(), workload.items());
      } else if (declaration instanceof Declaration.DefaultDeny deny) {
        deny.order().ifPresent(this::word);
        deny.when().ifPresent(this::condition);
      } else if (declaration instanceof Declaration.Expect expect) {
        endpoint(expect.client());
        endpoint(expect.server());
        expect.when().ifPresent(this::condition);
      }
    }
  }

  private void items(String workload, List<WorkloadItem> items) {
    for (WorkloadItem item : items) {
      if (item instanceof WorkloadItem.Select select) {
        labels(select.labels());
      } else if (item instanceof WorkloadItem.Port port) {
        mention(Kind.PORT, workload, port.name().text(), port.name().span());
        word(port.spec());
        port.when().ifPresent(this::condition);
      } else if (item instanceof WorkloadItem.Allow allow) {
        for (Word port : allow.ports()) {
          if (port.isParamRef() || PortSpec.looksLikeSpec(port.text())) {
            word(port);
          } else {
            mention(Kind.PORT, workload, port.text(), port.span());
          }
        }
        peers(allow.peers());
        allow.when().ifPresent(this::condition);
      } else if (item instanceof WorkloadItem.AllowDns dns) {
        peers(dns.peers());
        dns.when().ifPresent(this::condition);
      } else if (item instanceof WorkloadItem.Egress egress) {
        egress.when().ifPresent(this::condition);
        items(workload, egress.items());
      } else if (item instanceof WorkloadItem.Native nativeBlock) {
        word(nativeBlock.engine());
      }
    }
  }

  private void peers(List<PeerExpr> peers) {
    for (PeerExpr peer : peers) {
      if (peer instanceof PeerExpr.Named named) {
        mention(Kind.PEER, "", named.name().text(), named.name().span());
      } else if (peer instanceof PeerExpr.Namespace namespace) {
        word(namespace.name());
      } else if (peer instanceof PeerExpr.NamespacesWhere where) {
        labels(where.labels());
      } else if (peer instanceof PeerExpr.Pods pods) {
        labels(pods.labels());
        pods.in().ifPresent(this::podNamespace);
      } else if (peer instanceof PeerExpr.Cidr cidr) {
        word(cidr.block());
        cidr.except().forEach(this::word);
      } else if (peer instanceof PeerExpr.Fqdn fqdn) {
        word(fqdn.name());
      } else if (peer instanceof PeerExpr.ApiServer apiServer) {
        apiServer.addresses().forEach(this::word);
      }
    }
  }

  private void podNamespace(PeerExpr.PodNamespace in) {
    if (in instanceof PeerExpr.PodNamespace.Named named) {
      word(named.name());
    } else if (in instanceof PeerExpr.PodNamespace.Where where) {
      labels(where.labels());
    }
  }

  private void endpoint(Endpoint endpoint) {
    if (endpoint instanceof Endpoint.Plain plain) {
      Word word = plain.word();
      if (word.kind() != Word.Kind.PLAIN) {
        word(word);
        return;
      }
      // jaas or jaas:storage; an address (10.0.0.1:443) names no workload and finds no declaration.
      int colon = word.text().indexOf(':');
      String workload = colon < 0 ? word.text() : word.text().substring(0, colon);
      SourceSpan span = word.span();
      mention(Kind.WORKLOAD, "", workload, new SourceSpan(span.file(), span.line(), span.column(), span.line(), span.column() + workload.length()));
      if (colon >= 0 && span.line() == span.endLine()) {
        String port = word.text().substring(colon + 1);
        mention(Kind.PORT, workload, port, new SourceSpan(span.file(), span.line(), span.column() + colon + 1, span.line(), span.endColumn()));
      }
    } else if (endpoint instanceof Endpoint.Namespace namespace) {
      word(namespace.name());
    } else if (endpoint instanceof Endpoint.Pods pods) {
      labels(pods.labels());
      pods.namespace().ifPresent(this::word);
    } else if (endpoint instanceof Endpoint.Fqdn fqdn) {
      word(fqdn.name());
    } else if (endpoint instanceof Endpoint.Ipv6 ipv6) {
      word(ipv6.address());
    }
  }

  private void labels(List<Label> labels) {
    for (Label label : labels) {
      word(label.key());
      word(label.value());
    }
  }

  private void condition(Condition condition) {
    if (condition instanceof Condition.Param param) {
      mention(Kind.PARAM, "", param.name().text(), param.name().span());
    } else if (condition instanceof Condition.Not not) {
      condition(not.operand());
    } else if (condition instanceof Condition.And and) {
      condition(and.left());
      condition(and.right());
    } else if (condition instanceof Condition.Or or) {
      condition(or.left());
      condition(or.right());
    }
  }

  /** A word that may be a {@code $parameter}. */
  private void word(Word word) {
    if (word.isParamRef()) {
      mention(Kind.PARAM, "", word.text(), word.span());
    }
  }
}
