package dev.jnp.flows.calico;

import dev.jnp.flows.Endpoint;
import dev.jnp.flows.World;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels Calico selectors see (engine-semantics.md §3 "Subject"): a pod's labels plus {@code
 * projectcalico.org/namespace}, {@code projectcalico.org/orchestrator: k8s} and {@code
 * projectcalico.org/serviceaccount}; a namespace's labels plus {@code projectcalico.org/name}.
 */
final class CalicoLabels {
  private CalicoLabels() {}

  static Map<String, String> of(Endpoint.Workload pod) {
    Map<String, String> labels = new TreeMap<>(pod.labels());
    labels.put("projectcalico.org/namespace", pod.namespace());
    labels.put("projectcalico.org/orchestrator", "k8s");
    labels.put("projectcalico.org/serviceaccount", pod.serviceAccount());
    return labels;
  }

  static Map<String, String> ofNamespace(World world, String namespace) {
    Map<String, String> labels = new TreeMap<>(world.namespace(namespace).labels());
    labels.put("projectcalico.org/name", namespace);
    return labels;
  }
}
