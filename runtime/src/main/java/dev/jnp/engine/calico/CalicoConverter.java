package dev.jnp.engine.calico;

import static dev.jnp.engine.ObjectTree.head;
import static dev.jnp.engine.ObjectTree.list;
import static dev.jnp.engine.ObjectTree.map;

import dev.jnp.engine.ObjectId;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.DefaultDeny;
import dev.jnp.ir.Direction;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Protocol;
import dev.jnp.ir.Rule;
import dev.jnp.yaml.YamlOut;
import dev.jnp.yaml.YamlTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Writes the IR as Calico NetworkPolicy objects.
 *
 * <p>A Calico rule has one source and one destination entity, and needs {@code protocol} whenever
 * it names ports, so each IR rule becomes one {@code Allow} rule per peer and protocol (and per 50
 * ports, the schema's limit). Selectors are Calico selector strings: {@code app == 'web' && tier
 * == 'db'}, {@code all()} for everything; namespaces are selected by their {@code
 * kubernetes.io/metadata.name} label. For ingress the listening ports go in {@code
 * destination.ports}, since the protected pod is the destination.
 *
 * <p>Layers: every object has an explicit {@code order} and explicit {@code types} (an omitted
 * order sorts last, and omitted types are guessed from the rules). The default-deny has {@code
 * selector: all()}, no rules and order N (the author's, default 2000); the allowlists get 1000, or
 * ⌊N/2⌋ when N ≤ 1000, so they are evaluated first. An allowlist that matches nothing passes on to
 * the deny, and the tier's end denies.
 *
 * <p>Egress to the API server is {@code destination.services: {name: kubernetes, namespace:
 * default}}. Calico forbids {@code ports} beside {@code services} in egress rules: it matches the
 * Service's own endpoint ports (after DNAT, typically 6443), so only the protocol is kept.
 */
final class CalicoConverter {
  static final String API_VERSION = "projectcalico.org/v3";
  static final String KIND = "NetworkPolicy";
  static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
  private static final String NAMED_NAMESPACE = NAMESPACE_NAME_LABEL + " == '";
  /** The allowlists' order when the namespace's deny leaves room above 1000. */
  static final int ALLOWLIST_ORDER = 1000;
  /** The schema's {@code maxItems} for the rules of one direction. */
  static final int MAX_RULES = 1024;
  /** The schema's {@code maxItems} for {@code nets} and {@code notNets}. */
  static final int MAX_NETS = 256;
  /** The schema's {@code maxItems} for the {@code ports} of one entity. */
  static final int MAX_PORTS = 50;

  /** 1000, or half the deny's order when that leaves no room above 1000. */
  static int allowlistOrder(Optional<DefaultDeny> deny) {
    return deny.filter(d -> d.order() <= ALLOWLIST_ORDER)
        .map(d -> Math.floorDiv(d.order(), 2))
        .orElse(ALLOWLIST_ORDER);
  }

  /** The object of {@code allowlist}, one of {@code policies}. */
  ObjectId allowlist(Allowlist allowlist, PolicySet policies, YamlOut out) {
    int order = allowlistOrder(policies.defaultDeny(allowlist.namespace()));
    boolean egress = allowlist.governs(Direction.EGRESS);
    head(out, API_VERSION, KIND, allowlist.name(), allowlist.namespace());
    out.key("spec").beginMap().field("order", order).field("selector", selector(allowlist.podLabels()));
    out.key("types").beginList().value("Ingress");
    if (egress) {
      out.value("Egress");
    }
    out.end();
    rules(allowlist, Direction.INGRESS, out);
    if (egress) {
      rules(allowlist, Direction.EGRESS, out);
    }
    out.end();
    return new ObjectId(KIND, allowlist.name(), Optional.of(allowlist.namespace()));
  }

  ObjectId defaultDeny(DefaultDeny deny, YamlOut out) {
    head(out, API_VERSION, KIND, "default-deny", deny.namespace());
    out.key("spec").beginMap().field("order", deny.order()).field("selector", "all()");
    out.key("types").beginList();
    for (Direction direction : Direction.values()) {
      if (deny.covers(direction)) {
        out.value(direction.title());
      }
    }
    out.end().end();
    return new ObjectId(KIND, "default-deny", Optional.of(deny.namespace()));
  }

  /** The rules of one direction, generated then native; left out when there are none. */
  private static void rules(Allowlist allowlist, Direction direction, YamlOut out) {
    out.key(direction == Direction.INGRESS ? "ingress" : "egress").beginList();
    PeerSpelling spelling = new PeerSpelling(direction);
    List<Rule> rules = allowlist.rules(direction);
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      List<ProtocolPorts> byProtocol = byProtocol(rule);
      for (int p = 0; p < rule.peers().size(); p++) {
        Peer peer = rule.peers().get(p);
        Entity entity = peer.accept(spelling);
        if (entity != null) {
          rules(rule, byProtocol, entity, direction, out);
        }
      }
    }
    List<Object> natives = allowlist.nativeItems(CalicoBackend.ENGINE, direction);
    for (int i = 0; i < natives.size(); i++) {
      out.value(natives.get(i));
    }
    out.endOrDrop();
  }

  /** How many rules {@link #rules} writes for one direction: written into a tree, and counted. */
  static int ruleCount(Allowlist allowlist, Direction direction) {
    YamlTree tree = new YamlTree();
    rules(allowlist, direction, tree);
    // A direction without rules is left out of the document.
    List<?> rules = (List<?>) tree.document().get(direction == Direction.INGRESS ? "ingress" : "egress");
    return rules == null ? 0 : rules.size();
  }

  /**
   * At least as many as {@link #rules} makes, counted without spelling them: a peer makes one
   * rule per protocol and 50 ports, so at most one per port, or one when the rule has every port.
   */
  static long mostRules(Allowlist allowlist, Direction direction) {
    long most = allowlist.nativeItems(CalicoBackend.ENGINE, direction).size();
    List<Rule> rules = allowlist.rules(direction);
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      most += (long) rule.peers().size() * (rule.allPorts() ? 1 : rule.ports().size());
    }
    return most;
  }

  /** The Calico rules for one peer of {@code rule}: one per protocol and 50 ports. */
  private static void rules(Rule rule, List<ProtocolPorts> byProtocol, Entity entity, Direction direction, YamlOut out) {
    if (rule.allPorts()) {
      allow(null, entity, List.of(), direction, out);
      return;
    }
    for (int i = 0; i < byProtocol.size(); i++) {
      Protocol protocol = byProtocol.get(i).protocol();
      List<Object> ports = byProtocol.get(i).ports();
      if (!entity.takesPorts()) {
        allow(protocol, entity, List.of(), direction, out);
        continue;
      }
      for (int from = 0; from < ports.size(); from += MAX_PORTS) {
        List<Object> some = ports.size() <= MAX_PORTS ? ports : ports.subList(from, Math.min(ports.size(), from + MAX_PORTS));
        allow(protocol, entity, some, direction, out);
      }
    }
  }

  /** The ports of one protocol, spelled as Calico spells them: 80, or "8000:8080" for a range. */
  private record ProtocolPorts(Protocol protocol, List<Object> ports) {}

  /**
   * A rule's ports by protocol, in the order each protocol first appears; once a rule, not once a
   * peer (a list searched, not a map: a rule has a protocol or two).
   */
  private static List<ProtocolPorts> byProtocol(Rule rule) {
    if (rule.allPorts()) {
      return List.of();
    }
    List<ProtocolPorts> byProtocol = new ArrayList<>(2);
    List<PortRange> ranges = rule.ports();
    for (int r = 0; r < ranges.size(); r++) {
      PortRange range = ranges.get(r);
      portsOf(range.protocol(), byProtocol).add(range.isSingle() ? (Object) range.first() : range.first() + ":" + range.last());
    }
    return byProtocol;
  }

  private static List<Object> portsOf(Protocol protocol, List<ProtocolPorts> byProtocol) {
    for (int i = 0; i < byProtocol.size(); i++) {
      if (byProtocol.get(i).protocol() == protocol) {
        return byProtocol.get(i).ports();
      }
    }
    ProtocolPorts added = new ProtocolPorts(protocol, new ArrayList<>(4));
    byProtocol.add(added);
    return added.ports();
  }

  private static void allow(
      Protocol protocol, Entity entity, List<Object> ports, Direction direction, YamlOut out) {
    out.beginMap().field("action", "Allow");
    if (protocol != null) {
      out.field("protocol", protocol.name());
    }
    Map<String, Object> fields = entity.fields();
    if (direction == Direction.INGRESS) {
      if (!fields.isEmpty()) {
        out.field("source", fields);
      }
      if (!ports.isEmpty()) {
        out.key("destination").beginMap().list("ports", ports).end();
      }
    } else if (!fields.isEmpty() || !ports.isEmpty()) {
      out.key("destination").beginMap();
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        out.field(field.getKey(), field.getValue());
      }
      if (!ports.isEmpty()) {
        out.list("ports", ports);
      }
      out.end();
    }
    out.end();
  }

  /** A Calico selector: every label must match; {@code all()} when there are none. */
  static String selector(SortedMap<String, String> labels) {
    if (labels.isEmpty()) {
      return "all()";
    }
    // A loop, not a stream joining strings: every pod peer of every rule spells one.
    StringBuilder selector = new StringBuilder(32 * labels.size());
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!selector.isEmpty()) {
        selector.append(" && ");
      }
      selector.append(label.getKey()).append(" == '").append(label.getValue()).append('\'');
    }
    return selector.toString();
  }

  /**
   * The other end of a Calico rule: EntityRule fields (empty: every peer), and whether {@code
   * ports} may stand beside them.
   */
  private record Entity(Map<String, Object> fields, boolean takesPorts) {
    static Entity of(Object... keysAndValues) {
      return new Entity(map(keysAndValues), true);
    }
  }

  /** A peer as an EntityRule; null when Calico cannot spell it (the check reported it). */
  private static final class PeerSpelling implements Peer.Cases<Entity> {
    private final Direction direction;

    PeerSpelling(Direction direction) {
      this.direction = direction;
    }

    @Override
    public Entity any(Peer.Any any) {
      return Entity.of();
    }

    @Override
    public Entity nodes(Peer.Nodes nodes) {
      return Entity.of();
    }

    @Override
    public Entity apiServer(Peer.ApiServer apiServer) {
      if (direction == Direction.INGRESS) {
        return Entity.of();
      }
      return new Entity(map("services", map("name", "kubernetes", "namespace", "default")), false);
    }

    @Override
    public Entity fqdn(Peer.Fqdn fqdn) {
      return null;
    }

    @Override
    public Entity cidr(Peer.Cidr cidr) {
      List<Object> except = cidr.except().isEmpty() ? null : new ArrayList<>(cidr.except());
      return Entity.of("nets", list(cidr.cidr()), "notNets", except);
    }

    @Override
    public Entity namespaces(Peer.Namespaces namespaces) {
      String selector = namespaceSelector(namespaces.namespaces());
      // Calico's empty namespaceSelector means the policy's own namespace.
      return selector == null ? Entity.of("selector", "all()") : Entity.of("namespaceSelector", selector);
    }

    @Override
    public Entity pods(Peer.Pods pods) {
      return Entity.of("selector", selector(pods.labels()), "namespaceSelector", namespaceSelector(pods.namespaces()));
    }
  }

  /** A namespaceSelector string; null for the policy's own namespace. */
  private static String namespaceSelector(NamespaceSelector namespaces) {
    return namespaces.accept(
        new NamespaceSelector.Cases<String>() {
          @Override
          public String own(NamespaceSelector.Own own) {
            return null;
          }

          @Override
          public String named(NamespaceSelector.Named named) {
            // Concatenated, not built: a builder of 16 grew twice for each pod peer's namespace.
            return NAMED_NAMESPACE.concat(named.name()).concat("'");
          }

          @Override
          public String labelled(NamespaceSelector.Labelled labelled) {
            return selector(labelled.labels());
          }

          @Override
          public String all(NamespaceSelector.All all) {
            return "all()";
          }
        });
  }
}
