package dev.jnp.compiler.check;

import dev.jnp.compiler.Parallel;
import dev.jnp.compiler.ast.Condition;
import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.Endpoint;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.ast.Label;
import dev.jnp.compiler.ast.PeerExpr;
import dev.jnp.compiler.ast.Word;
import dev.jnp.compiler.ast.WorkloadItem;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Diagnostics;
import dev.jnp.engine.Backends;
import dev.jnp.engine.CidrBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks a parsed file for every mistake that needs neither an engine nor the flow evaluator:
 * names, values, structure. It keeps going after an error, so one mistake is reported once and
 * the rest of the file is still checked. What depends on parameter values being true or false is
 * the lowering's to check.
 */
public final class Checker {
  /** More rules than this in one workload is a generator gone wrong, not a policy. */
  public static final int MAX_RULES_PER_WORKLOAD = 1000;

  /**
   * The rules of a file may stand for this many peers once the peers they name are written out:
   * a rule that names a large peer writes it out again, and a 1 MB file of rules naming a peer of
   * 10,000 ran out of memory.
   */
  public static final long MAX_PEERS_IN_RULES = 1_000_000;

  /** Declarations checked as one task: a file of a few is checked on the calling thread. */
  static final int DECLARATIONS_PER_RUN = 64;

  private final JnpFile file;
  private final Parameters parameters;
  private final Diagnostics diagnostics;
  private final Resolver resolver;
  private final Map<String, Declaration.Peer> peers;
  private final Map<String, Declaration.Workload> workloads;
  /** How many peers each declared peer stands for, once the peers it names are written out. */
  private Map<String, Long> peerSizes = Map.of();
  /** How many peers the rules so far stand for, written out. */
  private long peersInRules;
  /** Whether the file declares its namespace: asked for every workload that names none. */
  private final boolean namespaceDeclared;
  /** How many peers the rules of the runs checked so far stand for, written out, in any order. */
  private final AtomicLong peersInRunsSoFar;

  private Checker(JnpFile file, Parameters parameters, Diagnostics diagnostics) {
    this.file = file;
    this.parameters = parameters;
    this.diagnostics = diagnostics;
    this.resolver = new Resolver(parameters, diagnostics);
    this.peers = new LinkedHashMap<>();
    this.workloads = new LinkedHashMap<>();
    this.namespaceDeclared = !file.all(Declaration.Namespace.class).isEmpty();
    this.peersInRunsSoFar = new AtomicLong();
  }

  /** A checker for a run of {@code whole}'s declarations, once its peers and workloads are known. */
  private Checker(Checker whole, Diagnostics diagnostics) {
    this.file = whole.file;
    this.parameters = whole.parameters;
    this.diagnostics = diagnostics;
    this.resolver = new Resolver(parameters, diagnostics);
    this.peers = whole.peers;
    this.workloads = whole.workloads;
    this.peerSizes = whole.peerSizes;
    this.namespaceDeclared = whole.namespaceDeclared;
    this.peersInRunsSoFar = whole.peersInRunsSoFar;
  }

  /** Checks {@code file} with its parameters resolved; what is wrong goes to {@code diagnostics}. */
  public static void check(JnpFile file, Parameters parameters, Diagnostics diagnostics) {
    Checker checker = of(file, parameters, diagnostics);
    // The declarations are checked independently, in runs on the machine's cores.
    checker.join(Parallel.map(Parallel.runs(file.declarations(), DECLARATIONS_PER_RUN), checker::check));
  }

  /**
   * A checker of {@code file} that has checked what only the whole file shows, into {@code
   * diagnostics}: its engine and namespace, the names of its peers and workloads, its peers'
   * declarations and its default-denies. The rest of its declarations is checked in runs, any
   * number at once, with {@link #check(List)}, and the runs are joined with {@link #join}.
   */
  public static Checker of(JnpFile file, Parameters parameters, Diagnostics diagnostics) {
    Checker checker = new Checker(file, parameters, diagnostics);
    checker.checkWhole();
    return checker;
  }

  /**
   * What checking a run of declarations found. {@code clean} when it found no error and the rules
   * of the runs checked so far stay within {@link #MAX_PEERS_IN_RULES}: such a run may be lowered
   * before the rest of the file is checked.
   */
  public record CheckedRun(Diagnostics diagnostics, long peersInRules, boolean clean) {}

