package dev.jnp.equivalence;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Lets a longer run override a property's {@code tries} and {@code seed} from the command line,
 * while CI keeps the fixed values written on the property:
 *
 * <pre>
 * mvn -B -q -pl runtime test -Dtest=EngineEquivalenceTest \
 *     -Djnp.equivalence.tries=5000 [-Djnp.equivalence.seed=42 | -Djnp.equivalence.seed=random]
 * </pre>
 *
 * {@code random} draws a new seed, which jqwik prints in its report so that a failure can be
 * replayed with {@code -Djnp.equivalence.seed=THAT}.
 */
public final class RunLength implements AroundPropertyHook {
  static final String TRIES = "jnp.equivalence.tries";
  static final String SEED = "jnp.equivalence.seed";

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    Integer tries = Integer.getInteger(TRIES);
    if (tries != null) {
      context.attributes().setTries(tries);
    }
    String seed = System.getProperty(SEED, "").trim();
    if (!seed.isEmpty()) {
      context.attributes().setSeed(seed.equals("random") ? "" : seed);
    }
    return property.execute();
  }
}
