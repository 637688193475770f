package dev.jnp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.jnp.engine.CidrBlock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code x-kubernetes-validations} rules of a CRD schema, evaluated with cel-java as the API
 * server would on create: each rule at every node of the object its schema node describes, with
 * {@code self} bound to that node (as {@code dyn}). The standard CEL environment and macros are
 * there, plus the Kubernetes library function {@code isCIDR(string)} (Go's {@code
 * netip.ParsePrefix}), which is the only one these CRDs use. A rule that does not compile here
 * (another Kubernetes library function, or a transition rule on {@code oldSelf}) is recorded as
 * skipped, never silently passed.
 */
final class CelRules {
  private static final Cel CEL =
      CelFactory.standardCelBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .addFunctionDeclarations(
              CelFunctionDecl.newFunctionDeclaration(
                  "isCIDR",
                  CelOverloadDecl.newGlobalOverload(
                      "isCIDR_string", SimpleType.BOOL, SimpleType.STRING)))
          .addFunctionBindings(
              CelFunctionBinding.from(
                  "isCIDR_string", String.class, text -> CidrBlock.parse(text).isPresent()))
          .build();

  private final Map<String, Optional<CelRuntime.Program>> programs = new LinkedHashMap<>();
  private final Set<String> evaluated = new LinkedHashSet<>();
  private final Set<String> skipped = new LinkedHashSet<>();

  /** Compiles every rule under {@code schema}, so the lists of evaluated and skipped are whole. */
  CelRules(JsonNode schema) {
    schema.findValues("x-kubernetes-validations").stream()
        .flatMap(rules -> iterate(rules.elements()).stream())
        .forEach(rule -> program(rule.path("rule").asText()));
  }

  /** The rules this CRD's schema holds that are evaluated. */
  List<String> evaluated() {
    return List.copyOf(evaluated);
  }

  /** The rules that cannot be evaluated here, each with the reason. */
  List<String> skipped() {
    return List.copyOf(skipped);
  }

  /** Adds a message to {@code errors} for every rule that {@code instance} breaks. */
  void validate(JsonNode schema, JsonNode instance, String path, List<String> errors) {
    for (JsonNode rule : iterate(schema.path("x-kubernetes-validations").elements())) {
      String text = rule.path("rule").asText();
      Optional<CelRuntime.Program> program = program(text);
      if (program.isEmpty()) {
        continue;
      }
      String message = rule.has("message") ? rule.get("message").asText() : "failed rule: " + text;
      try {
        Object result = program.get().eval(Map.of("self", value(instance)));
        if (!Boolean.TRUE.equals(result)) {
          errors.add(path + ": " + message + " (x-kubernetes-validations: " + text + ")");
        }
      } catch (CelEvaluationException e) {
        errors.add(path + ": rule " + text + " could not be evaluated: " + e.getMessage());
      }
    }
    if (instance.isObject()) {
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.path("additionalProperties");
      for (Map.Entry<String, JsonNode> field : instance.properties()) {
        JsonNode child = properties.path(field.getKey());
        if (child.isMissingNode() && additional.isObject()) {
          child = additional;
        }
        if (child.isObject()) {
          validate(child, field.getValue(), path + "." + field.getKey(), errors);
        }
      }
    } else if (instance.isArray() && schema.path("items").isObject()) {
      for (int i = 0; i < instance.size(); i++) {
        validate(schema.get("items"), instance.get(i), path + "[" + i + "]", errors);
      }
    }
  }

  private Optional<CelRuntime.Program> program(String rule) {
    return programs.computeIfAbsent(
        rule,
        text -> {
          if (text.contains("oldSelf")) {
            skipped.add(text + " -- a transition rule: it only applies to updates");
            return Optional.empty();
          }
          CelValidationResult compiled = CEL.compile(text);
          if (compiled.hasError()) {
            skipped.add(text + " -- cel-java cannot compile it: " + compiled.getErrorString());
            return Optional.empty();
          }
          try {
            Optional<CelRuntime.Program> program =
                Optional.of(CEL.createProgram(compiled.getAst()));
            evaluated.add(text);
            return program;
          } catch (Exception e) {
            skipped.add(text + " -- cel-java cannot plan it: " + e.getMessage());
            return Optional.empty();
          }
        });
  }

  /** A JSON node as the Java values cel-java reads: maps, lists, longs, doubles, strings. */
  private static Object value(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(value(item)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNull()) {
      return NullValue.NULL_VALUE;
    }
    return node.asText();
  }

  private static <T> List<T> iterate(Iterator<T> iterator) {
    List<T> list = new ArrayList<>();
    iterator.forEachRemaining(list::add);
    return list;
  }
}
