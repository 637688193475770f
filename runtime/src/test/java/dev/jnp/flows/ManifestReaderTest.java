package dev.jnp.flows;

import static com.google.common.truth.Truth.assertThat;

import dev.jnp.flows.Endpoint.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

  @Test
  void namesPodsByControllingOwner() {
    Manifests m =
        ManifestReader.parse(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-6d4cf56db6-abcde
              namespace: shop
              labels: {app: web}
              ownerReferences:
              - {apiVersion: apps/v1, kind: ReplicaSet, name: web-6d4cf56db6, controller: true}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: etcd-minikube
              namespace: kube-system
              ownerReferences:
              - {apiVersion: v1, kind: Node, name: minikube, controller: true}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: pod-1
              ownerReferences:
              - {name: internal-security, controller: true}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: lonely
              ownerReferences:
              - {kind: ReplicaSet, name: not-a-controller}
            """);
    assertThat(m.world().workloads().stream().map(Workload::display).toList())
        .containsExactly(
            "shop/web-6d4cf56db6[ReplicaSet]",
            "kube-system/etcd-minikube[Pod]",
            "default/internal-security[Pod]",
            "default/lonely[Pod]")
        .inOrder();
  }

  @Test
  void controllersUseTheirPodTemplate() {
    Manifests m =
        ManifestReader.parse(
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: backup, namespace: ops, labels: {not: this}}
            spec:
              jobTemplate:
                spec:
                  template:
                    metadata: {labels: {app: backup}}
                    spec:
                      containers:
                      - ports:
                        - {name: metrics, containerPort: 9100}
                        - {containerPort: 53, protocol: UDP}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: c}]}
            """);
    Workload backup = m.world().workloads().get(0);
    assertThat(backup.display()).isEqualTo("ops/backup[CronJob]");
    assertThat(backup.labels()).containsExactly("app", "backup");
    assertThat(backup.ports())
        .containsExactly(
            new ContainerPort("metrics", 9100, Protocol.TCP),
            new ContainerPort("", 53, Protocol.UDP));
    assertThat(m.world().workloads().get(1).display()).isEqualTo("default/web[Deployment]");
  }

  @Test
  void unwrapsListsAndInfersKinds() {
    Manifests m =
        ManifestReader.parse(
            """
            {"kind": "NamespaceList", "apiVersion": "v1", "items": [
              {"metadata": {"name": "bank", "labels": {"team": "money"}}}]}
            ---
            kind: PodList
            apiVersion: v1
            items:
            - metadata: {name: teller, namespace: bank, labels: {app: teller}}
            ---
            kind: NetworkPolicyList
            apiVersion: networking.k8s.io/v1
            items:
            - metadata: {name: deny_all, namespace: bank}
              spec: {podSelector: {}}
            ---
            kind: List
            apiVersion: v1
            items:
            - {kind: Pod, apiVersion: v1, metadata: {name: clerk, namespace: other}}
            """);
    assertThat(m.world().namespace("bank").labels())
        .containsExactly("team", "money", "kubernetes.io/metadata.name", "bank");
    assertThat(m.world().namespace("other").labels())
        .containsExactly("kubernetes.io/metadata.name", "other");
    assertThat(m.world().workloads().stream().map(Workload::display).toList())
        .containsExactly("bank/teller[Pod]", "other/clerk[Pod]");
    PolicyDocument policy = m.policies().get(0);
    assertThat(policy.dialect()).isEqualTo(PolicyDocument.Dialect.KUBERNETES);
    assertThat(policy.ref().toString()).isEqualTo("NetworkPolicy bank/deny_all");
  }

  @Test
  void readsEveryManifestFileOfAFolderAndSkipsBrokenOnes(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.json"),
        "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\",\"labels\":{\"app\":\"a\"}}}");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/b.yml"), "kind: Pod\nmetadata: {name: b}\n");
    Files.writeString(dir.resolve("c.yaml"), "kind: Pod\nmetadata: {name: [c\n");
    Files.writeString(dir.resolve("notes.txt"), "kind: Pod\nmetadata: {name: d}\n");
    Manifests m = ManifestReader.read(List.of(dir));
    assertThat(m.world().workloads().stream().map(Workload::name).toList())
        .containsExactly("a", "b")
        .inOrder();
    assertThat(m.warnings()).hasSize(1);
    assertThat(m.warnings().get(0)).contains("c.yaml");
  }

  @Test
  void readsPodAddressesAndGroupsReplicas() {
    Manifests m =
        ManifestReader.parse(
            """
            kind: Pod
            metadata:
              name: web-1
              labels: {app: web}
              ownerReferences: [{kind: StatefulSet, name: web, controller: true}]
            status: {podIP: 10.244.0.5, podIPs: [{ip: 10.244.0.5}, {ip: "fd00::5"}]}
            ---
            kind: Pod
            metadata:
              name: web-2
              labels: {app: web}
              ownerReferences: [{kind: StatefulSet, name: web, controller: true}]
            status: {podIP: 10.244.1.7}
            """);
    assertThat(m.world().workloads()).hasSize(1);
    assertThat(m.world().workloads().get(0).addresses().stream().map(Object::toString).toList())
        .containsExactly("10.244.0.5", "fd00::5", "10.244.1.7");
  }
}