  /** Checks {@code run}, declarations of the file in source order, but for its default-denies. */
  public CheckedRun check(List<Declaration> run) {
    Checker checker = new Checker(this, new Diagnostics()).declarations(run);
    long soFar = peersInRunsSoFar.addAndGet(checker.peersInRules);
    return new CheckedRun(
        checker.diagnostics, checker.peersInRules, !checker.diagnostics.hasErrors() && soFar <= MAX_PEERS_IN_RULES);
  }

  /**
   * Takes what {@code runs}, all the file's declarations in source order, found. Only the count of
   * peers in rules runs across them: when the runs together pass its limit, the file is checked
   * again in one run, which reports the rule where the count passed it.
   */
  public void join(List<CheckedRun> runs) {
    long written = peersInRules + runs.stream().mapToLong(CheckedRun::peersInRules).sum();
    if (written > MAX_PEERS_IN_RULES) {
      declarations(file.declarations());
      return;
    }
    runs.forEach(run -> diagnostics.addAll(run.diagnostics()));
    peersInRules = written;
  }

  private void checkWhole() {
    checkSingle(Declaration.Engine.class, "engine");
    checkSingle(Declaration.Namespace.class, "namespace");
    for (Declaration.Engine engine : file.all(Declaration.Engine.class)) {
      engineName(engine.engine());
    }
    for (Declaration.Namespace namespace : file.all(Declaration.Namespace.class)) {
      namespaceName(namespace.name());
    }
    for (Declaration.Peer peer : file.all(Declaration.Peer.class)) {
      String name = peer.name().text();
      if (peers.containsKey(name)) {
        duplicate(Codes.DUPLICATE_PEER, "peer", peer.name(), peers.get(name).span().line());
      } else {
        peers.put(name, peer);
      }
    }
    for (Declaration.Workload workload : file.all(Declaration.Workload.class)) {
      String name = workload.name().text();
      if (workloads.containsKey(name)) {
        duplicate(Codes.DUPLICATE_WORKLOAD, "workload", workload.name(), workloads.get(name).span().line());
      } else {
        workloads.put(name, workload);
      }
    }
    peerSizes = PeerReferences.check(peers, diagnostics);
    for (Declaration.Peer peer : peers.values()) {
      peer.peers().forEach(p -> peer(p, WorkloadItem.Direction.INGRESS, true));
    }
    // A default-deny is lowered before the workloads, which the order it sets is rendered into.
    for (Declaration.DefaultDeny deny : file.all(Declaration.DefaultDeny.class)) {
      defaultDeny(deny);
    }
  }

  /** Checks {@code run}, declarations of the file in source order; returns this checker. */
  private Checker declarations(List<Declaration> run) {
    for (Declaration declaration : run) {
      if (declaration instanceof Declaration.Workload workload) {
        workload(workload);
      } else if (declaration instanceof Declaration.Expect expect) {
        endpoint(expect.client());
        endpoint(expect.server());
        condition(expect.when());
      }
    }
    return this;
  }

  private <T extends Declaration> void checkSingle(Class<T> kind, String keyword) {
    List<T> all = file.all(kind);
    for (int i = 1; i < all.size(); i++) {
      diagnostics.add(
          Diagnostic.error(Codes.DUPLICATE_DECLARATION, all.get(i).span(), "a second '" + keyword + "' declaration")
              .withHint("a file has one; the first is on line " + all.get(0).span().line()));
    }
  }

  private void duplicate(String code, String kind, Word name, int firstLine) {
    diagnostics.add(
        Diagnostic.error(code, name.span(), kind + " '" + name.text() + "' is declared twice")
            .withHint("the first is on line " + firstLine + "; rename one or merge them"));
  }

  private void engineName(Word word) {
    resolver.text(word).ifPresent(engine -> {
      if (!Backends.ENGINES.contains(engine)) {
        diagnostics.add(
            Diagnostic.error(Codes.UNKNOWN_ENGINE, word.span(), "unknown engine " + Resolver.describe(word, engine))
                .withHint(Suggestions.closest(engine, Backends.ENGINES)
                    .map(s -> "did you mean '" + s + "'?")
                    .orElse("the engines are " + String.join(", ", Backends.ENGINES))));
      }
    });
  }

