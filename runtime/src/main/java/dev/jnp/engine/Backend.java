package dev.jnp.engine;

import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.DefaultDeny;
import dev.jnp.ir.PolicySet;
import dev.jnp.yaml.YamlOut;
import dev.jnp.yaml.YamlTree;
import java.util.ArrayList;
import java.util.List;

/**
 * One policy engine. Implementations are small, stateless and listed in {@code
 * META-INF/services/dev.jnp.engine.Backend}; {@link Backends} finds them.
 */
public interface Backend {

  /** The engine's name in the language: {@code kubernetes}, {@code cilium}, … */
  String engine();

  /**
   * What this engine cannot express of {@code policies}, each at the source line that asked for
   * it: errors where the output could not mean what the source says, {@code info} notes where it
   * is wider than the source. That is what each allowlist shows alone, then what only the set as
   * a whole shows.
   */
  default List<Diagnostic> check(PolicySet policies) {
    List<Diagnostic> found = new ArrayList<>();
    for (Allowlist allowlist : policies.allowlists()) {
      found.addAll(check(allowlist));
    }
    found.addAll(checkSet(policies));
    return found;
  }

  /**
   * What this engine cannot express of {@code allowlist}, whatever else the policy set holds: a
   * caller may check an allowlist, and render it, as soon as it is lowered.
   */
  List<Diagnostic> check(Allowlist allowlist);

  /**
   * What this engine cannot express of {@code policies} that no allowlist shows alone: its
   * default-denies, and allowlists that together ask for what the engine cannot say. None, unless
   * the engine says otherwise.
   */
  default List<Diagnostic> checkSet(PolicySet policies) {
    return List.of();
  }

  /**
   * Writes the object of {@code allowlist}, one of {@code policies}, which {@link #check} found no
   * error in (the default-deny of its namespace may set its order), into {@code out}, and says
   * which object it is. Objects are made one at a time, so that a caller may make them in parallel
   * and write each as it is made, without building its tree ({@link dev.jnp.yaml.YamlText}).
   */
  ObjectId write(Allowlist allowlist, PolicySet policies, YamlOut out);

  /** Writes the object of {@code deny}, one of the default-denies of a policy set, into {@code out}. */
  ObjectId write(DefaultDeny deny, YamlOut out);

  /** The object of {@code allowlist}, one of {@code policies}, as a tree: see {@link #write}. */
  default PolicyObject render(Allowlist allowlist, PolicySet policies) {
    YamlTree tree = new YamlTree();
    return PolicyObject.of(write(allowlist, policies, tree), tree);
  }

  /** The object of {@code deny} as a tree. */
  default PolicyObject render(DefaultDeny deny) {
    YamlTree tree = new YamlTree();
    return PolicyObject.of(write(deny, tree), tree);
  }

  /**
   * The engine's policy objects for {@code policies}: one per allowlist, in source order, then one
   * per default-deny.
   */
  default List<PolicyObject> render(PolicySet policies) {
    List<PolicyObject> objects = new ArrayList<>();
    for (Allowlist allowlist : policies.allowlists()) {
      objects.add(render(allowlist, policies));
    }
    for (DefaultDeny deny : policies.defaultDenies()) {
      objects.add(render(deny));
    }
    return objects;
  }
}
