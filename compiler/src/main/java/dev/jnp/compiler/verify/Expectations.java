package dev.jnp.compiler.verify;

import dev.jnp.flows.World;
import java.util.List;

/** A file's expectations and the finite world they are evaluated in. */
public record Expectations(World world, List<Expectation> expectations) {
  public Expectations {
    expectations = List.copyOf(expectations);
  }

  public boolean isEmpty() {
    return expectations.isEmpty();
  }
}
