package dev.jnp.flows;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodSelectionsTest {
  private final Endpoint.Workload web = Fixtures.pod("shop", "web", Map.of("app", "web"));
  private final World world = World.builder().namespace("shop", Map.of()).workload(web).build();
  private final PodSelections<String> selections = new PodSelections<>();
  private final List<String> made = new ArrayList<>();

  private String of(World in, Endpoint.Workload pod, Direction direction) {
    return selections.of(in, pod, direction, () -> {
      String value = pod.name() + " " + direction + " #" + made.size();
      made.add(value);
      return value;
    });
  }

  @Test
  void aPodsSideIsWorkedOutOncePerWorld() {
    assertThat(of(world, web, Direction.INGRESS)).isEqualTo("web INGRESS #0");
    assertThat(of(world, web, Direction.INGRESS)).isEqualTo("web INGRESS #0");
    assertThat(of(world, Fixtures.pod("shop", "web", Map.of("app", "web")), Direction.INGRESS))
        .isEqualTo("web INGRESS #0");
    // Another pod that selectors cannot tell from it: another name, ports and no address.
    assertThat(of(world, Fixtures.pod("shop", "web-2", Map.of("app", "web"), Fixtures.tcp("http", 80)), Direction.INGRESS))
        .isEqualTo("web INGRESS #0");
    assertThat(of(world, web, Direction.EGRESS)).isEqualTo("web EGRESS #1");
    assertThat(of(world, Fixtures.pod("shop", "web", Map.of("app", "web2")), Direction.INGRESS))
        .isEqualTo("web INGRESS #2");
    assertThat(of(world, Fixtures.pod("shop2", "web", Map.of("app", "web")), Direction.INGRESS))
        .isEqualTo("web INGRESS #3");
    Endpoint.Workload otherAccount = new Endpoint.Workload(
        "shop", "web", "Pod", Map.of("app", "web"), List.of(), List.of(), "robot");
    assertThat(of(world, otherAccount, Direction.INGRESS)).isEqualTo("web INGRESS #4");
    assertThat(made).hasSize(5);
  }

  @Test
  void anotherWorldStartsAfresh() {
    World other = World.builder().namespace("shop", Map.of("team", "x")).workload(web).build();
    assertThat(of(world, web, Direction.INGRESS)).isEqualTo("web INGRESS #0");
    assertThat(of(other, web, Direction.INGRESS)).isEqualTo("web INGRESS #1");
    assertThat(of(world, web, Direction.INGRESS)).isEqualTo("web INGRESS #2");
  }
}
