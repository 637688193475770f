package dev.jnp.compiler.lower;

import dev.jnp.compiler.Parallel;
import dev.jnp.compiler.ast.Condition;
import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.ast.PeerExpr;
import dev.jnp.compiler.ast.Word;
import dev.jnp.compiler.ast.WorkloadItem;
import dev.jnp.compiler.check.Codes;
import dev.jnp.compiler.check.Conditions;
import dev.jnp.compiler.check.NativeYaml;
import dev.jnp.compiler.check.Parameters;
import dev.jnp.compiler.check.PortSpec;
import dev.jnp.compiler.check.Resolver;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Diagnostics;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.DefaultDeny;
import dev.jnp.ir.Direction;
import dev.jnp.ir.NamespaceSelector;
import dev.jnp.ir.NativeRules;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.PortRange;
import dev.jnp.ir.Protocol;
import dev.jnp.ir.Rule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lowers a checked file to the IR under one setting of its parameters: conditions decide what is
 * rendered, named ports become numbers, named peers are expanded. It also reports what only the
 * rendered configuration shows: an egress block without DNS, a probe port the kubelet cannot
 * reach, a default deny that cuts off a workload's egress, a rule another rule already covers.
 */
public final class Lowering {
  /** The pods of the cluster DNS, as {@code allow dns} selects them. */
  static final Map<String, String> KUBE_DNS = Map.of("k8s-app", "kube-dns");

  static final String DNS_NAMESPACE = "kube-system";

  /** Declarations lowered as one task: a file of a few is lowered on the calling thread. */
  static final int DECLARATIONS_PER_RUN = 64;

  private final JnpFile file;
  private final Parameters parameters;
  private final Diagnostics diagnostics;
  private final Resolver resolver;
  /** The file's peers by name, the first of each name. */
  private final Map<String, Declaration.Peer> declared;
  private final PeerLowering peers;
  /** The file's namespace, which workloads that name none are in. */
  private final Optional<String> fileNamespace;
  /** The file's default-denies, lowered before its workloads. */
  private final List<DefaultDeny> denies;

  private Lowering(JnpFile file, Parameters parameters, Diagnostics diagnostics, Map<String, Declaration.Peer> declared) {
    this.file = file;
    this.parameters = parameters;
    this.diagnostics = diagnostics;
    this.resolver = new Resolver(parameters, new Diagnostics());
    this.declared = declared;
    this.peers = new PeerLowering(declared, resolver);
    this.fileNamespace =
        file.all(Declaration.Namespace.class).stream().findFirst().map(n -> resolver.text(n.name()).orElseThrow());
    this.denies = new ArrayList<>();
  }

  /** A lowering of a run of {@code whole}'s declarations, with diagnostics of its own. */
  private Lowering(Lowering whole) {
    this.file = whole.file;
    this.parameters = whole.parameters;
    this.diagnostics = new Diagnostics();
    this.resolver = new Resolver(parameters, new Diagnostics());
    this.declared = whole.declared;
    this.peers = new PeerLowering(declared, resolver);
    this.fileNamespace = whole.fileNamespace;
    this.denies = whole.denies;
  }

  /** The IR of {@code file}, which the checker found no error in. */
  public static PolicySet lower(JnpFile file, Parameters parameters, Diagnostics diagnostics) {
    Lowering lowering = of(file, parameters);
    // Workloads are lowered independently, in runs on the machine's cores.
    return lowering.join(Parallel.map(Parallel.runs(file.declarations(), DECLARATIONS_PER_RUN), lowering::lower), diagnostics);
  }

