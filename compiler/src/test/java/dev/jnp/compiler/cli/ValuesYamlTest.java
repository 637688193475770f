package dev.jnp.compiler.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ValuesYaml} reads a values file as the ObjectMapper it replaced did ({@code
 * readValue(text, Object.class)}): the same maps, lists, strings, numbers of the same classes,
 * booleans and nulls, or an error where the mapper had one.
 */
class ValuesYamlTest {
  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

  /** Scalars as people write them, and the forms YAML types in surprising ways. */
  private static final List<String> SCALARS = List.of(
      "true", "false", "True", "FALSE", "yes", "no", "on", "off", "y", "n", "Yes",
      "null", "Null", "~", "", "0", "-0", "+5", "42", "010", "0o17", "0x1F", "0b101", "1_000",
      "2147483647", "2147483648", "-2147483649", "9223372036854775807", "99999999999999999999",
      "1.5", "-1.50", "1e3", "1.0e+3", ".5", ".inf", "-.Inf", ".nan", "1:30", "2001-12-14",
      "10.0.0.1/32", "203.0.113.0/24", "flux-system", "a b", "'quoted'", "\"double\"", "\"42\"",
      "'true'", "!!str 123", "!!int \"42\"", "!!float 1", "!!bool true", "!!null ''", "&anchor 7",
      "[1, two, 3.0]", "{a: 1, b: [x, y]}", "[]", "{}", "\"multi\\nline\"", "|\n    block\n    text");

  @Test
  void readsTheSampleValuesFileAsTheMapperDid() throws IOException {
    assertThat(ValuesYaml.read("operator: true\n")).isEqualTo(Map.of("operator", true));
    String text = Files.readString(Path.of("..", "samples", "jaas", "jaas.operator.values.yaml"));
    assertSameAsTheMapper(text);
  }

  @Test
  void readsEveryScalarAsTheMapperDid() {
    for (String scalar : SCALARS) {
      String text = "value: " + scalar + "\n";
      assertSameAsTheMapper(text);
    }
  }

  @Test
  void readsNestedFilesAsTheMapperDid() {
    List<String> texts = List.of(
        "operator: true\nwebhook:\n  enabled: true\n  port: 9443\n",
        "a: &x {b: 1}\nc: *x\n",
        "a: *undefined\n",
        "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n",
        "a: 1\na: 2\n",
        "1: one\n2.5: two\ntrue: three\n",
        "a: 1\n---\nb: 2\n",
        "# only a comment\nkey: value # and another\n",
        "list:\n  - 1\n  - - nested\n  - {k: v}\n",
        "\"quoted key\": 1\n'single': 2\n");
    for (String text : texts) {
      assertSameAsTheMapper(text);
    }
  }

  @Test
  void readsRandomFilesAsTheMapperDid() {
    Random random = new Random(6);
    for (int file = 0; file < 500; file++) {
      StringBuilder text = new StringBuilder();
      int keys = 1 + random.nextInt(6);
      for (int key = 0; key < keys; key++) {
        text.append("k").append(key).append(':');
        if (random.nextInt(4) == 0) {
          text.append('\n');
          for (int inner = 0; inner < 1 + random.nextInt(3); inner++) {
            text.append("  i").append(inner).append(": ").append(scalar(random)).append('\n');
          }
        } else {
          text.append(' ').append(scalar(random)).append('\n');
        }
      }
      String yaml = text.toString();
      assertSameAsTheMapper(yaml);
    }
  }

  @Test
  void refusesWhatTheMapperRefused() {
    for (String text : List.of("a: [1, 2\n", "a: b: c\n", "a:\n\t- tab\n", "{a: 1\n")) {
      assertThrows(IOException.class, () -> MAPPER.readValue(text, Object.class), text);
      assertThrows(IOException.class, () -> ValuesYaml.read(text), text);
    }
  }

  @Test
  void aFileOfOnlyCommentsIsEmpty() throws IOException {
    assertThat(ValuesYaml.read("# nothing set here\n")).isEqualTo(Map.of());
  }

  /** The same value as the mapper read, or an error where the mapper had one. */
  private static void assertSameAsTheMapper(String text) {
    assertWithMessage("%s", text).that(outcome(() -> ValuesYaml.read(text)))
        .isEqualTo(outcome(() -> MAPPER.readValue(text, Object.class)));
  }

  private interface Read {
    Object read() throws IOException;
  }

  private static Object outcome(Read read) {
    try {
      return read.read();
    } catch (IOException e) {
      return "IOException";
    }
  }

  private static String scalar(Random random) {
    String scalar = SCALARS.get(random.nextInt(SCALARS.size()));
    // Block scalars need a line of their own, indented deeper than a nested key.
    return scalar.startsWith("|") ? "'block'" : scalar;
  }
}
