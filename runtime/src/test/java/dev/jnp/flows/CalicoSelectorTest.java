package dev.jnp.flows;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnp.flows.selector.CalicoSelector;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalicoSelectorTest {
  private static final Map<String, String> WEB = Map.of("app", "web", "tier", "front");

  private static boolean matches(String selector, Map<String, String> labels) {
    return CalicoSelector.parse(selector).matches(labels);
  }

  @Test
  void comparisons() {
    assertThat(matches("app == 'web'", WEB)).isTrue();
    assertThat(matches("app == \"db\"", WEB)).isFalse();
    assertThat(matches("app != 'db'", WEB)).isTrue();
    assertThat(matches("missing != 'x'", WEB)).isTrue();
    assertThat(matches("app in {'db', 'web'}", WEB)).isTrue();
    assertThat(matches("app not in {'db','web'}", WEB)).isFalse();
    assertThat(matches("missing not in {'x'}", WEB)).isTrue();
    assertThat(matches("missing in {'x'}", WEB)).isFalse();
    assertThat(matches("tier contains 'ron'", WEB)).isTrue();
    assertThat(matches("tier starts with 'fr'", WEB)).isTrue();
    assertThat(matches("tier ends with 'fr'", WEB)).isFalse();
  }

  @Test
  void functionsAndOperators() {
    assertThat(matches("all()", Map.of())).isTrue();
    assertThat(matches("", Map.of())).isTrue();
    assertThat(matches("has(app)", WEB)).isTrue();
    assertThat(matches("!has(app)", WEB)).isFalse();
    assertThat(matches("app == 'web' && tier == 'front'", WEB)).isTrue();
    assertThat(matches("app == 'db' || tier == 'front'", WEB)).isTrue();
    assertThat(matches("app == 'db' || tier == 'back' && has(app)", WEB)).isFalse();
    assertThat(matches("!(app == 'db') && has(tier)", WEB)).isTrue();
    assertThat(matches("kubernetes.io/metadata.name == 'x'",
        Map.of("kubernetes.io/metadata.name", "x"))).isTrue();
    assertThat(matches("has(hash)", Map.of("hash", "1"))).isTrue();
    assertThat(CalicoSelector.parse("global()").isGlobal()).isTrue();
    assertThat(CalicoSelector.parse("all()").isGlobal()).isFalse();
  }

  @Test
  void rejectsMalformedSelectors() {
    assertThrows(IllegalArgumentException.class, () -> CalicoSelector.parse("app = 'web'"));
    assertThrows(IllegalArgumentException.class, () -> CalicoSelector.parse("app == web"));
    assertThrows(IllegalArgumentException.class, () -> CalicoSelector.parse("(app == 'x'"));
    assertThrows(IllegalArgumentException.class, () -> CalicoSelector.parse("app == 'x' &&"));
    assertThrows(IllegalArgumentException.class, () -> CalicoSelector.parse("has(app"));
  }
}