  /**
   * A lowering of {@code file} whose default-denies are lowered. Its workloads are lowered in runs,
   * any number at once, with {@link #lower(List)}, and the runs are joined with {@link #join}. The
   * checker must have found no error in the file as a whole ({@code Checker.of}), nor in the runs
   * lowered.
   */
  public static Lowering of(JnpFile file, Parameters parameters) {
    Map<String, Declaration.Peer> declared = new LinkedHashMap<>();
    file.all(Declaration.Peer.class).forEach(p -> declared.putIfAbsent(p.name().text(), p));
    Lowering lowering = new Lowering(file, parameters, new Diagnostics(), declared);
    lowering.lowerDefaultDenies();
    return lowering;
  }

  /** The file's default-denies, as the allowlists of its runs are rendered with them. */
  public List<DefaultDeny> defaultDenies() {
    return List.copyOf(denies);
  }

  /** The allowlists of a run of workloads, and what lowering them found. */
  public record LoweredRun(List<Allowlist> allowlists, Diagnostics diagnostics) {}

  /** Lowers the workloads of {@code run}, declarations of the file in source order. */
  public LoweredRun lower(List<Declaration> run) {
    Lowering lowering = new Lowering(this);
    List<Allowlist> allowlists = new ArrayList<>(run.size());
    for (Declaration declaration : run) {
      if (declaration instanceof Declaration.Workload workload) {
        String namespace = workload.namespace().isPresent()
            ? lowering.peers.text(workload.namespace().get())
            : fileNamespace.orElseThrow();
        allowlists.add(lowering.workload(workload, namespace));
      }
    }
    return new LoweredRun(allowlists, lowering.diagnostics);
  }

  /**
   * The IR of the file, from {@code runs}, all its declarations in source order; what lowering
   * found goes to {@code found}. The runs are taken in source order, so the result does not
   * depend on the schedule.
   */
  public PolicySet join(List<LoweredRun> runs, Diagnostics found) {
    List<Allowlist> allowlists = new ArrayList<>();
    for (LoweredRun run : runs) {
      allowlists.addAll(run.allowlists());
      found.addAll(run.diagnostics());
    }
    found.addAll(diagnostics);
    for (DefaultDeny deny : denies) {
      checkDenyCoverage(deny, allowlists, found);
    }
    return new PolicySet(allowlists, denies);
  }

  private void lowerDefaultDenies() {
    for (Declaration.DefaultDeny deny : file.all(Declaration.DefaultDeny.class)) {
      if (!Conditions.holds(deny.when(), parameters)) {
        continue;
      }
      String namespace = fileNamespace.orElseThrow();
      Optional<DefaultDeny> earlier = denies.stream().filter(d -> d.namespace().equals(namespace)).findFirst();
      if (earlier.isPresent()) {
        diagnostics.add(
            Diagnostic.error(Codes.DUPLICATE_DEFAULT_DENY, deny.span(), "a second 'default deny' for namespace '" + namespace + "'")
                .withHint("the first is on line " + earlier.get().span().line() + "; a namespace has one: write 'default deny' once for both directions"));
        continue;
      }
      Set<Direction> directions =
          deny.direction()
              .map(d -> EnumSet.of(d == WorkloadItem.Direction.INGRESS ? Direction.INGRESS : Direction.EGRESS))
              .orElse(EnumSet.allOf(Direction.class));
      int order = deny.order().map(o -> Integer.parseInt(peers.text(o))).orElse(DefaultDeny.DEFAULT_ORDER);
      denies.add(new DefaultDeny(namespace, directions, order, deny.order().isPresent(), deny.span()));
    }
  }

