package dev.jnp.ir;

import java.util.List;
import java.util.Optional;

/** Everything one compilation asks for: the allowlists of its workloads and its default-denies. */
public record PolicySet(List<Allowlist> allowlists, List<DefaultDeny> defaultDenies) {

  public PolicySet {
    allowlists = List.copyOf(allowlists);
    defaultDenies = List.copyOf(defaultDenies);
  }

  /** The default-deny of {@code namespace}, if it has one. */
  public Optional<DefaultDeny> defaultDeny(String namespace) {
    // A loop: the backends ask it of every allowlist.
    for (DefaultDeny deny : defaultDenies) {
      if (deny.namespace().equals(namespace)) {
        return Optional.of(deny);
      }
    }
    return Optional.empty();
  }
}
