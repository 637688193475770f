package dev.jnp.flows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * One policy object as read from YAML or JSON: its identity, the family of engines it belongs to,
 * and the whole tree. Evaluators read the tree as written; nothing is normalised on the way in.
 *
 * @param origin where it was read from ({@code file.yaml#2}), for messages
 */
public record PolicyDocument(
    String apiVersion,
    String kind,
    String namespace,
    String name,
    Dialect dialect,
    JsonNode tree,
    String origin) {

  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "CiliumClusterwideNetworkPolicy",
          "GlobalNetworkPolicy",
          "GlobalNetworkSet",
          "Tier",
          "ClusterNetworkPolicy",
          "AdminNetworkPolicy",
          "BaselineAdminNetworkPolicy");

  /** Which policy API an object belongs to. */
  public enum Dialect {
    /** {@code networking.k8s.io/v1} NetworkPolicy. */
    KUBERNETES,
    /** {@code cilium.io/v2} CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy. */
    CILIUM,
    /** {@code projectcalico.org/v3} NetworkPolicy, GlobalNetworkPolicy and Tier. */
    CALICO,
    /** {@code policy.networking.k8s.io/v1alpha2} ClusterNetworkPolicy. */
    CLUSTER_NETWORK_POLICY,
    /** A policy kind no evaluator reads (AdminNetworkPolicy, NetworkSet, …). */
    OTHER
  }

  /** Whether {@code kind} is one of the policy kinds this package knows. */
  public static boolean isPolicyKind(String kind) {
    switch (kind) {
      case "NetworkPolicy":
      case "CiliumNetworkPolicy":
      case "CiliumClusterwideNetworkPolicy":
      case "GlobalNetworkPolicy":
      case "GlobalNetworkSet":
      case "NetworkSet":
      case "Tier":
      case "ClusterNetworkPolicy":
      case "AdminNetworkPolicy":
      case "BaselineAdminNetworkPolicy":
        return true;
      default:
        return false;
    }
  }

  /**
   * The document for one object whose kind {@link #isPolicyKind is a policy kind}. A namespaced
   * object without {@code metadata.namespace} is in {@code default}.
   */
  public static PolicyDocument of(JsonNode object, String origin) {
    String apiVersion = Tree.text(object, "apiVersion", "");
    String kind = Tree.text(object, "kind", "");
    JsonNode metadata = Tree.object(object, "metadata").orElse(null);
    String name = Tree.text(metadata, "name", "");
    String namespace =
        CLUSTER_SCOPED.contains(kind) ? "" : Tree.text(metadata, "namespace", "default");
    if (namespace.isEmpty() && !CLUSTER_SCOPED.contains(kind)) {
      namespace = "default";
    }
    return new PolicyDocument(
        apiVersion, kind, namespace, name, dialectOf(apiVersion, kind), object, origin);
  }

  private static Dialect dialectOf(String apiVersion, String kind) {
    boolean calicoGroup =
        apiVersion.startsWith("projectcalico.org/") || apiVersion.startsWith("crd.projectcalico.org/");
    switch (kind) {
      case "NetworkPolicy":
        return calicoGroup ? Dialect.CALICO : Dialect.KUBERNETES;
      case "GlobalNetworkPolicy":
      case "Tier":
        return Dialect.CALICO;
      case "CiliumNetworkPolicy":
      case "CiliumClusterwideNetworkPolicy":
        return Dialect.CILIUM;
      case "ClusterNetworkPolicy":
        return Dialect.CLUSTER_NETWORK_POLICY;
      default:
        return Dialect.OTHER;
    }
  }

  /** The object's {@code spec}, or a missing node. */
  public JsonNode spec() {
    return Tree.field(tree, "spec").orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
  }

  /** This object's reference for verdicts. */
  public PolicyRef ref() {
    return new PolicyRef(kind, namespace, name);
  }
}
