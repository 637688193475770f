package dev.jnp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.path.PathType;
import dev.jnp.engine.CidrBlock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks rendered policy objects against the upstream schemas in the shared folder ({@code
 * jnp.shared}, see {@code schemas/PROVENANCE.md}), as the API server would on create:
 *
 * <ul>
 *   <li>{@code kubernetes}: {@code kubernetes-networking-v1-openapi.json}, schema {@code
 *       io.k8s.api.networking.v1.NetworkPolicy};
 *   <li>{@code cilium}: {@code cilium-v2-ciliumnetworkpolicies-crd.yaml};
 *   <li>{@code calico}: {@code calico-networkpolicies-crd.yaml} (v3);
 *   <li>{@code clusterNetworkPolicy}: {@code network-policy-api-clusternetworkpolicies-crd.yaml}
 *       (standard channel).
 * </ul>
 *
 * <p>Unknown fields are errors (the OpenAPI schemas and the CRDs' structural schemas are closed in
 * memory, see {@link ClosedSchemas}); a CRD's {@code metadata} is checked against the Kubernetes
 * ObjectMeta schema; the CRDs' {@code x-kubernetes-validations} rules are evaluated with cel-java
 * ({@link #evaluatedRules}, {@link #skippedRules}); and every object must have the engine's
 * apiVersion and kind, a DNS-1123 subdomain name, a namespace exactly when the kind is namespaced,
 * and valid label keys and values.
 *
 * <p>Use from any module's tests (runtime's test-jar):
 *
 * <pre>{@code
 * assertThat(SchemaValidator.shared().validate("cilium", object.tree())).isEmpty();
 * }</pre>
 */
public final class SchemaValidator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory());
  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL_NAME =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final String OBJECT_META =
      "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

  private static SchemaValidator shared;

  private final Map<String, EngineSchema> engines = new LinkedHashMap<>();
  private final Schema objectMeta;

  /** What one engine's objects are checked against. */
  private record EngineSchema(
      String apiVersion, String kind, boolean namespaced, Schema schema, CelRules cel) {}

  private SchemaValidator(Path shared) {
    SchemaRegistry registry = registry();
    ObjectNode openApi = (ObjectNode) read(shared.resolve("schemas/kubernetes-networking-v1-openapi.json"));
    ClosedSchemas.closeComponents((ObjectNode) openApi.path("components").path("schemas"));
    engines.put(
        "kubernetes",
        new EngineSchema(
            "networking.k8s.io/v1",
            "NetworkPolicy",
            true,
            component(registry, openApi, "io.k8s.api.networking.v1.NetworkPolicy"),
            null));
    objectMeta = component(registry, openApi, OBJECT_META);
    engines.put("cilium", crd(registry, shared, "cilium-v2-ciliumnetworkpolicies-crd.yaml", "v2"));
    engines.put("calico", crd(registry, shared, "calico-networkpolicies-crd.yaml", "v3"));
    engines.put(
        "clusterNetworkPolicy",
        crd(registry, shared, "network-policy-api-clusternetworkpolicies-crd.yaml", "v1alpha2"));
  }

  /** The validator for the shared folder of this build, loaded once per JVM. */
  public static synchronized SchemaValidator shared() {
    if (shared == null) {
      shared = new SchemaValidator(SharedFolder.find());
    }
    return shared;
  }

  /** A validator for the schemas under {@code sharedFolder}{@code /schemas}. */
  public static SchemaValidator load(Path sharedFolder) {
    return new SchemaValidator(sharedFolder);
  }

  /** The engines this validator knows, in the language's order. */
  public List<String> engines() {
    return List.copyOf(engines.keySet());
  }

  /**
   * What is wrong with {@code object} (a rendered object tree, e.g. {@code
   * PolicyObject.tree()}) as an object of {@code engine}; empty if the API server would accept it.
   * Each message starts with the object's kind and name and the path of the problem.
   */
  public List<String> validate(String engine, Map<String, Object> object) {
    return validateNode(engine, JSON.valueToTree(object));
  }

  /** Every document of a YAML stream (such as a golden file), validated as {@link #validate}. */
  public List<String> validateYaml(String engine, String yaml) {
    List<String> errors = new ArrayList<>();
    try (var parser = YAML.createParser(yaml)) {
      for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
        JsonNode document = it.next();
        if (document != null && !document.isMissingNode() && !document.isNull()) {
          errors.addAll(validateNode(engine, document));
        }
      }
    } catch (IOException e) {
      errors.add("not YAML: " + e.getMessage());
    }
    return errors;
  }

  /** The CEL rules of {@code engine}'s CRD that are evaluated (none for kubernetes). */
  public List<String> evaluatedRules(String engine) {
    CelRules cel = schema(engine).cel();
    return cel == null ? List.of() : cel.evaluated();
  }

  /** The CEL rules of {@code engine}'s CRD that cannot be evaluated, each with the reason. */
  public List<String> skippedRules(String engine) {
    CelRules cel = schema(engine).cel();
    return cel == null ? List.of() : cel.skipped();
  }

  private EngineSchema schema(String engine) {
    EngineSchema schema = engines.get(engine);
    if (schema == null) {
      throw new IllegalArgumentException("no schema for engine '" + engine + "'; known: " + engines.keySet());
    }
    return schema;
  }

  private List<String> validateNode(String engine, JsonNode object) {
    EngineSchema schema = schema(engine);
    String who = object.path("kind").asText("?") + "/" + object.path("metadata").path("name").asText("?");
    List<String> errors = new ArrayList<>();
    if (!schema.apiVersion().equals(object.path("apiVersion").asText())) {
      errors.add("$.apiVersion: must be " + schema.apiVersion());
    }
    if (!schema.kind().equals(object.path("kind").asText())) {
      errors.add("$.kind: must be " + schema.kind());
    }
    metadata(object.path("metadata"), schema.namespaced(), errors);
    for (Error error : schema.schema().validate(object)) {
      errors.add(error.getInstanceLocation() + ": " + error.getMessage());
    }
    if (schema.cel() != null) {
      JsonNode root = schema.schema().getSchemaNode();
      schema.cel().validate(root, object, "$", errors);
    }
    return errors.stream().map(e -> who + ": " + e).toList();
  }

  private void metadata(JsonNode metadata, boolean namespaced, List<String> errors) {
    if (!metadata.isObject()) {
      errors.add("$.metadata: required");
      return;
    }
    for (Error error : objectMeta.validate(metadata)) {
      errors.add("$.metadata" + error.getInstanceLocation().toString().substring(1) + ": " + error.getMessage());
    }
    String name = metadata.path("name").asText("");
    if (name.length() > 253 || !DNS1123_SUBDOMAIN.matcher(name).matches()) {
      errors.add("$.metadata.name: '" + name + "' is not a DNS-1123 subdomain");
    }
    JsonNode namespace = metadata.path("namespace");
    if (namespaced
        && (namespace.asText("").length() > 63
            || !DNS1123_LABEL.matcher(namespace.asText("")).matches())) {
      errors.add("$.metadata.namespace: a namespaced object needs a DNS-1123 label, not '" + namespace.asText("") + "'");
    }
    if (!namespaced && !namespace.isMissingNode()) {
      errors.add("$.metadata.namespace: a cluster-scoped object has no namespace");
    }
    for (var label : metadata.path("labels").properties()) {
      if (!validLabelKey(label.getKey())) {
        errors.add("$.metadata.labels: '" + label.getKey() + "' is not a valid label key");
      }
      String value = label.getValue().asText("");
      if (!label.getValue().isTextual()
          || value.length() > 63
          || !(value.isEmpty() || LABEL_NAME.matcher(value).matches())) {
        errors.add("$.metadata.labels." + label.getKey() + ": '" + value + "' is not a valid label value");
      }
    }
  }

  private static boolean validLabelKey(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    String prefix = slash < 0 ? "" : key.substring(0, slash);
    return name.length() <= 63
        && LABEL_NAME.matcher(name).matches()
        && (slash < 0 || (prefix.length() <= 253 && DNS1123_SUBDOMAIN.matcher(prefix).matches()));
  }

  private static Schema component(SchemaRegistry registry, ObjectNode openApi, String name) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$ref", "#/components/schemas/" + name);
    root.set("components", openApi.get("components"));
    return registry.getSchema(SchemaLocation.of("https://jnp.dev/schemas/openapi/" + name), root);
  }

  private static EngineSchema crd(SchemaRegistry registry, Path shared, String file, String version) {
    JsonNode crd = read(shared.resolve("schemas").resolve(file));
    JsonNode names = crd.path("spec").path("names");
    String group = crd.path("spec").path("group").asText();
    for (JsonNode served : crd.path("spec").path("versions")) {
      if (served.path("name").asText().equals(version)) {
        ObjectNode schema = served.path("schema").path("openAPIV3Schema").deepCopy();
        ClosedSchemas.closeStructural(schema, true);
        return new EngineSchema(
            group + "/" + version,
            names.path("kind").asText(),
            "Namespaced".equals(crd.path("spec").path("scope").asText()),
            registry.getSchema(SchemaLocation.of("https://jnp.dev/schemas/crd/" + file), schema),
            new CelRules(schema));
      }
    }
    throw new IllegalStateException(file + " serves no version " + version);
  }

  /**
   * OpenAPI v3.0 schemas are closest to JSON Schema draft 4; Kubernetes' {@code cidr} format is
   * added, and its other formats ({@code int-or-string}, {@code int32}, …) are annotations.
   */
  private static SchemaRegistry registry() {
    Dialect dialect =
        Dialect.builder(Dialects.getDraft4())
            .format(
                new Format() {
                  @Override
                  public String getName() {
                    return "cidr";
                  }

                  @Override
                  public boolean matches(
                      com.networknt.schema.ExecutionContext context, String value) {
                    return CidrBlock.parse(value).isPresent();
                  }
                })
            .build();
    return SchemaRegistry.withDefaultDialect(
        dialect,
        builder ->
            builder.schemaRegistryConfig(
                SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build()));
  }

  private static JsonNode read(Path file) {
    try {
      String text = Files.readString(file);
      return file.toString().endsWith(".json") ? JSON.readTree(text) : YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + file, e);
    }
  }
}
