package dev.jnp.ir;

import static com.google.common.truth.Truth.assertThat;

import dev.jnp.diagnostics.SourceSpan;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultDenyTest {
  private static final SourceSpan SPAN = new SourceSpan("test.jnp", 3, 1, 3, 20);

  @Test
  void aWrittenOrderIsKeptApartFromTheDefault() {
    DefaultDeny written = new DefaultDeny("n", Set.of(Direction.INGRESS), 2000, true, SPAN);
    DefaultDeny unwritten = new DefaultDeny("n", Set.of(Direction.INGRESS), 2000, false, SPAN);
    assertThat(written.orderGiven()).isTrue();
    assertThat(unwritten.orderGiven()).isFalse();
    assertThat(written.order()).isEqualTo(unwritten.order());
  }
}
