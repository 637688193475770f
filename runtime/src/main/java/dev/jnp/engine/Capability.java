package dev.jnp.engine;

import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.SourceSpan;
import dev.jnp.ir.Direction;
import dev.jnp.ir.Peer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The diagnostics backends give for what their engine cannot express. The codes are shared by
 * every engine, so a user searching for one finds the same explanation whichever engine said it.
 *
 * <table>
 *   <caption>Codes</caption>
 *   <tr><th>code</th><th>severity</th><th>meaning</th></tr>
 *   <tr><td>JNP0301</td><td>error</td><td>a peer the engine cannot spell in that direction
 *       ({@code fqdn} on kubernetes, calico, clusterNetworkPolicy; an ingress {@code cidr} on
 *       clusterNetworkPolicy)</td></tr>
 *   <tr><td>JNP0302</td><td>error</td><td>an {@code apiserver} peer without the CIDRs the engine
 *       needs to select it</td></tr>
 *   <tr><td>JNP0303</td><td>error</td><td>cilium: an {@code fqdn} peer in an allowlist without
 *       {@code allow dns}; {@code toFQDNs} only learns addresses through the DNS proxy
 *       rule</td></tr>
 *   <tr><td>JNP0304</td><td>error</td><td>a default-deny order outside the engine's range
 *       (ClusterNetworkPolicy priority is 0–1000)</td></tr>
 *   <tr><td>JNP0305</td><td>error</td><td>a default-deny order that nothing can precede (0): the
 *       allowlists cannot be placed before it</td></tr>
 *   <tr><td>JNP0306</td><td>error</td><td>clusterNetworkPolicy: a {@code cidr … except} whose
 *       remainder takes more than 25 CIDRs</td></tr>
 *   <tr><td>JNP0307</td><td>error</td><td>more rules, peers, protocols or CIDRs than the engine's
 *       schema allows in one list</td></tr>
 *   <tr><td>JNP0310</td><td>info</td><td>the engine cannot select the nodes; the output is wider
 *       than the source</td></tr>
 *   <tr><td>JNP0311</td><td>info</td><td>the engine cannot select the API server as a source; the
 *       output is wider than the source</td></tr>
 * </table>
 */
public final class Capability {
  /**
   * The text of the notes a large file has thousands of, made once for each engine and what it
   * says (the keys are the backends' constants: a few dozen at most). 6,000 notes of a
   * 2,000-workload file made 6,000 strings of ~100 characters, each from a builder of 16.
   */
  private static final Map<Message, String> MESSAGES = new ConcurrentHashMap<>();

  /**
   * A note's text by the method that writes it, the engine, and the peer or direction. A class,
   * not a record: a record's equals and hashCode spin classes on first use, which a cold compile
   * of a sample would pay for (docs/decisions.md).
   */
  private static final class Message {
    private final String note;
    private final String engine;
    private final String subject;

    Message(String note, String engine, String subject) {
      this.note = note;
      this.engine = engine;
      this.subject = subject;
    }

    String engine() {
      return engine;
    }

    String subject() {
      return subject;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Message that
          && note.equals(that.note)
          && engine.equals(that.engine)
          && subject.equals(that.subject);
    }

    @Override
    public int hashCode() {
      return (note.hashCode() * 31 + engine.hashCode()) * 31 + subject.hashCode();
    }
  }

  /** A peer kind the engine has no way to spell. */
  public static final String UNSUPPORTED_PEER = "JNP0301";
  /** An {@code apiserver} peer without the CIDRs an engine needs to select it. */
  public static final String APISERVER_NEEDS_CIDRS = "JNP0302";
  /** Cilium: an {@code fqdn} peer without {@code allow dns}; toFQDNs needs the DNS proxy rule. */
  public static final String FQDN_NEEDS_DNS_RULE = "JNP0303";
  /** A default-deny order outside the range of the engine's precedence field. */
  public static final String ORDER_OUT_OF_RANGE = "JNP0304";
  /** A default-deny order that nothing can precede, so no allowlist can win over it. */
  public static final String ORDER_PRECEDES_ALL = "JNP0305";
  /** A {@code cidr … except} whose remainder needs more CIDRs than the engine allows. */
  public static final String EXCEPT_TOO_FRAGMENTED = "JNP0306";
  /** A list (rules, peers, protocols, CIDRs) longer than the engine's schema allows. */
  public static final String OVER_ENGINE_LIMIT = "JNP0307";
  /**
   * Warning: two allowlists of one namespace may select the same pods on an engine whose
   * allowlists end in their own Deny rules (clusterNetworkPolicy): one's Deny would cut off the
   * other's Accepts, so they would not combine as a union.
   */
  public static final String OVERLAPPING_ALLOWLISTS = "JNP0308";
  /** Note: the engine cannot select the nodes; the rule is opened to every source. */
  public static final String NODES_WIDENED = "JNP0310";
  /** Note: the engine cannot select the API server as a source; the rule is opened. */
  public static final String APISERVER_WIDENED = "JNP0311";

  private Capability() {}

  public static Diagnostic unsupportedPeer(
      String engine, String peer, SourceSpan span, String reason, String hint) {
    return Diagnostic.error(
            UNSUPPORTED_PEER,
            span,
            "the " + engine + " engine cannot express '" + peer + "': " + reason)
        .withHint(hint);
  }