  private Optional<String> namespaceName(Word word) {
    Optional<String> name = resolver.text(word);
    if (name.isPresent()) {
      Optional<String> problem = Names.dnsLabel(name.get());
      if (problem.isPresent()) {
        diagnostics.add(
            Diagnostic.error(Codes.BAD_NAMESPACE, word.span(), "namespace " + Resolver.describe(word, name.get()) + " " + problem.get())
                .withHint("namespace names are RFC 1123 labels, e.g. flux-system"));
        return Optional.empty();
      }
    }
    return name;
  }

  // What runs for every workload, its items and their peers is written without lambdas and
  // Optional.ifPresent: in a cold run each capturing lambda is an object made through a method
  // handle, ~50 a workload (docs/decisions.md, "Streams and lambdas off the paths taken per
  // workload").
  private void workload(Declaration.Workload workload) {
    Optional<String> badName = Names.dnsLabel(workload.name().text());
    if (badName.isPresent()) {
      diagnostics.add(
          Diagnostic.error(Codes.BAD_NAME, workload.name().span(), "workload name '" + workload.name().text() + "' " + badName.get())
              .withHint("it names the rendered policy object, so it must be an RFC 1123 label"));
    }
    if (workload.namespace().isPresent()) {
      namespaceName(workload.namespace().get());
    } else if (!namespaceDeclared) {
      diagnostics.add(
          Diagnostic.error(Codes.NO_NAMESPACE, workload.name().span(), "workload '" + workload.name().text() + "' has no namespace")
              .withHint("add 'namespace NAME' at the top of the file, or write 'workload " + workload.name().text() + " in NAME'"));
    }
    List<WorkloadItem.Select> selects = new ArrayList<>();
    Map<String, WorkloadItem.Port> ports = new LinkedHashMap<>();
    List<WorkloadItem.Egress> egressBlocks = new ArrayList<>();
    for (int i = 0; i < workload.items().size(); i++) {
      WorkloadItem item = workload.items().get(i);
      if (item instanceof WorkloadItem.Select select) {
        selects.add(select);
      } else if (item instanceof WorkloadItem.Port port) {
        String name = port.name().text();
        if (ports.containsKey(name)) {
          duplicate(Codes.DUPLICATE_PORT, "port", port.name(), ports.get(name).span().line());
        } else {
          ports.put(name, port);
        }
      } else if (item instanceof WorkloadItem.Egress egress) {
        egressBlocks.add(egress);
      }
    }
    if (selects.isEmpty()) {
      diagnostics.add(
          Diagnostic.error(Codes.NO_SELECT, workload.name().span(), "workload '" + workload.name().text() + "' selects no pods")
              .withHint("add 'select KEY=VALUE, …' with the labels of its pods"));
    }
    for (int i = 1; i < selects.size(); i++) {
      diagnostics.add(
          Diagnostic.error(Codes.TWO_SELECTS, selects.get(i).span(), "a second 'select' in workload '" + workload.name().text() + "'")
              .withHint("list every label in one select: select a=x, b=y"));
    }
    for (int i = 1; i < egressBlocks.size(); i++) {
      diagnostics.add(
          Diagnostic.error(Codes.TWO_EGRESS_BLOCKS, egressBlocks.get(i).span(), "a second 'egress' block in workload '" + workload.name().text() + "'")
              .withHint("put every egress rule in one block; give single rules their own 'when'"));
    }
    for (int i = 0; i < workload.items().size(); i++) {
      WorkloadItem item = workload.items().get(i);
      item(item, workload, ports);
    }
    List<WorkloadItem> rules = new ArrayList<>();
    for (int i = 0; i < workload.items().size(); i++) {
      WorkloadItem item = workload.items().get(i);
      if (item instanceof WorkloadItem.Egress egress) {
        rules.addAll(egress.items());
      } else {
        rules.add(item);
      }
    }
    rules.removeIf(r -> !(r instanceof WorkloadItem.Allow || r instanceof WorkloadItem.AllowDns));
    if (rules.size() > MAX_RULES_PER_WORKLOAD) {
      diagnostics.add(
          Diagnostic.error(Codes.TOO_MANY_RULES, rules.get(MAX_RULES_PER_WORKLOAD).span(),
                  "workload '" + workload.name().text() + "' has " + rules.size() + " rules; at most " + MAX_RULES_PER_WORKLOAD + " are allowed")
              .withHint("merge rules that share peers or ports, or split the pods into several workloads"));
    }
  }

