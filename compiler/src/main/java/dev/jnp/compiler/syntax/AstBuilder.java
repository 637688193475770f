package dev.jnp.compiler.syntax;

import dev.jnp.compiler.ast.Condition;
import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.Endpoint;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.ast.Label;
import dev.jnp.compiler.ast.PeerExpr;
import dev.jnp.compiler.ast.Word;
import dev.jnp.compiler.ast.WorkloadItem;
import dev.jnp.compiler.ast.WorkloadItem.Direction;
import dev.jnp.grammar.JnpLexer;
import dev.jnp.grammar.JnpParser.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Turns a parse tree without syntax errors into AST records, one typed method per rule: the AST
 * of a file that {@link PredictiveParser} leaves to ANTLR's parser.
 */
final class AstBuilder {
  private final String path;
  private final Spans spans;

  AstBuilder(String path) {
    this.path = path;
    this.spans = new Spans(path);
  }

  JnpFile file(FileContext context) {
    List<Declaration> declarations = new ArrayList<>();
    for (DeclarationContext declaration : context.declaration()) {
      declarations.add(declaration(declaration));
    }
    return new JnpFile(path, List.copyOf(declarations));
  }

  private Declaration declaration(DeclarationContext context) {
    var span = spans.of(context);
    if (context instanceof EngineDeclContext c) {
      return new Declaration.Engine(word(c.engineName), span);
    } else if (context instanceof NamespaceDeclContext c) {
      return new Declaration.Namespace(word(c.nsName), span);
    } else if (context instanceof ParamDeclContext c) {
      return new Declaration.Param(name(c.paramName), paramValue(c.paramValue()), span);
    } else if (context instanceof PeerDeclContext c) {
      return new Declaration.Peer(name(c.peerName), peers(c.peers()), span);
    } else if (context instanceof WorkloadDeclContext c) {
      List<WorkloadItem> items = new ArrayList<>();
      for (WorkloadItemContext item : c.workloadItem()) {
        items.add(workloadItem(item));
      }
      return new Declaration.Workload(
          name(c.workloadName), optionalWord(c.nsName), List.copyOf(items), span);
    } else if (context instanceof DefaultDenyDeclContext c) {
      Optional<Direction> direction =
          c.direction == null
              ? Optional.empty()
              : Optional.of(c.direction.getType() == JnpLexer.INGRESS ? Direction.INGRESS : Direction.EGRESS);
      return new Declaration.DefaultDeny(direction, optionalWord(c.order), when(c.when()), span);
    } else if (context instanceof ExpectDeclContext c) {
      return new Declaration.Expect(
          c.verdict.getType() == JnpLexer.ALLOW,
          endpoint(c.client),
          endpoint(c.server),
          when(c.when()),
          span);
    }
    throw new IllegalStateException("unknown declaration " + context.getClass().getSimpleName());
  }

  private Word paramValue(ParamValueContext context) {
    if (context instanceof WordValueContext c) {
      return word(c.word());
    }
    // true and false are keywords; their Word is plain, which makes the parameter a boolean.
    return new Word(context.getText(), Word.Kind.PLAIN, spans.of(context));
  }

  private WorkloadItem workloadItem(WorkloadItemContext context) {
    var span = spans.of(context);
    if (context instanceof SelectItemContext c) {
      return new WorkloadItem.Select(labels(c.labels()), span);
    } else if (context instanceof PortItemContext c) {
      return new WorkloadItem.Port(name(c.portName), word(c.spec), c.PROBE() != null, when(c.when()), span);
    } else if (context instanceof IngressRuleContext c) {
      return new WorkloadItem.Allow(
          Direction.INGRESS, false, portRefs(c.ports), peers(c.peers()), when(c.when()), span);
    } else if (context instanceof MisplacedEgressRuleContext c) {
      return new WorkloadItem.Allow(
          Direction.EGRESS, false, portRefs(c.ports), peers(c.peers()), when(c.when()), span);
    } else if (context instanceof EgressBlockContext c) {
      List<WorkloadItem> items = new ArrayList<>();
      for (EgressItemContext item : c.egressItem()) {
        items.add(egressItem(item));
      }
      return new WorkloadItem.Egress(when(c.when()), List.copyOf(items), span);
    } else if (context instanceof NativeItemContext c) {
      return nativeBlock(c.native_());
    }
    throw new IllegalStateException("unknown workload item " + context.getClass().getSimpleName());
  }

  private WorkloadItem egressItem(EgressItemContext context) {
    var span = spans.of(context);
    if (context instanceof DnsRuleContext c) {
      return new WorkloadItem.AllowDns(c.peers() == null ? List.of() : peers(c.peers()), when(c.when()), span);
    } else if (context instanceof EgressRuleContext c) {
      return new WorkloadItem.Allow(
          Direction.EGRESS, true, portRefs(c.ports), peers(c.peers()), when(c.when()), span);
    } else if (context instanceof MisplacedIngressRuleContext c) {
      return new WorkloadItem.Allow(
          Direction.INGRESS, true, portRefs(c.ports), peers(c.peers()), when(c.when()), span);
    } else if (context instanceof EgressNativeContext c) {
      return nativeBlock(c.native_());
    }
    throw new IllegalStateException("unknown egress item " + context.getClass().getSimpleName());
  }

  private WorkloadItem nativeBlock(NativeContext context) {
    Token body = context.body;
    String text = body.getText();
    var bodySpan = spans.inside(body, 3, 0);
    return new WorkloadItem.Native(
        word(context.engineName),
        context.direction.getType() == JnpLexer.INGRESS ? Direction.INGRESS : Direction.EGRESS,
        text.substring(3, text.length() - 3),
        bodySpan,
        spans.of(context));
  }

