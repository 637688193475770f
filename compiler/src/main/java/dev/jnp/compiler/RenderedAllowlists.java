package dev.jnp.compiler;

import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.engine.Backend;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.PolicySet;
import java.util.ArrayList;
import java.util.List;

/**
 * Allowlists checked and rendered for one engine: what the engine cannot express of each, and the
 * objects of those it can, written, in source order. The compiler makes them a run of a file's
 * declarations at a time, as soon as the run is lowered, and joins the runs in source order.
 */
record RenderedAllowlists(List<Diagnostic> capability, List<Manifest> manifests) {
  /** The allowlists of {@code policies}, each checked, and rendered when it can be. */
  static RenderedAllowlists of(Backend backend, PolicySet policies) {
    List<Diagnostic> capability = new ArrayList<>();
    List<Manifest> manifests = new ArrayList<>(policies.allowlists().size());
    for (Allowlist allowlist : policies.allowlists()) {
      List<Diagnostic> found = backend.check(allowlist);
      capability.addAll(found);
      if (!Diagnostic.anyError(found)) {
        manifests.add(Manifest.of(backend, allowlist, policies));
      }
    }
    return new RenderedAllowlists(capability, manifests);
  }

  /** {@code runs}, in their order, as one. */
  static RenderedAllowlists join(List<RenderedAllowlists> runs) {
    List<Diagnostic> capability = new ArrayList<>();
    List<Manifest> manifests = new ArrayList<>();
    for (RenderedAllowlists run : runs) {
      capability.addAll(run.capability());
      manifests.addAll(run.manifests());
    }
    return new RenderedAllowlists(capability, manifests);
  }
}
