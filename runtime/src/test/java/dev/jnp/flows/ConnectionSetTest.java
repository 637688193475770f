package dev.jnp.flows;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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

  /**
   * Ranges added in ascending order are merged as they come, others sorted first: either way the
   * runs are the maximal runs of the ports added, as read off a table of every port.
   */
  @Test
  void runsAreTheMaximalRunsOfThePortsAdded() {
    Random random = new Random(20261127);
    for (int round = 0; round < 3_000; round++) {
      List<Protocol> protocols = new ArrayList<>();
      List<PortRange> ranges = new ArrayList<>();
      int count = random.nextInt(8);
      int start = random.nextBoolean() ? 1 : 65_500;
      for (int i = 0; i < count; i++) {
        int first = start + random.nextInt(30);
        int last = Math.min(65_535, first + (random.nextInt(3) == 0 ? random.nextInt(10) : 0));
        protocols.add(Protocol.values()[random.nextInt(2)]);
        ranges.add(new PortRange(first, last));
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        order.add(i);
      }
      if (random.nextBoolean()) {
        Collections.shuffle(order, random);
      } else {
        order.sort((a, b) -> Integer.compare(ranges.get(a).start(), ranges.get(b).start()));
      }
      ConnectionSet.Builder builder = ConnectionSet.builder();
      boolean[][] table = new boolean[Protocol.values().length][65_537];
      for (int i : order) {
        builder.add(protocols.get(i), ranges.get(i));
        for (int port = ranges.get(i).start(); port <= ranges.get(i).end(); port++) {
          table[protocols.get(i).ordinal()][port] = true;
        }
      }
      ConnectionSet set = builder.build();
      for (Protocol protocol : Protocol.values()) {
        List<PortRange> runs = new ArrayList<>();
        boolean[] ports = table[protocol.ordinal()];
        for (int port = 1; port <= 65_535; port++) {
          if (ports[port] && !ports[port - 1]) {
            int end = port;
            while (ports[end + 1]) {
              end++;
            }
            runs.add(new PortRange(port, end));
          }
        }
        assertThat(set.ports(protocol)).isEqualTo(runs);
      }
      assertThat(set.isEmpty()).isEqualTo(count == 0);
    }
  }
}
