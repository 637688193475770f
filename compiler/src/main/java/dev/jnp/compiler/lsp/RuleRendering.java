package dev.jnp.compiler.lsp;

import dev.jnp.compiler.ast.Condition;
import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.ast.WorkloadItem;
import dev.jnp.compiler.check.Checker;
import dev.jnp.compiler.check.Conditions;
import dev.jnp.compiler.check.Parameters;
import dev.jnp.compiler.check.PortSpec;
import dev.jnp.compiler.check.Resolver;
import dev.jnp.compiler.lower.Lowering;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Diagnostics;
import dev.jnp.engine.Backend;
import dev.jnp.engine.Backends;
import dev.jnp.engine.PolicyObject;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.Direction;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.Rule;
import dev.jnp.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@code allow} rule renders to on the file's engine, with the parameters' defaults:
 * the workload's allowlist is lowered as {@code jnp compile} lowers it, cut down to this one rule,
 * and rendered by the engine's real backend; the entries of that object's {@code spec.ingress} or
 * {@code spec.egress} less those the object has with no rule at all (a closing deny, say) are the
 * rule's share, written with the YAML writer. An engine that keeps its rules elsewhere gets the
 * whole single-rule object. Unlike a cut by position in the full object, this holds whatever
 * number of entries a backend writes for one rule.
 */
final class RuleRendering {
  private final JnpFile file;
  private final Declaration.Workload workload;
  private final WorkloadItem rule;

  private RuleRendering(JnpFile file, Declaration.Workload workload, WorkloadItem rule) {
    this.file = file;
    this.workload = workload;
    this.rule = rule;
  }

  /** Markdown for a hover on {@code rule} ({@link WorkloadItem.Allow} or {@link WorkloadItem.AllowDns}). */
  static String describe(JnpFile file, Declaration.Workload workload, WorkloadItem rule) {
    return new RuleRendering(file, workload, rule).describe();
  }

  private String describe() {
    Diagnostics checked = new Diagnostics();
    Parameters parameters = Parameters.of(file, Map.of(), checked);
    Checker.check(file, parameters, checked);
    if (checked.hasErrors()) {
      return "This rule is not rendered while the file has errors; see the diagnostics.";
    }
    String engine = engineOf(parameters);
    Optional<Backend> backend = Backends.forEngine(engine);
    if (backend.isEmpty()) {
      return "The " + engine + " engine is not in this build of jnp, so this rule cannot be shown rendered.";
    }
    Diagnostics lowered = new Diagnostics();
    PolicySet policies = Lowering.lower(file, parameters, lowered);
    Optional<Allowlist> allowlist =
        policies.allowlists().stream().filter(a -> a.span().equals(workload.span())).findFirst();
    Direction direction = direction();
    Optional<Rule> ir = allowlist.flatMap(a -> a.rules(direction).stream().filter(r -> r.span().equals(rule.span())).findFirst());
    if (allowlist.isEmpty() || ir.isEmpty()) {
      return "This rule renders nothing with the parameters' defaults: " + whyNotRendered(parameters) + ".";
    }
    PolicySet alone = new PolicySet(List.of(cut(allowlist.get(), List.of(ir.get()), direction)), List.of());
    List<Diagnostic> capability = backend.get().check(alone);
    if (capability.stream().anyMatch(Diagnostic::isError)) {
      StringBuilder out = new StringBuilder("The " + engine + " engine cannot express this rule:\n");
      capability.stream().filter(Diagnostic::isError).forEach(d -> out.append("- ").append(d.message()).append('\n'));
      return out.toString();
    }
    List<PolicyObject> without = backend.get().render(new PolicySet(List.of(cut(allowlist.get(), List.of(), direction)), List.of()));
    StringBuilder out = new StringBuilder();
    for (PolicyObject object : backend.get().render(alone)) {
      Optional<PolicyObject> bare = without.stream()
          .filter(o -> o.kind().equals(object.kind()) && o.name().equals(object.name()) && o.namespace().equals(object.namespace()))
          .findFirst();
      out.append(render(engine, object, bare, direction));
    }
    if (lowered.hasErrors()) {
      out.append("\nThe file has errors, so `jnp compile` writes nothing until they are fixed.");
    }
    return out.toString();
  }