  // What runs for every workload, its rules and their ports is written without streams and
  // capturing lambdas: in a cold run each is an object made through a method handle
  // (docs/decisions.md, "Streams and lambdas off the paths taken per workload").
  private Allowlist workload(Declaration.Workload workload, String namespace) {
    Map<String, String> podLabels = Map.of();
    Map<String, WorkloadItem.Port> declaredPorts = new LinkedHashMap<>();
    List<Rule> ingress = new ArrayList<>();
    Optional<List<Rule>> egress = Optional.empty();
    List<NativeRules> natives = new ArrayList<>();
    for (int i = 0; i < workload.items().size(); i++) {
      WorkloadItem item = workload.items().get(i);
      if (item instanceof WorkloadItem.Select select) {
        podLabels = peers.labels(select.labels());
      } else if (item instanceof WorkloadItem.Port port) {
        declaredPorts.putIfAbsent(port.name().text(), port);
      }
    }
    for (int i = 0; i < workload.items().size(); i++) {
      WorkloadItem item = workload.items().get(i);
      if (item instanceof WorkloadItem.Allow allow && holds(allow.when())) {
        Rule rule = rule(allow, declaredPorts);
        if (rule != null) {
          ingress.add(rule);
        }
      } else if (item instanceof WorkloadItem.Egress block && holds(block.when())) {
        List<Rule> rules = new ArrayList<>();
        for (int j = 0; j < block.items().size(); j++) {
          WorkloadItem inner = block.items().get(j);
          if (inner instanceof WorkloadItem.Allow allow && holds(allow.when())) {
            Rule rule = rule(allow, declaredPorts);
            if (rule != null) {
              rules.add(rule);
            }
          } else if (inner instanceof WorkloadItem.AllowDns dns && holds(dns.when())) {
            rules.add(dnsRule(dns));
          } else if (inner instanceof WorkloadItem.Native block2) {
            natives.add(nativeRules(block2));
          }
        }
        boolean dns = false;
        for (int r = 0; r < rules.size(); r++) {
          Rule rule = rules.get(r);
          dns |= rule.dns();
        }
        if (!dns) {
          diagnostics.add(
              Diagnostic.warning(Codes.EGRESS_WITHOUT_DNS, block.span(), "this egress block has no DNS rule, so every name lookup of '" + workload.name().text() + "' fails")
                  .withHint("add 'allow dns' (kube-dns in kube-system), or 'allow dns to ns NAME'"));
        }
        egress = Optional.of(rules);
      } else if (item instanceof WorkloadItem.Native block) {
        natives.add(nativeRules(block));
      }
    }
    checkProbes(workload, declaredPorts, ingress);
    reportShadowed(ingress);
    if (egress.isPresent()) {
      reportShadowed(egress.get());
    }
    return new Allowlist(workload.name().text(), namespace, podLabels, ingress, egress, natives, workload.span());
  }

  private boolean holds(Optional<Condition> when) {
    return Conditions.holds(when, parameters);
  }

  /** A rule, or null when every port it names is switched off by its {@code when}. */
  private Rule rule(WorkloadItem.Allow allow, Map<String, WorkloadItem.Port> declaredPorts) {
    List<PortRange> ranges = new ArrayList<>(allow.ports().size());
    for (int p = 0; p < allow.ports().size(); p++) {
      Word port = allow.ports().get(p);
      if (port.isParamRef() || PortSpec.looksLikeSpec(port.text())) {
        ranges.add(PortSpec.parse(peers.text(port)).range());
      } else {
        WorkloadItem.Port declared = declaredPorts.get(port.text());
        if (holds(declared.when())) {
          ranges.add(PortSpec.parse(peers.text(declared.spec())).range());
        }
      }
    }
    if (!allow.ports().isEmpty() && ranges.isEmpty()) {
      return null;
    }
    return new Rule(ranges, peers.lower(allow.peers()), false, allow.span());
  }

  private Rule dnsRule(WorkloadItem.AllowDns dns) {
    List<Peer> to = new ArrayList<>();
    if (dns.peers().isEmpty()) {
      to.add(new Peer.Pods(KUBE_DNS, new NamespaceSelector.Named(DNS_NAMESPACE), dns.span()));
    }
    for (int p = 0; p < dns.peers().size(); p++) {
      PeerExpr peer = dns.peers().get(p);
      if (peer instanceof PeerExpr.Namespace ns) {
        to.add(new Peer.Pods(KUBE_DNS, new NamespaceSelector.Named(peers.text(ns.name())), peer.span()));
      } else {
        to.addAll(peers.lower(List.of(peer)));
      }
    }
    List<PortRange> ports = List.of(PortRange.single(53, Protocol.UDP), PortRange.single(53, Protocol.TCP));
    return new Rule(ports, to, true, dns.span());
  }

