package dev.jnp.compiler;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stream of documents that {@code jnp compile} prints, as text and as the bytes it writes. */
class ManifestTest {
  @Test
  void theBytesWrittenAreTheStreamInUtf8() throws IOException {
    List<Manifest> manifests = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      ByteArrayOutputStream written = new ByteArrayOutputStream();
      Manifest.writeStream(manifests, written);
      assertThat(written.toByteArray()).isEqualTo(Manifest.stream(manifests).getBytes(StandardCharsets.UTF_8));
      manifests.add(new Manifest("NetworkPolicy", "w" + n, Optional.of("é"), "metadata:\n  name: w" + n + "\n  namespace: é\n"));
    }
    assertThat(Manifest.stream(manifests.subList(0, 2)))
        .isEqualTo("metadata:\n  name: w0\n  namespace: é\n---\nmetadata:\n  name: w1\n  namespace: é\n");
    assertThat(manifests.get(1).yaml()).isEqualTo("metadata:\n  name: w1\n  namespace: é\n");
    assertThat(manifests.get(1)).isEqualTo(new Manifest("NetworkPolicy", "w1", Optional.of("é"), "metadata:\n  name: w1\n  namespace: é\n"));
    assertThat(manifests.get(1)).isNotEqualTo(manifests.get(2));
  }
}
