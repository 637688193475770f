package dev.jnp.yaml;

import static com.google.common.truth.Truth.assertThat;

import dev.jnp.engine.ObjectTree;
import java.util.List;
import java.util.Map;
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
}
