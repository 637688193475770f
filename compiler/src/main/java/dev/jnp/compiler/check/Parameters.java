package dev.jnp.compiler.check;

import dev.jnp.compiler.ast.Declaration;
import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.ast.Word;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Diagnostics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A file's parameters: declared types and defaults, with the settings from outside applied. */
public final class Parameters {

  /** The type of a parameter, fixed by how its default is written. */
  public enum Type {
    BOOLEAN,
    NUMBER,
    STRING;

    String article() {
      return switch (this) {
        case BOOLEAN -> "a boolean";
        case NUMBER -> "a number";
        case STRING -> "a string";
      };
    }
  }

  /** One parameter and its value: a Boolean, a Long or a String. */
  public record Param(String name, Type type, Object value, Declaration.Param declaration) {}

  private final Map<String, Param> params;

  private Parameters(Map<String, Param> params) {
    this.params = params;
  }

  public Optional<Param> get(String name) {
    return Optional.ofNullable(params.get(name));
  }

  public java.util.Set<String> names() {
    return params.keySet();
  }

  /**
   * The parameters of {@code file}, with {@code settings} applied where the file declares them
   * (settings for other files' parameters are the caller's to check).
   */
  public static Parameters of(JnpFile file, Map<String, Setting> settings, Diagnostics diagnostics) {
    Map<String, Param> params = new LinkedHashMap<>();
    for (Declaration.Param declaration : file.all(Declaration.Param.class)) {
      String name = declaration.name().text();
      if (!Names.isParamName(name)) {
        diagnostics.add(
            Diagnostic.error(Codes.BAD_NAME, declaration.name().span(), "'" + name + "' is not a parameter name")
                .withHint("use letters, digits, '_' and '-', in parts joined by '.' (operator.enabled)"));
        continue;
      }
      if (params.containsKey(name)) {
        diagnostics.add(
            Diagnostic.error(Codes.DUPLICATE_PARAM, declaration.name().span(), "parameter '" + name + "' is declared twice")
                .withHint("the first declaration is on line " + params.get(name).declaration().span().line()));
        continue;
      }
      Word value = declaration.defaultValue();
      if (value.isParamRef()) {
        diagnostics.add(
            Diagnostic.error(Codes.PARAM_TYPE, value.span(), "a parameter's default must be a literal, not " + value.source())
                .withHint("write true, false, a number or a string"));
        continue;
      }
      Type type = typeOf(value);
      Object defaultValue =
          switch (type) {
            case BOOLEAN -> Boolean.valueOf(value.text());
            case NUMBER -> Long.valueOf(value.text());
            case STRING -> value.text();
          };
      params.put(name, new Param(name, type, defaultValue, declaration));
    }
    for (Setting setting : settings.values()) {
      Param param = params.get(setting.name());
      if (param != null) {
        coerce(param, setting, diagnostics).ifPresent(v -> params.put(param.name(), new Param(param.name(), param.type(), v, param.declaration())));
      }
    }
    return new Parameters(params);
  }

  private static Type typeOf(Word value) {
    if (value.kind() == Word.Kind.PLAIN && (value.text().equals("true") || value.text().equals("false"))) {
      return Type.BOOLEAN;
    }
    if (value.kind() == Word.Kind.PLAIN && value.text().matches("\\d{1,18}")) {
      return Type.NUMBER;
    }
    return Type.STRING;
  }

  private static Optional<Object> coerce(Param param, Setting setting, Diagnostics diagnostics) {
    Object raw = setting.value();
    String text = String.valueOf(raw);
    switch (param.type()) {
      case BOOLEAN -> {
        if (raw instanceof Boolean b) {
          return Optional.of(b);
        }
        if (text.equals("true") || text.equals("false")) {
          return Optional.of(Boolean.valueOf(text));
        }
      }
      case NUMBER -> {
        if (raw instanceof Number n && n.longValue() == n.doubleValue()) {
          return Optional.of(n.longValue());
        }
        if (text.matches("\\d{1,18}")) {
          return Optional.of(Long.valueOf(text));
        }
      }
      case STRING -> {
        if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
          return Optional.of(text);
        }
      }
    }
    diagnostics.add(
        Diagnostic.error(
                Codes.BAD_SETTING,
                setting.origin(),
                "parameter '" + param.name() + "' is " + param.type().article() + ", not '" + text + "'")
            .withHint(
                switch (param.type()) {
                  case BOOLEAN -> "set it to true or false";
                  case NUMBER -> "set it to a whole number";
                  case STRING -> "set it to a string";
                }));
    return Optional.empty();
  }
}
