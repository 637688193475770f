package dev.jnp.flows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.jnp.flows.Endpoint.Workload;
import dev.jnp.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests the way netpol-analyzer does (conformance README, "Workloads and
 * naming"), leniently: a file that does not parse is skipped with a warning, unknown kinds are
 * ignored, names are not validated.
 *
 * <ul>
 *   <li>Every {@code .yaml}, {@code .yml} and {@code .json} file of a folder, recursively, in
 *       path order; YAML files may hold several documents.
 *   <li>{@code List} and {@code *List} objects are unwrapped; an item without {@code kind} takes
 *       the list's ({@code PodList} → {@code Pod}), one without {@code apiVersion} the list's.
 *   <li>Workloads: a {@code Pod} is shown under its controlling owner ({@code ownerReferences}
 *       entry with {@code controller: true} whose kind is not {@code Node}), by the owner's name
 *       and kind ({@code Pod} when the entry has no kind), else under its own name as {@code
 *       Pod}. Controllers ({@code Deployment}, {@code ReplicaSet}, {@code
 *       ReplicationController}, {@code StatefulSet}, {@code DaemonSet}, {@code Job}, {@code
 *       CronJob}) stand for their pods, with the labels and ports of {@code spec.template}
 *       ({@code spec.jobTemplate.spec.template} for a CronJob). All pods with the same
 *       namespace and workload name are one workload, described by the first one read.
 *   <li>A missing {@code metadata.namespace} means {@code default}. Namespaces get {@code
 *       kubernetes.io/metadata.name}; a namespace that is used but not declared exists with that
 *       label only.
 *   <li>Pod status and {@code hostNetwork} are not read, except the pod IPs ({@code
 *       status.podIPs}, {@code status.podIP}), which only engines that match pod addresses use.
 * </ul>
 */
public final class ManifestReader {
  /** Made on first use: a cold {@code jnp compile} reads its own output with {@link YamlReader}. */
  private static final class Mappers {
    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();
  }

  private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
  private final Map<String, WorkloadParts> workloads = new LinkedHashMap<>();
  private final List<PolicyDocument> policies = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private ManifestReader() {}

  /**
   * Reads files and folders (every manifest file in a folder, recursively).
   *
   * @throws UncheckedIOException if a path cannot be listed or read, or a file is not UTF-8 text
   *     (a {@link CharacterCodingException} its cause); its message names the file
   */
  public static Manifests read(List<Path> inputs) {
    ManifestReader reader = new ManifestReader();
    for (Path input : inputs) {
      for (Path file : manifestFiles(input)) {
        String text;
        try {
          text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
          throw new UncheckedIOException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
          throw new UncheckedIOException(file + ": " + e, e);
        }
        reader.addText(text, file.toString(), isJson(file));
      }
    }
    return reader.finish();
  }

  /** Reads one YAML (or JSON, which YAML includes) text, e.g. a rendered policy stream. */
  public static Manifests parse(String text) {
    ManifestReader reader = new ManifestReader();
    reader.addText(text, "<text>", false);
    return reader.finish();
  }

  /** The policy objects of a YAML text; shorthand for {@code parse(text).policies()}. */
  public static List<PolicyDocument> policies(String yaml) {
    return parse(yaml).policies();
  }

  /**
   * The policy objects of a stream that {@link dev.jnp.yaml.YamlWriter} wrote, read back with
   * {@link YamlReader}: what jnp rendered, as a cluster would read it.
   */
  public static List<PolicyDocument> renderedPolicies(String yaml) {
    ManifestReader reader = new ManifestReader();
    List<JsonNode> documents = YamlReader.readAll(yaml);
    for (int i = 0; i < documents.size(); i++) {
      reader.addObject(documents.get(i), "<rendered>#" + (i + 1), "", "");
    }
    return reader.finish().policies();
  }

  private static List<Path> manifestFiles(Path input) {
    if (!Files.isDirectory(input)) {
      return List.of(input);
    }
    try (Stream<Path> walk = Files.walk(input)) {
      return walk.filter(Files::isRegularFile)
          .filter(ManifestReader::isManifestFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isManifestFile(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static boolean isJson(Path p) {
    return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private void addText(String text, String origin, boolean json) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        (json ? Mappers.JSON : Mappers.YAML).readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc != null) {
          documents.add(doc);
        }
      }
    } catch (IOException | RuntimeException e) {
      String where = origin;
      String message = e.getMessage();
      if (e instanceof JsonProcessingException parse && parse.getLocation() != null) {
        where += ":" + parse.getLocation().getLineNr() + ":" + parse.getLocation().getColumnNr();
        message = parse.getOriginalMessage();
      }
      warnings.add(where + ": skipped, not valid " + (json ? "JSON" : "YAML") + ": " + firstLine(message));
      return;
    }
    for (int i = 0; i < documents.size(); i++) {
      addObject(documents.get(i), origin + "#" + (i + 1), "", "");
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private void addObject(JsonNode object, String origin, String impliedKind, String impliedApi) {
    if (object == null || !object.isObject()) {
      return;
    }
    String kind = Tree.text(object, "kind", impliedKind);
    if (Tree.field(object, "items").map(JsonNode::isArray).orElse(false)
        && (kind.endsWith("List") || kind.isEmpty())) {
      String itemKind = kind.endsWith("List") ? kind.substring(0, kind.length() - 4) : "";
      String api = Tree.text(object, "apiVersion", impliedApi);
      List<JsonNode> items = Tree.list(object, "items");
      for (int i = 0; i < items.size(); i++) {
        addObject(items.get(i), origin + ".items[" + i + "]", itemKind, api);
      }
      return;
    }
    if (kind.isEmpty()) {
      return;
    }
    JsonNode effective = object;
    if ((!Tree.has(object, "kind") || !Tree.has(object, "apiVersion"))
        && object instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      com.fasterxml.jackson.databind.node.ObjectNode copy = o.deepCopy();
      copy.put("kind", kind);
      if (!Tree.has(object, "apiVersion") && !impliedApi.isEmpty()) {
        copy.put("apiVersion", impliedApi);
      }
      effective = copy;
    }
    switch (kind) {
      case "Namespace":
        addNamespace(effective);
        break;
      case "Pod":
        addPod(effective);
        break;
      case "Deployment":
      case "ReplicaSet":
      case "ReplicationController":
      case "StatefulSet":
      case "DaemonSet":
      case "Job":
        addController(effective, kind, Tree.object(effective, "spec").flatMap(s -> Tree.object(s, "template")));
        break;
      case "CronJob":
        addController(
            effective,
            kind,
            Tree.object(effective, "spec")
                .flatMap(s -> Tree.object(s, "jobTemplate"))
                .flatMap(j -> Tree.object(j, "spec"))
                .flatMap(s -> Tree.object(s, "template")));
        break;
      default:
        if (PolicyDocument.isPolicyKind(kind)) {
          policies.add(PolicyDocument.of(effective, origin));
        }
    }
  }

  private static JsonNode metadata(JsonNode object) {
    return Tree.object(object, "metadata").orElse(null);
  }

  private static String namespaceOf(JsonNode object) {
    String ns = Tree.text(metadata(object), "namespace", "");
    return ns.isEmpty() ? "default" : ns;
  }

  private void addNamespace(JsonNode object) {
    String name = Tree.text(metadata(object), "name", "");
    if (name.isEmpty()) {
      warnings.add("a Namespace without metadata.name was skipped");
      return;
    }
    namespaces.put(name, new Namespace(name, Tree.stringMap(metadata(object), "labels")));
  }

  private void addPod(JsonNode pod) {
    JsonNode metadata = metadata(pod);
    String podName = Tree.text(metadata, "name", "");
    String name = podName;
    String kind = "Pod";
    for (JsonNode owner : Tree.list(metadata, "ownerReferences")) {
      if (Tree.bool(owner, "controller").orElse(false)) {
        String ownerKind = Tree.text(owner, "kind", "");
        if (!ownerKind.equals("Node")) {
          name = Tree.text(owner, "name", podName);
          kind = ownerKind.isEmpty() ? "Pod" : ownerKind;
        }
        break;
      }
    }
    if (name.isEmpty()) {
      warnings.add("a Pod without metadata.name was skipped");
      return;
    }
    JsonNode spec = Tree.object(pod, "spec").orElse(null);
    List<IpAddress> addresses = new ArrayList<>();
    JsonNode status = Tree.object(pod, "status").orElse(null);
    for (JsonNode ip : Tree.list(status, "podIPs")) {
      Tree.text(ip, "ip").flatMap(IpAddress::tryParse).ifPresent(addresses::add);
    }
    Tree.text(status, "podIP").flatMap(IpAddress::tryParse).ifPresent(addresses::add);
    addWorkload(
        namespaceOf(pod), name, kind, Tree.stringMap(metadata, "labels"), containerPorts(spec),
        addresses, serviceAccount(spec));
  }

  private void addController(JsonNode object, String kind, Optional<JsonNode> template) {
    String name = Tree.text(metadata(object), "name", "");
    if (name.isEmpty()) {
      warnings.add("a " + kind + " without metadata.name was skipped");
      return;
    }
    JsonNode podSpec = template.flatMap(t -> Tree.object(t, "spec")).orElse(null);
    Map<String, String> labels =
        template.map(t -> Tree.stringMap(metadata(t), "labels")).orElse(Map.of());
    addWorkload(
        namespaceOf(object), name, kind, labels, containerPorts(podSpec), List.of(),
        serviceAccount(podSpec));
  }

  private static String serviceAccount(JsonNode podSpec) {
    return Tree.text(podSpec, "serviceAccountName")
        .or(() -> Tree.text(podSpec, "serviceAccount"))
        .orElse("default");
  }

  private List<ContainerPort> containerPorts(JsonNode podSpec) {
    List<ContainerPort> out = new ArrayList<>();
    for (JsonNode container : Tree.list(podSpec, "containers")) {
      for (JsonNode port : Tree.list(container, "ports")) {
        Optional<Integer> number = Tree.integer(port, "containerPort");
        if (number.isEmpty() || number.get() < 1 || number.get() > 65535) {
          continue;
        }
        String protocolName = Tree.text(port, "protocol", "TCP");
        Optional<Protocol> protocol = Protocol.parse(protocolName);
        if (protocol.isEmpty()) {
          warnings.add("container port " + number.get() + " has unknown protocol " + protocolName);
          continue;
        }
        out.add(new ContainerPort(Tree.text(port, "name", ""), number.get(), protocol.get()));
      }
    }
    return out;
  }

  private void addWorkload(
      String namespace, String name, String kind, Map<String, String> labels,
      List<ContainerPort> ports, List<IpAddress> addresses, String serviceAccount) {
    WorkloadParts parts =
        workloads.computeIfAbsent(
            namespace + "/" + name,
            k -> new WorkloadParts(namespace, name, kind, labels, ports, serviceAccount));
    for (IpAddress a : addresses) {
      if (!parts.addresses.contains(a)) {
        parts.addresses.add(a);
      }
    }
  }

  private Manifests finish() {
    World.Builder world = World.builder();
    namespaces.values().forEach(world::namespace);
    for (WorkloadParts p : workloads.values()) {
      world.workload(
          new Workload(p.namespace, p.name, p.kind, p.labels, p.ports, p.addresses, p.serviceAccount));
    }
    return new Manifests(world.build(), policies, warnings);
  }

  /** The first pod read of a workload describes it; later pods only add addresses. */
  private static final class WorkloadParts {
    final String namespace;
    final String name;
    final String kind;
    final Map<String, String> labels;
    final List<ContainerPort> ports;
    final String serviceAccount;
    final List<IpAddress> addresses = new ArrayList<>();

    WorkloadParts(
        String namespace, String name, String kind, Map<String, String> labels,
        List<ContainerPort> ports, String serviceAccount) {
      this.namespace = namespace;
      this.name = name;
      this.kind = kind;
      this.labels = labels;
      this.ports = ports;
      this.serviceAccount = serviceAccount;
    }
  }
}
