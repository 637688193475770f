package dev.jnp.compiler.verify;

import dev.jnp.flows.ContainerPort;
import dev.jnp.flows.Endpoint;
import dev.jnp.flows.IpAddress;
import dev.jnp.flows.World;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.Direction;
import dev.jnp.ir.Peer;
import dev.jnp.ir.PolicySet;
import dev.jnp.ir.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The finite world {@code jnp verify} evaluates in, built from what a file mentions: its
 * workloads as pods, every namespace it names, and addresses chosen outside every block it names
 * so that a "stranger" is really a stranger. Pods get addresses from 100.64.0.0/10 (shared address
 * space), again outside the file's blocks where possible.
 */
final class SyntheticWorld {
  /** Candidates for an address outside every block the file names, in order of preference. */
  private static final List<String> OUTSIDE =
      List.of("192.0.2.1", "198.51.100.1", "203.0.113.1", "1.1.1.1", "8.8.8.8", "9.9.9.9", "100.100.100.100");

  /** The IPv4 blocks the file names, first address → last, each block once. */
  private final java.util.TreeMap<Long, Long> blocks = new java.util.TreeMap<>();
  private final Map<String, Map<String, String>> namespaces = new LinkedHashMap<>();
  private final Map<String, Endpoint.Workload> workloads = new LinkedHashMap<>();
  private long nextPod = ipv4("100.64.0.10");

  SyntheticWorld(PolicySet policies) {
    for (Allowlist allowlist : policies.allowlists()) {
      namespace(allowlist.namespace());
      for (Direction direction : Direction.values()) {
        for (Rule rule : allowlist.rules(direction)) {
          for (Peer peer : rule.peers()) {
            if (peer instanceof Peer.Cidr cidr) {
              block(cidr.cidr());
            } else if (peer instanceof Peer.ApiServer apiServer) {
              apiServer.cidrs().forEach(this::block);
            }
          }
        }
      }
    }
  }

  void namespace(String name) {
    namespaces.computeIfAbsent(name, n -> new LinkedHashMap<>());
  }

  void namespace(String name, Map<String, String> labels) {
    namespaces.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(labels);
  }

  /** A pod workload in the world, with an address outside the file's blocks. */
  Endpoint.Workload pod(String namespace, String name, Map<String, String> labels, List<ContainerPort> ports) {
    namespace(namespace);
    return workloads.computeIfAbsent(namespace + "/" + name, key -> {
      IpAddress address = IpAddress.ipv4(freePodAddress());
      return new Endpoint.Workload(namespace, name, "Pod", labels, ports, List.of(address), "default");
    });
  }

  /** An address outside every block the file names (the last candidate if none is). */
  IpAddress outside(int index) {
    List<String> free = OUTSIDE.stream().filter(a -> !inBlocks(ipv4(a))).toList();
    List<String> pool = free.isEmpty() ? OUTSIDE : free;
    return IpAddress.parse(pool.get(Math.min(index, pool.size() - 1)));
  }

  World build() {
    World.Builder builder = World.builder();
    namespaces.forEach(builder::namespace);
    workloads.values().forEach(builder::workload);
    return builder.build();
  }

  private long freePodAddress() {
    long last = ipv4("100.127.255.254");
    while (nextPod < last && inBlocks(nextPod)) {
      nextPod++;
    }
    return nextPod++;
  }

  private void block(String cidr) {
    if (cidr.contains(":")) {
      return;
    }
    int slash = cidr.indexOf('/');
    long network = ipv4(cidr.substring(0, slash));
    int prefix = Integer.parseInt(cidr.substring(slash + 1));
    long size = 1L << (32 - prefix);
    blocks.merge(network, network + size - 1, Math::max);
  }

  private boolean inBlocks(long address) {
    // Blocks are CIDRs: two either nest or are apart, so the containing one, if any, is among
    // those starting at or before the address; scan back from the nearest.
    for (Map.Entry<Long, Long> block : blocks.headMap(address, true).descendingMap().entrySet()) {
      if (address <= block.getValue()) {
        return true;
      }
    }
    return false;
  }

  private static long ipv4(String text) {
    String[] parts = text.split("\\.");
    long value = 0;
    for (String part : parts) {
      value = value * 256 + Integer.parseInt(part);
    }
    return value;
  }
}
