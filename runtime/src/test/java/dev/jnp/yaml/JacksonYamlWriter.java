package dev.jnp.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * jnp's writer as it was up to 2026-11-27, on Jackson's YAMLGenerator: kept as the reference that
 * {@link YamlWriter} is compared with. It is slow to start (an ObjectMapper and SnakeYAML's
 * emitter), which is why jnp no longer writes with it.
 */
final class JacksonYamlWriter {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .disable(YAMLGenerator.Feature.INDENT_ARRAYS)
              .stringQuotingChecker(new NotANumberOrDate())
              .build());

  private JacksonYamlWriter() {}

  /**
   * Jackson's checks, plus the plain scalars that YAML 1.1 resolvers (SnakeYAML, PyYAML) or YAML
   * 1.2 read as numbers or timestamps and Jackson does not quote: base 60 ({@code 20:21}),
   * underscores ({@code 1_000}), hex, octal and binary forms, exponents, dates, and the merge and
   * value keys {@code <<} and {@code =}.
   */
  private static final class NotANumberOrDate extends StringQuotingChecker.Default {
    private static final Pattern NOT_A_STRING = YamlScalars.NOT_A_STRING;

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || NOT_A_STRING.matcher(value).matches();
    }

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || NOT_A_STRING.matcher(name).matches();
    }
  }

  /** One document. */
  public static String write(Map<String, Object> document) {
    try {
      return MAPPER.writeValueAsString(document).replace("\r\n", "\n");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A multi-document stream: the documents in order, separated by {@code ---}. */
  public static String writeAll(List<Map<String, Object>> documents) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < documents.size(); i++) {
      if (i > 0) {
        out.append("---\n");
      }
      out.append(write(documents.get(i)));
    }
    return out.toString();
  }
}