  private void item(WorkloadItem item, Declaration.Workload workload, Map<String, WorkloadItem.Port> ports) {
    if (item instanceof WorkloadItem.Select select) {
      labels(select.labels());
    } else if (item instanceof WorkloadItem.Port port) {
      portSpec(port.spec());
      condition(port.when());
    } else if (item instanceof WorkloadItem.Allow allow) {
      allow(allow, ports);
    } else if (item instanceof WorkloadItem.AllowDns dns) {
      for (int p = 0; p < dns.peers().size(); p++) {
        PeerExpr peer = dns.peers().get(p);
        peer(peer, WorkloadItem.Direction.EGRESS, false);
      }
      condition(dns.when());
    } else if (item instanceof WorkloadItem.Egress egress) {
      condition(egress.when());
      for (int i = 0; i < egress.items().size(); i++) {
        WorkloadItem inner = egress.items().get(i);
        item(inner, workload, ports);
      }
    } else if (item instanceof WorkloadItem.Native block) {
      resolver.text(block.engine()).ifPresent(engine -> {
        if (!Backends.ENGINES.contains(engine)) {
          engineName(block.engine());
        }
      });
      NativeYaml.items(block, diagnostics);
    }
  }

  private void allow(WorkloadItem.Allow allow, Map<String, WorkloadItem.Port> ports) {
    boolean egress = allow.written() == WorkloadItem.Direction.EGRESS;
    if (egress != allow.inEgressBlock()) {
      diagnostics.add(
          Diagnostic.error(
                  Codes.MISPLACED_RULE,
                  allow.span(),
                  egress
                      ? "'allow … to …' is an egress rule and belongs in the workload's 'egress { … }' block"
                      : "'allow … from …' is an ingress rule and belongs in the workload, outside its 'egress' block")
              .withHint(egress
                  ? "move it into 'egress { … }' (which makes egress default-deny), or write 'from' for ingress"
                  : "move it out of the egress block, or write 'to' for an egress destination"));
    }
    for (int p = 0; p < allow.ports().size(); p++) {
      Word port = allow.ports().get(p);
      if (port.isParamRef() || PortSpec.looksLikeSpec(port.text())) {
        portSpec(port);
      } else if (!ports.containsKey(port.text())) {
        diagnostics.add(
            Diagnostic.error(Codes.UNKNOWN_PORT, port.span(), "unknown port '" + port.text() + "'")
                .withHint(Suggestions.hint(port.text(), ports.keySet(), "port")));
      }
    }
    for (int p = 0; p < allow.peers().size(); p++) {
      PeerExpr peer = allow.peers().get(p);
      peer(peer, allow.written(), false);
    }
    condition(allow.when());
  }

  private void portSpec(Word word) {
    Optional<String> text = resolver.text(word);
    if (text.isEmpty()) {
      return;
    }
    PortSpec.Parsed parsed = PortSpec.parse(text.get());
    if (!parsed.ok()) {
      diagnostics.add(Diagnostic.error(parsed.code(), word.span(), parsed.message()).withHint(parsed.hint()));
    }
  }

  private void labels(List<Label> labels) {
    // Sized for the labels, not the default 16: every selector of every workload makes one.
    Map<String, Label> seen = new HashMap<>(labels.size() * 2);
    for (int l = 0; l < labels.size(); l++) {
      Label label = labels.get(l);
      Optional<String> key = resolver.text(label.key());
      Optional<String> value = resolver.text(label.value());
      if (key.isPresent()) {
        String k = key.get();
        Optional<String> problem = Names.labelKey(k);
        if (problem.isPresent()) {
          diagnostics.add(
              Diagnostic.error(Codes.BAD_LABEL_KEY, label.key().span(), "label key " + Resolver.describe(label.key(), k) + " " + problem.get())
                  .withHint("label keys are [prefix/]name, e.g. app.kubernetes.io/name"));
        }
        if (seen.containsKey(k)) {
          diagnostics.add(
              Diagnostic.error(Codes.DUPLICATE_LABEL, label.key().span(), "label '" + k + "' is given twice")
                  .withHint("a selector matches one value per key"));
        }
        seen.put(k, label);
      }
      if (value.isPresent()) {
        String v = value.get();
        Optional<String> problem = Names.labelValue(v);
        if (problem.isPresent()) {
          diagnostics.add(
              Diagnostic.error(Codes.BAD_LABEL_VALUE, label.value().span(), "label value " + Resolver.describe(label.value(), v) + " " + problem.get())
                  .withHint("label values are at most 63 characters of letters, digits, '-', '_' and '.'"));
        }
      }
    }
  }