  private NativeRules nativeRules(WorkloadItem.Native block) {
    Direction direction = block.direction() == WorkloadItem.Direction.INGRESS ? Direction.INGRESS : Direction.EGRESS;
    List<Object> items = NativeYaml.items(block, new Diagnostics()).orElseThrow();
    return new NativeRules(peers.text(block.engine()), direction, items, block.span());
  }

  /** A probe port must be reachable from the nodes, or the pods never become ready. */
  private void checkProbes(Declaration.Workload workload, Map<String, WorkloadItem.Port> ports, List<Rule> ingress) {
    for (WorkloadItem.Port port : ports.values()) {
      if (!port.probe() || !holds(port.when())) {
        continue;
      }
      PortRange range = PortSpec.parse(peers.text(port.spec())).range();
      boolean reachable = false;
      for (int r = 0; r < ingress.size(); r++) {
        Rule rule = ingress.get(r);
        reachable |= fromNodes(rule) && (rule.allPorts() || covers(rule.ports(), range));
      }
      if (!reachable) {
        diagnostics.add(
            Diagnostic.error(Codes.PROBE_NOT_FROM_NODES, port.span(), "probe port '" + port.name().text() + "' is not allowed from nodes: the kubelet's probes would fail and the pods never become ready")
                .withHint("add 'allow " + port.name().text() + " from nodes'"));
      }
    }
  }

  /** Whether {@code rule} allows the nodes (or every source). */
  private static boolean fromNodes(Rule rule) {
    for (int p = 0; p < rule.peers().size(); p++) {
      Peer peer = rule.peers().get(p);
      if (peer instanceof Peer.Nodes || peer instanceof Peer.Any) {
        return true;
      }
    }
    return false;
  }

  /** Whether one of {@code ports} holds the whole of {@code range}. */
  private static boolean covers(List<PortRange> ports, PortRange range) {
    for (int i = 0; i < ports.size(); i++) {
      PortRange r = ports.get(i);
      if (r.protocol() == range.protocol() && r.first() <= range.first() && range.last() <= r.last()) {
        return true;
      }
    }
    return false;
  }

  private static void checkDenyCoverage(DefaultDeny deny, List<Allowlist> allowlists, Diagnostics diagnostics) {
    if (!deny.covers(Direction.EGRESS)) {
      return;
    }
    for (Allowlist allowlist : allowlists) {
      if (allowlist.namespace().equals(deny.namespace()) && !allowlist.governs(Direction.EGRESS)) {
        diagnostics.add(
            Diagnostic.warning(Codes.DENY_EGRESS_WITHOUT_BLOCK, deny.span(), "this default deny covers egress, and workload '" + allowlist.name() + "' has no egress block: all its outbound traffic is denied, DNS included")
                .withHint("give '" + allowlist.name() + "' an 'egress { allow dns … }' block, or write 'default deny ingress'"));
      }
    }
  }

  /**
   * Notes a rule that allows nothing another rule of the same direction does not already allow:
   * one inside a wider rule, or the later of two that allow the same.
   */
  private void reportShadowed(List<Rule> rules) {
    ShadowedRules shadowed = new ShadowedRules(rules);
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      Optional<Rule> other = shadowed.covering(i);
      if (other.isPresent()) {
        diagnostics.add(
            Diagnostic.info(Codes.SHADOWED_RULE, rule.span(), "this rule allows nothing that the rule on line " + other.get().span().line() + " does not already allow")
                .withHint("remove it, or narrow the other rule"));
      }
    }
  }
}