  private List<Word> portRefs(PortRefsContext context) {
    if (context == null) {
      return List.of();
    }
    return context.word().stream().map(this::word).toList();
  }

  private List<Label> labels(LabelsContext context) {
    return context.label().stream()
        .map(l -> new Label(word(l.key), word(l.value), spans.of(l)))
        .toList();
  }

  private List<PeerExpr> peers(PeersContext context) {
    return context.peer().stream().map(this::peer).toList();
  }

  private PeerExpr peer(PeerContext context) {
    var span = spans.of(context);
    if (context instanceof AnyPeerContext) {
      return new PeerExpr.Any(span);
    } else if (context instanceof NodesPeerContext) {
      return new PeerExpr.Nodes(span);
    } else if (context instanceof ApiServerPeerContext c) {
      return new PeerExpr.ApiServer(addresses(c.addresses()), span);
    } else if (context instanceof NamespaceLabelsPeerContext c) {
      return new PeerExpr.NamespacesWhere(labels(c.labels()), span);
    } else if (context instanceof NamespacePeerContext c) {
      return new PeerExpr.Namespace(word(c.nsName), span);
    } else if (context instanceof PodsPeerContext c) {
      return new PeerExpr.Pods(labels(c.labels()), podNamespace(c.podNamespace()), span);
    } else if (context instanceof CidrPeerContext c) {
      return new PeerExpr.Cidr(word(c.block), c.address().stream().map(this::address).toList(), span);
    } else if (context instanceof FqdnPeerContext c) {
      return new PeerExpr.Fqdn(word(c.fqdnName), span);
    } else if (context instanceof NamedPeerContext c) {
      return new PeerExpr.Named(name(c.name()), span);
    }
    throw new IllegalStateException("unknown peer " + context.getClass().getSimpleName());
  }

  private Optional<PeerExpr.PodNamespace> podNamespace(PodNamespaceContext context) {
    if (context == null) {
      return Optional.empty();
    } else if (context instanceof PodsInLabelledNamespacesContext c) {
      return Optional.of(new PeerExpr.PodNamespace.Where(labels(c.labels())));
    } else if (context instanceof PodsInNamespaceContext c) {
      return Optional.of(new PeerExpr.PodNamespace.Named(word(c.nsName)));
    }
    return Optional.of(new PeerExpr.PodNamespace.AnyNamespace());
  }

  private List<Word> addresses(AddressesContext context) {
    if (context == null) {
      return List.of();
    } else if (context instanceof OneAddressContext c) {
      return List.of(address(c.address()));
    }
    return ((AddressListContext) context).address().stream().map(this::address).toList();
  }

  private Endpoint endpoint(EndpointContext context) {
    var span = spans.of(context);
    if (context instanceof NamespaceEndpointContext c) {
      return new Endpoint.Namespace(word(c.nsName), span);
    } else if (context instanceof PodsEndpointContext c) {
      return new Endpoint.Pods(labels(c.labels()), optionalWord(c.nsName), span);
    } else if (context instanceof FqdnEndpointContext c) {
      return new Endpoint.Fqdn(word(c.fqdnName), span);
    } else if (context instanceof NodeEndpointContext) {
      return new Endpoint.Node(span);
    } else if (context instanceof WorldEndpointContext) {
      return new Endpoint.World(span);
    } else if (context instanceof ApiServerEndpointContext c) {
      return new Endpoint.Plain(new Word("apiserver", Word.Kind.PLAIN, span), span);
    } else if (context instanceof Ipv6EndpointContext c) {
      Optional<Word> suffix =
          c.portSuffix == null
              ? Optional.empty()
              : Optional.of(new Word(c.portSuffix.getText(), Word.Kind.PLAIN, spans.of(c.portSuffix)));
      return new Endpoint.Ipv6(address(c.ipv6), suffix, span);
    } else if (context instanceof WordEndpointContext c) {
      return new Endpoint.Plain(word(c.word()), span);
    }
    throw new IllegalStateException("unknown endpoint " + context.getClass().getSimpleName());
  }

  private Optional<Condition> when(WhenContext context) {
    return context == null ? Optional.empty() : Optional.of(condition(context.condition()));
  }

  private Condition condition(ConditionContext context) {
    var span = spans.of(context);
    if (context instanceof NotConditionContext c) {
      return new Condition.Not(condition(c.condition()), span);
    } else if (context instanceof AndConditionContext c) {
      return new Condition.And(condition(c.left), condition(c.right), span);
    } else if (context instanceof OrConditionContext c) {
      return new Condition.Or(condition(c.left), condition(c.right), span);
    } else if (context instanceof ParenConditionContext c) {
      return condition(c.condition());
    } else if (context instanceof ParamConditionContext c) {
      return new Condition.Param(name(c.name()), span);
    }
    throw new IllegalStateException("unknown condition " + context.getClass().getSimpleName());
  }

  private Optional<Word> optionalWord(WordContext context) {
    return context == null ? Optional.empty() : Optional.of(word(context));
  }

  private Word name(NameContext context) {
    return new Word(context.getText(), Word.Kind.PLAIN, spans.of(context));
  }

  private Word word(WordContext context) {
    if (context.name() != null) {
      return name(context.name());
    }
    return Terminals.word(context.getStart(), spans.of(context));
  }

  private Word address(AddressContext context) {
    return Terminals.word(context.getStart(), spans.of(context));
  }
}