  /** Checks a peer; {@code inDeclaration} when it stands in a top-level {@code peer}. */
  private void peer(PeerExpr peer, WorkloadItem.Direction direction, boolean inDeclaration) {
    if (!inDeclaration) {
      countWrittenOut(peer);
    }
    if (peer instanceof PeerExpr.Namespace ns) {
      namespaceName(ns.name());
    } else if (peer instanceof PeerExpr.NamespacesWhere where) {
      labels(where.labels());
    } else if (peer instanceof PeerExpr.Pods pods) {
      labels(pods.labels());
      PeerExpr.PodNamespace in = pods.in().orElse(null);
      if (in instanceof PeerExpr.PodNamespace.Named named) {
        namespaceName(named.name());
      } else if (in instanceof PeerExpr.PodNamespace.Where where) {
        labels(where.labels());
      }
    } else if (peer instanceof PeerExpr.Cidr cidr) {
      Optional<CidrBlock> block = cidr(cidr.block());
      for (int e = 0; e < cidr.except().size(); e++) {
        Word except = cidr.except().get(e);
        Optional<CidrBlock> hole = cidr(except);
        if (block.isPresent() && hole.isPresent() && !block.get().contains(hole.get())) {
          diagnostics.add(
              Diagnostic.error(Codes.EXCEPT_OUTSIDE_BLOCK, except.span(), "except " + hole.get() + " is not inside " + block.get())
                  .withHint("an except entry must lie within the cidr it narrows"));
        }
      }
    } else if (peer instanceof PeerExpr.Fqdn fqdn) {
      if (direction == WorkloadItem.Direction.INGRESS && !inDeclaration) {
        diagnostics.add(
            Diagnostic.error(Codes.FQDN_INGRESS, fqdn.span(), "an fqdn peer can only be a destination")
                .withHint("DNS names select egress destinations; for a source, use cidr"));
      }
      resolver.text(fqdn.name()).ifPresent(name ->
          Names.fqdn(name).ifPresent(problem ->
              diagnostics.add(
                  Diagnostic.error(Codes.BAD_FQDN, fqdn.name().span(), Resolver.describe(fqdn.name(), name) + " " + problem)
                      .withHint("write a name (bucket.example.com) or a pattern (*.example.com)"))));
    } else if (peer instanceof PeerExpr.ApiServer apiServer) {
      apiServer.addresses().forEach(this::cidr);
    } else if (peer instanceof PeerExpr.Named named) {
      Declaration.Peer declared = peers.get(named.name().text());
      if (declared == null) {
        diagnostics.add(
            Diagnostic.error(Codes.UNKNOWN_PEER, named.span(), "unknown peer '" + named.name().text() + "'")
                .withHint(Suggestions.hint(named.name().text(), peers.keySet(), "peer")));
      } else if (direction == WorkloadItem.Direction.INGRESS && !inDeclaration) {
        for (PeerExpr inner : declared.peers()) {
          if (inner instanceof PeerExpr.Fqdn fqdn) {
            diagnostics.add(
                Diagnostic.error(Codes.FQDN_INGRESS, named.span(), "peer '" + named.name().text() + "' holds an fqdn, which can only be a destination")
                    .withHint("DNS names select egress destinations; for a source, use cidr"));
          }
        }
      }
    }
  }

  private void countWrittenOut(PeerExpr peer) {
    boolean under = peersInRules <= MAX_PEERS_IN_RULES;
    peersInRules += peer instanceof PeerExpr.Named named ? peerSizes.getOrDefault(named.name().text(), 1L) : 1;
    if (under && peersInRules > MAX_PEERS_IN_RULES) {
      diagnostics.add(
          Diagnostic.error(Codes.TOO_MANY_PEERS, peer.span(),
                  "the file's rules stand for more than " + MAX_PEERS_IN_RULES + " peers once the peers they name are written out")
              .withHint("each rule that names a peer writes all it stands for out again: name large peers in fewer rules"));
    }
  }