  /**
   * The rule's share of an object: the entries of its rule list with the rule ({@code with}) less
   * those the object has without it ({@code without}), such as a closing deny an engine writes
   * after every allowlist's rules. Each entry of {@code without} takes away one equal entry.
   */
  static List<Object> share(List<?> with, List<?> without) {
    List<Object> share = new ArrayList<>(with);
    for (Object entry : without) {
      share.remove(entry);
    }
    return share;
  }

  private String render(String engine, PolicyObject object, Optional<PolicyObject> bare, Direction direction) {
    String where = "`" + object.namespace().map(ns -> ns + "/").orElse("") + object.name() + "`";
    String key = direction == Direction.INGRESS ? "ingress" : "egress";
    Optional<List<?>> rules = rules(object, key);
    if (rules.isEmpty()) {
      return "On **" + engine + "** (parameters at their defaults) the workload's " + object.kind() + " " + where
          + " with this rule as its only rule is:\n\n"
          + "```yaml\n" + YamlWriter.write(object.tree()) + "```\n\n"
          + "_The whole object: this engine keeps no `spec." + key + "` list to cut the rule from._\n";
    }
    List<Object> share = share(rules.get(), bare.flatMap(b -> rules(b, key)).orElse(List.of()));
    if (share.isEmpty()) {
      return "On **" + engine + "** this rule adds no entry to " + object.kind() + " " + where + ".\n";
    }
    return "On **" + engine + "** (parameters at their defaults) this rule is, in " + object.kind() + " " + where + ":\n\n"
        + "```yaml\n" + YamlWriter.write(Map.of(key, share)) + "```\n\n"
        + "_The `spec." + key + "` entries the " + engine + " backend writes for this rule: the workload's object rendered"
        + " with this rule alone, less what it holds without it._\n";
  }

  private static Optional<List<?>> rules(PolicyObject object, String key) {
    Object spec = object.tree().get("spec");
    if (spec instanceof Map<?, ?> specMap && specMap.get(key) instanceof List<?> rules) {
      return Optional.of(rules);
    }
    return Optional.empty();
  }

  /** The allowlist with only {@code rules} in {@code direction} (egress still governed), no native rules. */
  private static Allowlist cut(Allowlist allowlist, List<Rule> rules, Direction direction) {
    boolean ingress = direction == Direction.INGRESS;
    return new Allowlist(
        allowlist.name(),
        allowlist.namespace(),
        allowlist.podLabels(),
        ingress ? rules : List.of(),
        ingress ? Optional.empty() : Optional.of(rules),
        List.of(),
        allowlist.span());
  }

  private Direction direction() {
    if (rule instanceof WorkloadItem.Allow allow) {
      return allow.inEgressBlock() ? Direction.EGRESS : Direction.INGRESS;
    }
    return Direction.EGRESS;
  }

  private String engineOf(Parameters parameters) {
    Resolver resolver = new Resolver(parameters, new Diagnostics());
    return file.all(Declaration.Engine.class).stream()
        .findFirst()
        .flatMap(e -> resolver.text(e.engine()))
        .orElse("kubernetes");
  }

  /** Which condition switches the rule off: its own, its egress block's, or its ports'. */
  private String whyNotRendered(Parameters parameters) {
    Optional<Condition> own =
        rule instanceof WorkloadItem.Allow allow ? allow.when() : ((WorkloadItem.AllowDns) rule).when();
    if (!Conditions.holds(own, parameters)) {
      return "its `when` is false";
    }
    for (WorkloadItem item : workload.items()) {
      if (item instanceof WorkloadItem.Egress egress && egress.items().contains(rule) && !Conditions.holds(egress.when(), parameters)) {
        return "the `when` of its egress block is false";
      }
    }
    if (rule instanceof WorkloadItem.Allow allow) {
      boolean misplaced = allow.inEgressBlock() != (allow.written() == WorkloadItem.Direction.EGRESS);
      if (misplaced) {
        return "it stands in the wrong block";
      }
      if (!allow.ports().isEmpty() && allow.ports().stream().noneMatch(p -> p.isParamRef() || PortSpec.looksLikeSpec(p.text()))) {
        return "the `when` of every port it names is false";
      }
    }
    return "it is switched off by a condition";
  }

  /** Whether {@code item} is a rule a hover can show rendered. */
  static boolean isRule(WorkloadItem item) {
    return item instanceof WorkloadItem.Allow || item instanceof WorkloadItem.AllowDns;
  }
}
