package dev.jnp.compiler.cli;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.jnp.compiler.TestSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No input puts a stack trace in front of a user: hundreds of mutations of the samples, each
 * compiled for every engine, exit 0 or 1 and never say "internal error".
 */
class MalformedInputTest {
  private static final String[] FRAGMENTS = {
    "allow", "from", "to", "egress {", "}", "{", "ns", "pods", "in", "any", "when", "not", "(", ")",
    "[", "]", ",", "=", "->", "$x", "\"", "\"\"\"", "port", "select", "cidr", "::", "/", "-", "0",
    "99999", "10.0.0.0/8", "fqdn", "*.", "apiserver", "nodes", "default deny", "expect allow",
    "native cilium ingress \"\"\"\n- {}\n\"\"\"", "\n", "é", "\t", "#", "param", "peer", "workload"
  };

  @TempDir Path dir;

  @Test
  void mutatedSamplesNeverCrash() throws IOException {
    List<String> seeds = new ArrayList<>();
    for (Path sample : TestSources.samples()) {
      seeds.add(Files.readString(sample));
    }
    Random random = new Random(20261127);
    Path file = dir.resolve("mutant.jnp");
    for (int i = 0; i < 400; i++) {
      String mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
      Files.writeString(file, mutant, StandardCharsets.UTF_8);
      for (String engine : new String[] {"kubernetes", "all"}) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"compile", "--engine", engine, file.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertWithMessage("exit status %s for:\n%s\nstderr:\n%s", status, mutant, err).that(status).isAnyOf(0, 1);
        assertWithMessage("stderr for:\n%s", mutant).that(err.toString()).doesNotContain("internal error");
      }
    }
  }

  private static String mutate(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(out.length() + 1);
      switch (random.nextInt(3)) {
        case 0 -> out.insert(at, " " + FRAGMENTS[random.nextInt(FRAGMENTS.length)] + " ");
        case 1 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(12)));
        default -> {
          int from = random.nextInt(out.length());
          int to = Math.min(out.length(), from + 1 + random.nextInt(30));
          out.insert(at, out.substring(from, to));
        }
      }
    }
    return out.toString();
  }
}