  private Optional<CidrBlock> cidr(Word word) {
    Optional<String> text = resolver.text(word);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    CidrSyntax.Parsed parsed = CidrSyntax.parse(text.get());
    if (parsed.block().isEmpty()) {
      String message = word.isParamRef() ? parsed.message() + " (from $" + word.text() + ")" : parsed.message();
      diagnostics.add(Diagnostic.error(Codes.BAD_CIDR, word.span(), message).withHint(parsed.hint()));
    }
    return parsed.block();
  }

  private void defaultDeny(Declaration.DefaultDeny deny) {
    if (!namespaceDeclared) {
      diagnostics.add(
          Diagnostic.error(Codes.NO_NAMESPACE, deny.span(), "'default deny' needs the file's namespace")
              .withHint("add 'namespace NAME' at the top of the file"));
    }
    deny.order().ifPresent(order -> resolver.text(order).ifPresent(text -> {
      if (!text.matches("\\d{1,9}")) {
        diagnostics.add(
            Diagnostic.error(Codes.BAD_ORDER, order.span(), "order " + Resolver.describe(order, text) + " is not a whole number")
                .withHint("write a number such as 2000; the allowlists are placed before it"));
      }
    }));
    condition(deny.when());
  }

  private void endpoint(Endpoint endpoint) {
    if (endpoint instanceof Endpoint.Namespace ns) {
      namespaceName(ns.name());
    } else if (endpoint instanceof Endpoint.Pods pods) {
      labels(pods.labels());
      pods.namespace().ifPresent(this::namespaceName);
    } else if (endpoint instanceof Endpoint.Plain plain) {
      Optional<String> text = resolver.text(plain.word());
      if (text.isEmpty()) {
        return;
      }
      EndpointWord parsed = EndpointWord.parse(text.get());
      if (parsed.kind() == EndpointWord.Kind.WORKLOAD) {
        Declaration.Workload workload = workloads.get(parsed.base());
        if (workload == null) {
          diagnostics.add(
              Diagnostic.error(Codes.UNKNOWN_WORKLOAD, plain.span(), "unknown workload '" + parsed.base() + "'")
                  .withHint(Suggestions.hint(parsed.base(), workloads.keySet(), "workload")));
        } else if (parsed.port().isPresent() && !PortSpec.looksLikeSpec(parsed.port().get())) {
          Set<String> portNames = new HashSet<>();
          workload.items().stream()
              .filter(WorkloadItem.Port.class::isInstance)
              .forEach(p -> portNames.add(((WorkloadItem.Port) p).name().text()));
          if (!portNames.contains(parsed.port().get())) {
            diagnostics.add(
                Diagnostic.error(Codes.UNKNOWN_PORT, plain.span(), "workload '" + parsed.base() + "' has no port '" + parsed.port().get() + "'")
                    .withHint(Suggestions.hint(parsed.port().get(), portNames, "port")));
          }
        }
      }
      parsed.problem().ifPresent(problem ->
          diagnostics.add(Diagnostic.error(Codes.BAD_ENDPOINT, plain.span(), problem)
              .withHint("write WORKLOAD[:PORT], ADDRESS:PORT[/PROTO] or apiserver[:PORT]")));
    } else if (endpoint instanceof Endpoint.Fqdn fqdn) {
      resolver.text(fqdn.name()).ifPresent(text -> {
        int colon = text.lastIndexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        Names.fqdn(name).ifPresent(problem ->
            diagnostics.add(Diagnostic.error(Codes.BAD_FQDN, fqdn.name().span(), "'" + name + "' " + problem)
                .withHint("write fqdn NAME[:PORT]")));
      });
    }
  }

  /** Checks that a condition names only declared boolean parameters, and can be true. */
  private void condition(Condition condition) {
    Conditions.check(condition, resolver.parameters(), diagnostics);
  }

  /** {@link #condition(Condition)}, when there is one. */
  private void condition(Optional<Condition> condition) {
    if (condition.isPresent()) {
      condition(condition.get());
    }
  }
}
