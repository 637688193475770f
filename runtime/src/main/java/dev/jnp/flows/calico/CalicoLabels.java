package dev.jnp.flows.calico;

import dev.jnp.flows.Endpoint;
import dev.jnp.flows.World;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The labels Calico selectors see (engine-semantics.md §3 "Subject"): a pod's labels plus {@code
 * projectcalico.org/namespace}, {@code projectcalico.org/orchestrator: k8s} and {@code
 * projectcalico.org/serviceaccount}; a namespace's labels plus {@code projectcalico.org/name}.
 *
 * <p>They are views, not copies: {@code jnp analyze} asks for them for every rule at every port
 * boundary of every pair of workloads, and a sorted copy each time was over a tenth of its run.
 */
final class CalicoLabels {
  private CalicoLabels() {}

  static Map<String, String> of(Endpoint.Workload pod) {
    return new Overlay(pod.labels(), new String[] {
        "projectcalico.org/namespace", pod.namespace(),
        "projectcalico.org/orchestrator", "k8s",
        "projectcalico.org/serviceaccount", pod.serviceAccount()});
  }

  static Map<String, String> ofNamespace(World world, String namespace) {
    return new Overlay(world.namespace(namespace).labels(), new String[] {"projectcalico.org/name", namespace});
  }

  /**
   * {@code labels} with some more over them (alternating keys and values), as a copy with the
   * more put in would be: looked up without a copy, which is made only if the entries are asked for.
   */
  private static final class Overlay extends AbstractMap<String, String> {
    private final Map<String, String> labels;
    private final String[] over;
    private Map<String, String> all;

    Overlay(Map<String, String> labels, String[] over) {
      this.labels = labels;
      this.over = over;
    }

    @Override
    public String get(Object key) {
      for (int i = 0; i < over.length; i += 2) {
        if (over[i].equals(key)) {
          return over[i + 1];
        }
      }
      return labels.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      for (int i = 0; i < over.length; i += 2) {
        if (over[i].equals(key)) {
          return true;
        }
      }
      return labels.containsKey(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      if (all == null) {
        Map<String, String> copy = new TreeMap<>(labels);
        for (int i = 0; i < over.length; i += 2) {
          copy.put(over[i], over[i + 1]);
        }
        all = Collections.unmodifiableMap(copy);
      }
      return all.entrySet();
    }
  }
}
