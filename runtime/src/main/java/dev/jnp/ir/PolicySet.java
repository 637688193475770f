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
    return defaultDenies.stream().filter(d -> d.namespace().equals(namespace)).findFirst();
  }
}