  /** An {@code fqdn} peer where the engine matches no DNS names ({@code reason} says why not). */
  public static Diagnostic fqdnUnsupported(String engine, Peer.Fqdn fqdn, String reason) {
    return unsupportedPeer(engine, "fqdn " + fqdn.name(), fqdn.span(), reason,
        "use 'cidr' with the name's addresses, or the cilium engine (toFQDNs)");
  }

  public static Diagnostic apiServerNeedsCidrs(String engine, SourceSpan span) {
    return Diagnostic.error(
            APISERVER_NEEDS_CIDRS,
            span,
            "the " + engine + " engine cannot select the API server by identity; it needs its"
                + " addresses")
        .withHint(
            "write 'apiserver 10.0.0.1/32' with the endpoint addresses from"
                + " 'kubectl --namespace default get endpoints kubernetes'");
  }

  /** Cilium's {@code toFQDNs} without the DNS rule that feeds its DNS proxy. */
  public static Diagnostic fqdnNeedsDnsRule(String engine, String name, SourceSpan span) {
    return Diagnostic.error(
            FQDN_NEEDS_DNS_RULE,
            span,
            "'fqdn "
                + name
                + "' needs 'allow dns' in the same egress block: the "
                + engine
                + " engine learns the name's addresses only from DNS answers its proxy sees")
        .withHint("add 'allow dns' (or 'allow dns to ns NAME') to this egress block");
  }

  /** A default-deny order beyond what the engine's precedence field can hold. */
  public static Diagnostic orderOutOfRange(
      String engine, int order, int min, int max, SourceSpan span, String hint) {
    return Diagnostic.error(
            ORDER_OUT_OF_RANGE,
            span,
            "the "
                + engine
                + " engine needs the default-deny order in "
                + min
                + "–"
                + max
                + ", not "
                + order)
        .withHint(hint);
  }

  /** A default-deny order that leaves no room for the allowlists before it. */
  public static Diagnostic orderPrecedesAll(String engine, int order, SourceSpan span) {
    return Diagnostic.error(
            ORDER_PRECEDES_ALL,
            span,
            "default deny 'order "
                + order
                + "': nothing can precede it, so on the "
                + engine
                + " engine no allowlist could win over it")
        .withHint("write 'order 1' or more; the allowlists are placed before the deny");
  }

  /** A {@code cidr … except} that the engine can only list as more blocks than it accepts. */
  public static Diagnostic exceptTooFragmented(
      String engine, String cidr, int blocks, int max, SourceSpan span) {
    return Diagnostic.error(
            EXCEPT_TOO_FRAGMENTED,
            span,
            "the "
                + engine
                + " engine has no 'except'; 'cidr "
                + cidr
                + "' less its excepts is "
                + blocks
                + " CIDRs, more than the "
                + max
                + " one peer may list")
        .withHint("list the allowed blocks yourself with fewer, larger CIDRs, or except less");
  }

  /** A list longer than the engine's schema allows. */
  public static Diagnostic overlappingAllowlists(String engine, String first, String second, SourceSpan span) {
    return Diagnostic.warning(
            OVERLAPPING_ALLOWLISTS,
            span,
            "on " + engine + ", workloads '" + first + "' and '" + second + "' may select the same"
                + " pods: each allowlist ends in its own Deny rules, which would cut off the other's"
                + " Accept rules instead of adding to them")
        .withHint("give one a label the other's pods cannot have (a key both select with different"
            + " values), or merge the two workloads");
  }

  public static Diagnostic overEngineLimit(
      String engine, String what, int count, int max, SourceSpan span) {
    return Diagnostic.error(
            OVER_ENGINE_LIMIT,
            span,
            "the " + engine + " engine allows at most " + max + " " + what
                + ", this needs " + count)
        .withHint("split the workload or merge rules so that each list stays within the limit");
  }

  public static Diagnostic nodesWidened(String engine, SourceSpan span) {
    return nodesWidened(engine, span, Direction.INGRESS);
  }

  /** The nodes cannot be selected; the rule is opened to every source or destination. */
  public static Diagnostic nodesWidened(String engine, SourceSpan span, Direction direction) {
    String other = direction == Direction.INGRESS ? "source" : "destination";
    String message = MESSAGES.computeIfAbsent(
        new Message("nodesWidened", engine, other),
        m -> "the " + m.engine() + " engine cannot select nodes; this rule's ports are open to every " + m.subject());
    return Diagnostic.info(NODES_WIDENED, span, message)
        .withHint("the node IP is not a pod; narrow the ports instead, or use the cilium engine");
  }

  public static Diagnostic apiServerWidened(String engine, SourceSpan span) {
    return Diagnostic.info(
            APISERVER_WIDENED,
            span,
            "the " + engine + " engine cannot select the API server as a source; this rule's"
                + " ports are open to every source")
        .withHint("guard the port by TLS and authentication, as an admission webhook does");
  }

  /**
   * A source the engine cannot select and need not: its allowlists deny only pods, so every source
   * that is not a pod (a node, the API server, an outside address) reaches the workload on every
   * port. Code {@link #NODES_WIDENED} or {@link #APISERVER_WIDENED}.
   */
  public static Diagnostic outsidePeers(String code, String engine, String peer, SourceSpan span) {
    String message = MESSAGES.computeIfAbsent(
        new Message("outsidePeers", engine, peer),
        m -> "the " + m.engine() + " engine cannot select '" + m.subject() + "'; nothing is added for it: its"
            + " allowlists deny only pods, so sources that are not pods reach every port");
    return Diagnostic.info(code, span, message)
        .withHint("guard the port by TLS and authentication, or use the cilium engine");
  }
}
