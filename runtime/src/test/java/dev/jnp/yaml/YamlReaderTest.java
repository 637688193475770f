package dev.jnp.yaml;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
  private static final ObjectMapper SNAKE_YAML = new YAMLMapper();

  /** What Jackson's YAML parser (SnakeYAML underneath) reads: the reference. */
  private static List<JsonNode> jackson(String yaml) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    SNAKE_YAML.readerFor(JsonNode.class).readValues(yaml).forEachRemaining(n -> documents.add((JsonNode) n));
    return documents;
  }

  @Test
  void readsEveryWrittenTreeAsJacksonsParserDoes() throws IOException {
    for (long seed = 0; seed < 2_000; seed++) {
      List<Map<String, Object>> documents = List.of(RandomTrees.nasty(seed).document(), RandomTrees.ordinary(seed).document());
      String yaml = YamlWriter.writeAll(documents);
      assertWithMessage("seed %s:%n%s", seed, yaml).that(YamlReader.readAll(yaml)).isEqualTo(jackson(yaml));
    }
  }

  @Test
  void readsEverySampleGoldenAsJacksonsParserDoes() throws IOException {
    Path expected = Path.of("..", "samples", "jaas", "expected");
    List<Path> goldens;
    try (Stream<Path> files = Files.walk(expected)) {
      goldens = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(goldens).isNotEmpty();
    for (Path golden : goldens) {
      String yaml = Files.readString(golden, StandardCharsets.UTF_8);
      assertWithMessage("%s", golden).that(YamlReader.readAll(yaml)).isEqualTo(jackson(yaml));
    }
  }

  @Test
  void scalarsResolveAsTheWriterMeantThem() {
    JsonNode read = YamlReader.readAll("a: 8080\nb: \"8080\"\nc: true\nd: null\ne: 1.5E+3\nf: '*'\ng: 20:21x\nh: {}\ni: []\n").get(0);
    assertThat(read.get("a").isInt()).isTrue();
    assertThat(read.get("b").asText()).isEqualTo("8080");
    assertThat(read.get("c").booleanValue()).isTrue();
    assertThat(read.get("d").isNull()).isTrue();
    assertThat(read.get("e").doubleValue()).isEqualTo(1500.0);
    assertThat(read.get("f").asText()).isEqualTo("*");
    assertThat(read.get("g").asText()).isEqualTo("20:21x");
    assertThat(read.get("h").isObject()).isTrue();
    assertThat(read.get("i").isArray()).isTrue();
  }

  @Test
  void refusesWhatTheWriterWouldNotHaveWrittenAtItsLine() {
    IllegalArgumentException tab = assertThrows(IllegalArgumentException.class, () -> YamlReader.readAll("a:\n  b: 1\n   c: 2\n"));
    assertThat(tab).hasMessageThat().contains("line 3");
    assertThrows(IllegalArgumentException.class, () -> YamlReader.readAll("a: [1, 2]\n"));
    assertThrows(IllegalArgumentException.class, () -> YamlReader.readAll("a: 1\na: 2\n"));
    assertThrows(IllegalArgumentException.class, () -> YamlReader.readAll("a: \"open\n"));
    assertThrows(IllegalArgumentException.class, () -> YamlReader.readAll("a: 1"));
    assertThrows(IllegalArgumentException.class, () -> YamlReader.readAll("a:\nb: 1\n"));
  }
}
