package dev.jnp.compiler;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParallelTest {
  @Test
  void resultsComeInTheOrderOfTheItemsWhicheverFinishesFirst() {
    // The first item waits until the last has finished, so they finish in reverse order.
    CountDownLatch lastDone = new CountDownLatch(1);
    List<String> engines = List.of("kubernetes", "cilium", "calico", "clusterNetworkPolicy");
    List<String> results = Parallel.map(engines, engine -> {
      if (engine.equals("kubernetes")) {
        await(lastDone);
      }
      if (engine.equals("clusterNetworkPolicy")) {
        lastDone.countDown();
      }
      return engine.toUpperCase(java.util.Locale.ROOT);
    });
    assertThat(results).containsExactly("KUBERNETES", "CILIUM", "CALICO", "CLUSTERNETWORKPOLICY").inOrder();
  }

  @Test
  void oneItemRunsOnTheCallingThread() {
    Thread caller = Thread.currentThread();
    assertThat(Parallel.map(List.of("kubernetes"), engine -> Thread.currentThread() == caller)).containsExactly(true);
    assertThat(Parallel.map(List.<String>of(), engine -> engine)).isEmpty();
  }

  @Test
  void anExceptionOfOneItemReachesTheCaller() {
    RuntimeException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> Parallel.map(List.of("kubernetes", "cilium"), engine -> {
          if (engine.equals("cilium")) {
            throw new IllegalStateException("no backend for cilium");
          }
          return engine;
        }));
    assertThat(thrown).hasMessageThat().contains("no backend for cilium");
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
