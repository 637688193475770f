package dev.jnp.engine.cnp;

import static dev.jnp.engine.ObjectTree.head;
import static dev.jnp.engine.ObjectTree.labels;
import static dev.jnp.engine.ObjectTree.list;
import static dev.jnp.engine.ObjectTree.map;
import static dev.jnp.engine.ObjectTree.withoutDuplicates;

import dev.jnp.engine.CidrBlock;
import dev.jnp.engine.ObjectId;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.DefaultDeny;
import dev.jnp.ir.Direction;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Rule;
import dev.jnp.yaml.YamlOut;
import dev.jnp.yaml.YamlTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the IR as ClusterNetworkPolicy objects, all in the {@code Baseline} tier.
 *
 * <p>ClusterNetworkPolicy has no implicit isolation, so each allowlist lists its {@code Accept}
 * rules, then the native items, then one closing {@code Deny} per governed direction: from {@code
 * namespaces: {}} (every pod) for ingress; to {@code namespaces: {}} and {@code networks:
 * [0.0.0.0/0, ::/0]} for egress. Ingress from sources that are not pods (nodes, the API server,
 * outside addresses) is outside every peer and stays allowed. Natives go before the closing Deny,
 * where they can still accept something.
 *
 * <p>Objects are cluster-scoped, so names carry the namespace: {@code <namespace>-<workload>},
 * {@code <namespace>-default-deny}. The deny has priority N (the author's order, default 1000); the
 * allowlists get 100, or ⌊N/2⌋ when N ≤ 100; lower runs first.
 *
 * <p>Peers: namespaces and pods by label selectors (a namespace by its {@code
 * kubernetes.io/metadata.name} label); egress CIDRs as {@code networks}, where {@code except} is
 * spelled as the blocks that remain ({@link CidrBlock#difference}); egress to the API server as
 * {@code networks} of its endpoint CIDRs.
 */
final class ClusterNetworkPolicyConverter {
  static final String API_VERSION = "policy.networking.k8s.io/v1alpha2";
  static final String KIND = "ClusterNetworkPolicy";
  static final String TIER = "Baseline";
  static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
  /** The allowlists' priority when the namespace's deny leaves room above it. */
  static final int ALLOWLIST_PRIORITY = 100;
  /** The deny's priority when the source names no order. */
  static final int DEFAULT_DENY_PRIORITY = 1000;
  /** The schema's range of {@code priority}. */
  static final int MAX_PRIORITY = 1000;
  /** The schema's {@code maxItems} for rules, peers, protocols and networks. */
  static final int MAX_ITEMS = 25;

  static final List<Object> EVERY_NETWORK = List.of("0.0.0.0/0", "::/0");

  /** The deny's priority: the order the author wrote, else {@link #DEFAULT_DENY_PRIORITY}. */
  static int denyPriority(DefaultDeny deny) {
    return deny.orderGiven() ? deny.order() : DEFAULT_DENY_PRIORITY;
  }

  /** 100, or half the deny's priority when that leaves no room above 100. */
  static int allowlistPriority(Optional<DefaultDeny> deny) {
    return deny.map(ClusterNetworkPolicyConverter::denyPriority)
        .filter(p -> p <= ALLOWLIST_PRIORITY)
        .map(p -> Math.floorDiv(p, 2))
        .orElse(ALLOWLIST_PRIORITY);
  }

  static String objectName(String namespace, String name) {
    return namespace + "-" + name;
  }

  /** The object of {@code allowlist}, one of {@code policies}. */
  ObjectId allowlist(Allowlist allowlist, PolicySet policies, YamlOut out) {
    String name = objectName(allowlist.namespace(), allowlist.name());
    head(out, API_VERSION, KIND, name, null);
    out.key("spec").beginMap().field("tier", TIER);
    out.field("priority", allowlistPriority(policies.defaultDeny(allowlist.namespace())));
    out.key("subject").beginMap().key("pods").beginMap();
    namespaceByName("namespaceSelector", allowlist.namespace(), out);
    out.key("podSelector").beginMap().labels("matchLabels", allowlist.podLabels()).end();
    out.end().end();
    for (Direction direction : Direction.values()) {
      if (allowlist.governs(direction)) {
        rules(allowlist, direction, out);
      }
    }
    out.end();
    return new ObjectId(KIND, name, Optional.empty());
  }

  ObjectId defaultDeny(DefaultDeny deny, YamlOut out) {
    String name = objectName(deny.namespace(), "default-deny");
    head(out, API_VERSION, KIND, name, null);
    out.key("spec").beginMap().field("tier", TIER).field("priority", denyPriority(deny));
    out.key("subject").beginMap();
    namespaceByName("namespaces", deny.namespace(), out);
    out.end();
    for (Direction direction : Direction.values()) {
      if (deny.covers(direction)) {
        out.key(key(direction)).beginList();
        closingDeny(direction, out);
        out.end();
      }
    }
    out.end();
    return new ObjectId(KIND, name, Optional.empty());
  }

  private static String key(Direction direction) {
    return direction == Direction.INGRESS ? "ingress" : "egress";
  }

  private static String peersKey(Direction direction) {
    return direction == Direction.INGRESS ? "from" : "to";
  }

  /** The rules of one governed direction: Accepts, natives, then the closing Deny. */
  private static void rules(Allowlist allowlist, Direction direction, YamlOut out) {
    out.key(key(direction)).beginList();
    List<Rule> rules = allowlist.rules(direction);
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      accept(rule, direction, allowlist.namespace(), out);
    }
    List<Object> natives = allowlist.nativeItems(ClusterNetworkPolicyBackend.ENGINE, direction);
    for (int i = 0; i < natives.size(); i++) {
      Object item = natives.get(i);
      out.value(item);
    }
    closingDeny(direction, out);
    out.end();
  }

  /** How many rules {@link #rules} writes for one direction: written into a tree, and counted. */
  static int ruleCount(Allowlist allowlist, Direction direction) {
    YamlTree tree = new YamlTree();
    rules(allowlist, direction, tree);
    return ((List<?>) tree.document().get(key(direction))).size();
  }

  /**
   * At least as many as {@link #rules} makes, counted without spelling them: an Accept per rule
   * at most, the natives and the closing Deny.
   */
  static long mostRules(Allowlist allowlist, Direction direction) {
    int natives = allowlist.nativeItems(ClusterNetworkPolicyBackend.ENGINE, direction).size();
    return allowlist.rules(direction).size() + natives + 1L;
  }

  /** Deny every pod (and, for egress, every address): the end of an allowlist. */
  private static void closingDeny(Direction direction, YamlOut out) {
    // Written in place, as everyPeer spells it: every allowlist ends with one or two.
    out.beginMap().field("action", "Deny").key(peersKey(direction)).beginList();
    out.beginMap().key("namespaces").beginMap().end().end();
    if (direction == Direction.EGRESS) {
      out.beginMap().list("networks", EVERY_NETWORK).end();
    }
    out.end().end();
  }

  private static List<Object> everyPeer(Direction direction) {
    List<Object> peers = list(map("namespaces", map()));
    if (direction == Direction.EGRESS) {
      peers.add(map("networks", new ArrayList<>(EVERY_NETWORK)));
    }
    return peers;
  }

  /** The Accept rule for {@code rule}, unless none of its peers adds anything. */
  private static void accept(Rule rule, Direction direction, String namespace, YamlOut out) {
    List<Object> peers = peers(rule, direction, namespace);
    if (!peers.isEmpty()) {
      out.beginMap().field("action", "Accept").field(peersKey(direction), peers);
      out.field("protocols", protocols(rule)).end();
    }
  }

  /** The rule's peers as ClusterNetworkPolicy peers, duplicates dropped. */
  static List<Object> peers(Rule rule, Direction direction, String namespace) {
    List<Object> peers = new ArrayList<>(rule.peers().size() + 1);
    PeerSpelling spelling = new PeerSpelling(direction, namespace);
    for (int p = 0; p < rule.peers().size(); p++) {
      peers.addAll(rule.peers().get(p).accept(spelling));
    }
    return withoutDuplicates(peers);
  }

  /**
   * At least as many as {@link #peers} makes, counted without spelling them: a peer spells as two
   * at most (every pod and every address).
   */
  static long mostPeers(Rule rule) {
    return 2L * rule.peers().size();
  }

  /** The rule's ports as {@code protocols}; null (every protocol and port) when it has none. */
  static List<Object> protocols(Rule rule) {
    if (rule.allPorts()) {
      return null;
    }
    List<Object> protocols = new ArrayList<>(rule.ports().size());
    for (int r = 0; r < rule.ports().size(); r++) {
      PortRange range = rule.ports().get(r);
      Map<String, Object> port =
          range.isSingle()
              ? map("number", range.first())
              : map("range", map("start", range.first(), "end", range.last()));
      protocols.add(
          map(range.protocol().word(), map("destinationPort", port)));
    }
    return withoutDuplicates(protocols);
  }

  /**
   * At least as many blocks as {@link #remainder} makes, counted without making them: each
   * except inside the CIDR splits it once per bit its prefix is longer, and every split adds one
   * block at most.
   */
  static long mostBlocks(Peer.Cidr cidr) {
    int length = prefixLength(cidr.cidr());
    long most = 1;
    for (int h = 0; h < cidr.except().size(); h++) {
      String hole = cidr.except().get(h);
      most += Math.max(0, prefixLength(hole) - length);
    }
    return most;
  }

  /** The prefix length of a CIDR in the IR, written {@code ADDRESS/LENGTH}. */
  private static int prefixLength(String cidr) {
    return Integer.parseInt(cidr, cidr.indexOf('/') + 1, cidr.length(), 10);
  }

  /** What remains of {@code cidr} without its excepts, as CIDRs. */
  static List<CidrBlock> remainder(Peer.Cidr cidr) {
    CidrBlock block = parse(cidr.cidr());
    // A loop, not a stream: this runs for every CIDR peer, in the check and in the writing.
    List<CidrBlock> except = new ArrayList<>(cidr.except().size());
    for (int h = 0; h < cidr.except().size(); h++) {
      String hole = cidr.except().get(h);
      except.add(parse(hole));
    }
    return CidrBlock.difference(block, except);
  }

  private static CidrBlock parse(String cidr) {
    return CidrBlock.parse(cidr)
        .orElseThrow(() -> new IllegalArgumentException("not a CIDR in the IR: " + cidr));
  }

  private static Map<String, Object> namespaceByName(String namespace) {
    return map("matchLabels", map(NAMESPACE_NAME_LABEL, namespace));
  }

  /** Writes a field {@code key} that selects {@code namespace} by its name label. */
  private static void namespaceByName(String key, String namespace, YamlOut out) {
    out.key(key).beginMap().key("matchLabels").beginMap().field(NAMESPACE_NAME_LABEL, namespace).end().end();
  }

  /**
   * A peer as ClusterNetworkPolicy peers: none when the engine has nothing to add (the check
   * reported why), several when it needs both a pod and an address peer.
   */
  private static final class PeerSpelling implements Peer.Cases<List<Object>> {
    private final Direction direction;
    private final String ownNamespace;

    PeerSpelling(Direction direction, String ownNamespace) {
      this.direction = direction;
      this.ownNamespace = ownNamespace;
    }

    @Override
    public List<Object> any(Peer.Any any) {
      return everyPeer(direction);
    }

    @Override
    public List<Object> nodes(Peer.Nodes nodes) {
      // Ingress: nodes are not pods, so the closing Deny never stops them. Egress: the engine
      // cannot select them, and the closing Deny would, so the rule is opened (a note says so).
      return direction == Direction.INGRESS ? List.of() : everyPeer(direction);
    }

    @Override
    public List<Object> apiServer(Peer.ApiServer apiServer) {
      if (direction == Direction.INGRESS || apiServer.cidrs().isEmpty()) {
        return List.of();
      }
      return List.of(map("networks", new ArrayList<Object>(apiServer.cidrs())));
    }

    @Override
    public List<Object> cidr(Peer.Cidr cidr) {
      if (direction == Direction.INGRESS) {
        return List.of();
      }
      List<Object> networks = new ArrayList<>();
      for (CidrBlock block : remainder(cidr)) {
        networks.add(block.toString());
      }
      return networks.isEmpty() ? List.of() : List.of(map("networks", networks));
    }

    @Override
    public List<Object> fqdn(Peer.Fqdn fqdn) {
      return List.of();
    }

    @Override
    public List<Object> namespaces(Peer.Namespaces namespaces) {
      return List.of(map("namespaces", namespaceSelector(namespaces.namespaces())));
    }

    @Override
    public List<Object> pods(Peer.Pods pods) {
      return List.of(
          map(
              "pods",
              map(
                  "namespaceSelector",
                  namespaceSelector(pods.namespaces()),
                  "podSelector",
                  map("matchLabels", labels(pods.labels())))));
    }

    private Map<String, Object> namespaceSelector(NamespaceSelector selector) {
      return selector.accept(
          new NamespaceSelector.Cases<Map<String, Object>>() {
            @Override
            public Map<String, Object> own(NamespaceSelector.Own own) {
              return namespaceByName(ownNamespace);
            }

            @Override
            public Map<String, Object> named(NamespaceSelector.Named named) {
              return namespaceByName(named.name());
            }

            @Override
            public Map<String, Object> labelled(NamespaceSelector.Labelled labelled) {
              return map("matchLabels", labels(labelled.labels()));
            }

            @Override
            public Map<String, Object> all(NamespaceSelector.All all) {
              return map();
            }
          });
    }
  }
}
