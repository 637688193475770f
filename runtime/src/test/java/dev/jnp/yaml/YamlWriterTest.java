package dev.jnp.yaml;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.engine.ObjectTree;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class YamlWriterTest {
  /** Strings a YAML 1.1 or 1.2 reader would take for numbers, booleans, dates or keys. */
  private static final List<Object> LOOK_ALIKES =
      List.of(
          "20:21", "1:5", "0:0", "8080", "1_000", "0x1F", "0o17", "017", "0b101", "1e3", ".5",
          "-1", "+1", ".inf", ".NaN", "~", "null", "Yes", "on", "2024-01-01", "<<", "=");

  @Test
  void stringsThatReadAsSomethingElseAreQuotedAndReadBackAsStrings() {
    String yaml = YamlWriter.write(ObjectTree.map("values", LOOK_ALIKES));
    for (Object value : LOOK_ALIKES) {
      assertThat(yaml).contains("- \"" + value + "\"\n");
    }
    Map<String, Object> read = new Yaml().load(yaml);
    assertThat(read.get("values")).isEqualTo(LOOK_ALIKES);
  }

  @Test
  void ordinaryStringsStayPlain() {
    List<Object> plain =
        List.of("30000:32767", "::/0", "10.0.0.0/8", "all()", "app == 'x'", "k8s-app", "v1.2", "1.2.3", "*");
    String yaml = YamlWriter.write(ObjectTree.map("values", plain));
    assertThat(yaml)
        .isEqualTo(
            "values:\n- 30000:32767\n- ::/0\n- 10.0.0.0/8\n- all()\n- app == 'x'\n- k8s-app\n- v1.2\n"
                + "- 1.2.3\n- '*'\n");
    Map<String, Object> read = new Yaml().load(yaml);
    assertThat(read.get("values")).isEqualTo(plain);
  }

  @Test
  void numbersStayNumbers() {
    assertThat(YamlWriter.write(ObjectTree.map("port", 8080, "order", 1000)))
        .isEqualTo("port: 8080\norder: 1000\n");
  }

  @Test
  void writesWhatJacksonsGeneratorWroteForTheStringsBackendsWrite() {
    for (long seed = 0; seed < 2_000; seed++) {
      List<Map<String, Object>> documents = List.of(RandomTrees.ordinary(seed).document(), RandomTrees.ordinary(~seed).document());
      assertWithMessage("seed %s", seed)
          .that(YamlWriter.writeAll(documents))
          .isEqualTo(JacksonYamlWriter.writeAll(documents));
    }
  }

  @Test
  void writesATreeTheSameWhicheverMapsAndListsHoldIt() {
    for (long seed = 0; seed < 2_000; seed++) {
      Map<String, Object> document = RandomTrees.nasty(seed).document();
      String written = YamlWriter.write(document);
      assertWithMessage("seed %s", seed).that(YamlWriter.write(rebuilt(document, true))).isEqualTo(written);
      assertWithMessage("seed %s", seed).that(YamlWriter.write(rebuilt(document, false))).isEqualTo(written);
    }
  }

  /**
   * {@code tree} in {@link YamlMap}s and array lists (as backends build it, walked by index), or
   * in linked hash maps and linked lists (walked by iterators).
   */
  @SuppressWarnings("unchecked")
  private static <T> T rebuilt(T tree, boolean asBackendsBuild) {
    if (tree instanceof Map<?, ?> map) {
      Map<String, Object> copy = asBackendsBuild ? new YamlMap(0) : new LinkedHashMap<>();
      map.forEach((key, value) -> copy.put((String) key, rebuilt(value, asBackendsBuild)));
      return (T) copy;
    }
    if (tree instanceof List<?> list) {
      List<Object> copy = asBackendsBuild ? new ArrayList<>() : new LinkedList<>();
      list.forEach(item -> copy.add(rebuilt(item, asBackendsBuild)));
      return (T) copy;
    }
    return tree;
  }

  @Test
  void everyTreeReadsBackAsItselfInSnakeYaml() throws IOException {
    for (long seed = 0; seed < 2_000; seed++) {
      Map<String, Object> document = RandomTrees.nasty(seed).document();
      String yaml = YamlWriter.write(document);
      assertWithMessage("seed %s:%n%s", seed, yaml).that(SNAKE_YAML.readTree(yaml)).isEqualTo(TREES.valueToTree(document));
    }
  }

  @Test
  void aMultiDocumentStreamReadsBackDocumentByDocument() throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (long seed = 0; seed < 20; seed++) {
      documents.add(RandomTrees.nasty(seed).document());
    }
    documents.add(Map.of());
    ArrayNode read = TREES.createArrayNode();
    SNAKE_YAML.readerFor(JsonNode.class).readValues(YamlWriter.writeAll(documents)).forEachRemaining(n -> read.add((JsonNode) n));
    assertThat(read).isEqualTo(TREES.valueToTree(documents));
  }

  @Test
  void charactersThatCannotStandAsTheyAreAreEscaped() {
    assertThat(YamlWriter.write(ObjectTree.map("k", "a\tb\nc\u0001\"\\")))
        .isEqualTo("k: \"a\\tb\\nc\\u0001\\\"\\\\\"\n");
    assertThat(YamlWriter.write(ObjectTree.map("k", "*", "- x", "- x", "x: y", "x: y"))).isEqualTo("k: '*'\n\"- x\": '- x'\n'x: y': \"x: y\"\n");
  }

  private static final ObjectMapper SNAKE_YAML = new YAMLMapper();
  private static final ObjectMapper TREES = new ObjectMapper();
}
