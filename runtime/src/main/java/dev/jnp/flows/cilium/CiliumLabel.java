package dev.jnp.flows.cilium;

import java.util.Set;

/**
 * A Cilium label: a source ({@code k8s}, {@code reserved}, …), a key and a value. A selector key
 * is written {@code source:key}; without a known source prefix it means {@code any:key}, which
 * matches the key from every source (engine-semantics.md §2 "Label key syntax").
 */
record CiliumLabel(String source, String key, String value) {
  static final String ANY = "any";
  static final String K8S = "k8s";
  static final String RESERVED = "reserved";

  private static final Set<String> SOURCES =
      Set.of("any", "k8s", "reserved", "cidr", "container", "unspec", "fqdn", "kvstore",
          "cilium-generated", "k8s-svc");

  /** The namespace label every pod has. */
  static final String NAMESPACE = "io.kubernetes.pod.namespace";

  /** The prefix of the labels a pod gets from its namespace's labels. */
  static final String NAMESPACE_LABELS = "io.cilium.k8s.namespace.labels.";

  /** The key of the service-account label every pod has. */
  static final String SERVICE_ACCOUNT = "io.cilium.k8s.policy.serviceaccount";
  /** The key of the cluster label every pod has. */
  static final String CLUSTER = "io.cilium.k8s.policy.cluster";

  /**
   * Whether {@code key} is one of the labels Cilium gives a pod besides its own (its namespace,
   * its namespace's labels, its service account, its cluster).
   */
  static boolean isAddedToPods(String key) {
    return key.equals(NAMESPACE) || key.startsWith(NAMESPACE_LABELS) || key.equals(SERVICE_ACCOUNT) || key.equals(CLUSTER);
  }

  /** Splits a selector key into {source, key}. */
  static String[] splitKey(String written) {
    int colon = written.indexOf(':');
    if (colon > 0 && SOURCES.contains(written.substring(0, colon))) {
      return new String[] {written.substring(0, colon), written.substring(colon + 1)};
    }
    return new String[] {ANY, written};
  }

  /** Whether a selector key of {@code selectorSource} and {@code selectorKey} names this label. */
  boolean isNamedBy(String selectorSource, String selectorKey) {
    return key.equals(selectorKey) && (selectorSource.equals(ANY) || selectorSource.equals(source));
  }
}
