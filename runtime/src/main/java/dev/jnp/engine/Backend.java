package dev.jnp.engine;

import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.ir.PolicySet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
   * is wider than the source.
   */
  List<Diagnostic> check(PolicySet policies);

  /**
   * The engine's policy objects for {@code policies}, which {@link #check} found no error in:
   * allowlists in source order, then default-denies, each handed to {@code into} as soon as it is
   * made, so that a caller that writes it out need not keep its tree.
   */
  void render(PolicySet policies, Consumer<PolicyObject> into);

  /** The engine's policy objects for {@code policies}, in {@link #render(PolicySet, Consumer)}'s order. */
  default List<PolicyObject> render(PolicySet policies) {
    List<PolicyObject> objects = new ArrayList<>();
    render(policies, objects::add);
    return objects;
  }
}
