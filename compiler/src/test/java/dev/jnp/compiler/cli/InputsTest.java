package dev.jnp.compiler.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.jnp.compiler.TestSources;
import dev.jnp.diagnostics.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A source is strict UTF-8 without NUL bytes, and a problem is reported where it is. */
class InputsTest {
  @Test
  void utf8IsReadAsIs() {
    String text = "# é, 😀 and a replacement character written as such: \uFFFD\nnamespace a\n";
    assertThat(decode(text.getBytes(StandardCharsets.UTF_8))).hasValue(text);
    assertThat(decode(new byte[0])).hasValue("");
  }

  @Test
  void aNulByteIsReportedAtItsPlace() {
    assertThat(problems("namespace a\nworkload \0 x".getBytes(StandardCharsets.UTF_8)))
        .containsExactly("2:10: error[JNP0903]: a NUL byte: this is not a text file\n    hint: jnp reads UTF-8 text");
  }

  @Test
  void aNulByteIsReportedBeforeBadUtf8() {
    byte[] bytes = {'a', (byte) 0xff, 'b', 0};
    assertThat(problems(bytes)).containsExactly("1:4: error[JNP0903]: a NUL byte: this is not a text file\n    hint: jnp reads UTF-8 text");
  }

  @Test
  void badUtf8IsReportedAtItsFirstByte() {
    List<byte[]> bad = List.of(
        new byte[] {'n', 's', '\n', 'a', 'b', (byte) 0xe9, 'c'},           // Latin-1 é
        new byte[] {'n', 's', '\n', 'a', 'b', (byte) 0xc3},                // cut short at the end
        new byte[] {'n', 's', '\n', 'a', 'b', (byte) 0xed, (byte) 0xa0, (byte) 0x80}, // a surrogate
        new byte[] {'n', 's', '\n', 'a', 'b', (byte) 0xc0, (byte) 0xaf});  // overlong '/'
    for (byte[] bytes : bad) {
      assertThat(problems(bytes)).containsExactly("2:3: error[JNP0903]: the file is not valid UTF-8\n    hint: save it as UTF-8");
    }
  }

  private static Optional<String> decode(byte[] bytes) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<String> text = Inputs.decode("test.jnp", bytes, diagnostics);
    assertThat(diagnostics.sorted()).isEmpty();
    return text;
  }

  private static List<String> problems(byte[] bytes) {
    Diagnostics diagnostics = new Diagnostics();
    assertThat(Inputs.decode("test.jnp", bytes, diagnostics)).isEmpty();
    return diagnostics.sorted().stream().map(TestSources::oneLine).toList();
  }
}
