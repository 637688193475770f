package dev.jnp.flows;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionSetTest {

  @Test
  void writesNetpolAnalyzerText() {
    ConnectionSet set =
        ConnectionSet.builder()
            .add(Protocol.UDP, PortRange.of(9090))
            .add(Protocol.TCP, PortRange.of(8081))
            .add(Protocol.TCP, PortRange.of(8080))
            .add(Protocol.SCTP, PortRange.of(7070))
            .build();
    assertThat(set.toString()).isEqualTo("SCTP 7070,TCP 8080-8081,UDP 9090");
  }

  @Test
  void mergesTouchingRangesAndKeepsGaps() {
    ConnectionSet set =
        ConnectionSet.builder()
            .add(Protocol.TCP, new PortRange(10053, 10053))
            .add(Protocol.TCP, new PortRange(10054, 10054))
            .add(Protocol.TCP, PortRange.of(8080))
            .add(Protocol.TCP, PortRange.of(9090))
            .add(Protocol.UDP, PortRange.of(8080))
            .build();
    assertThat(set.toString()).isEqualTo("TCP 8080,9090,10053-10054,UDP 8080");
  }

  @Test
  void allAndFullyOpenProtocol() {
    ConnectionSet.Builder all = ConnectionSet.builder();
    for (Protocol p : Protocol.values()) {
      all.add(p, PortRange.ALL);
    }
    assertThat(all.build().toString()).isEqualTo("All Connections");
    assertThat(ConnectionSet.builder().add(Protocol.TCP, PortRange.ALL).build().toString())
        .isEqualTo("TCP 1-65535");
    assertThat(ConnectionSet.builder().build().isEmpty()).isTrue();
  }
}
