package dev.jnp.compiler.cli;

import dev.jnp.compiler.SourceInput;
import dev.jnp.compiler.check.Codes;
import dev.jnp.compiler.check.Setting;
import dev.jnp.diagnostics.Diagnostic;
import dev.jnp.diagnostics.Diagnostics;
import dev.jnp.diagnostics.SourceSpan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what the command line names: source files, values files, {@code --set} pairs. */
final class Inputs {
  /** Larger source files are refused: a policy is kilobytes, not megabytes. */
  static final long MAX_SOURCE_BYTES = 4L * 1024 * 1024;

  private Inputs() {}

  /** Reads source files; unreadable, oversized, binary or non-UTF-8 files become diagnostics. */
  static List<SourceInput> sources(List<Path> paths, Diagnostics diagnostics) {
    List<SourceInput> sources = new ArrayList<>();
    for (Path path : paths) {
      read(path, diagnostics).ifPresent(text -> sources.add(new SourceInput(path.toString(), text)));
    }
    return sources;
  }

  static Optional<String> read(Path path, Diagnostics diagnostics) {
    String name = path.toString();
    try {
      if (Files.isDirectory(path)) {
        diagnostics.add(Diagnostic.error(Codes.UNREADABLE, SourceSpan.none(name), "'" + name + "' is a directory")
            .withHint("name the .jnp files in it"));
        return Optional.empty();
      }
      if (Files.size(path) > MAX_SOURCE_BYTES) {
        diagnostics.add(Diagnostic.error(Codes.UNREADABLE, SourceSpan.none(name), "'" + name + "' is larger than " + (MAX_SOURCE_BYTES >> 20) + " MiB")
            .withHint("split the policy into several files"));
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(path);
      return decode(name, bytes, diagnostics);
    } catch (NoSuchFileException e) {
      diagnostics.add(Diagnostic.error(Codes.UNREADABLE, SourceSpan.none(name), "no such file '" + name + "'")
          .withHint("check the path"));
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(Codes.UNREADABLE, SourceSpan.none(name), "cannot read '" + name + "': " + e.getMessage()));
    }
    return Optional.empty();
  }

  /** Strict UTF-8 with no NUL bytes; a problem is reported at its line and column. */
  static Optional<String> decode(String name, byte[] bytes, Diagnostics diagnostics) {
    // The JDK's own decoding, which puts U+FFFD for what is not UTF-8, is many times faster than a
    // strict decoder (a cold read of a 1.3 MB file: ~30 ms less); a NUL byte reads as '\0', and
    // the strict decoder runs only when a U+FFFD shows (a file may hold one, written as UTF-8).
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\0') >= 0) {
      int nul = 0;
      while (bytes[nul] != 0) {
        nul++;
      }
      diagnostics.add(Diagnostic.error(Codes.BAD_ENCODING, position(name, bytes, nul), "a NUL byte: this is not a text file")
          .withHint("jnp reads UTF-8 text"));
      return Optional.empty();
    }
    if (text.indexOf('\uFFFD') >= 0) {
      CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      try {
        decoder.decode(ByteBuffer.wrap(bytes));
      } catch (CharacterCodingException e) {
        int bad = firstInvalid(bytes);
        diagnostics.add(Diagnostic.error(Codes.BAD_ENCODING, position(name, bytes, bad), "the file is not valid UTF-8")
            .withHint("save it as UTF-8"));
        return Optional.empty();
      }
    }
    return Optional.of(text);
  }

  private static int firstInvalid(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return in.position();
  }

  private static SourceSpan position(String name, byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length() + 1;
    return new SourceSpan(name, line, column, line, column + 1);
  }

  /** {@code --values} files, flattened to dotted names, then {@code --set} pairs: later wins. */
  static List<Setting> settings(List<Path> valuesFiles, List<String> sets, Diagnostics diagnostics) {
    List<Setting> settings = new ArrayList<>();
    for (Path file : valuesFiles) {
      Optional<String> text = read(file, diagnostics);
      if (text.isEmpty()) {
        continue;
      }
      Object tree;
      try {
        tree = text.get().isBlank() ? Map.of() : ValuesYaml.read(text.get());
      } catch (IOException e) {
        diagnostics.add(Diagnostic.error(Codes.BAD_VALUES_FILE, SourceSpan.none(file.toString()), "invalid YAML: " + firstLine(e.getMessage()))
            .withHint("a values file is a YAML map of parameter names to values"));
        continue;
      }
      if (!(tree instanceof Map<?, ?> map)) {
        diagnostics.add(Diagnostic.error(Codes.BAD_VALUES_FILE, SourceSpan.none(file.toString()), "a values file must be a YAML map")
            .withHint("write 'operator: true', or nested 'operator: {enabled: true}'"));
        continue;
      }
      flatten("", map, file.toString(), settings, diagnostics);
    }
    for (String set : sets) {
      int equals = set.indexOf('=');
      SourceSpan origin = SourceSpan.none("--set " + set);
      if (equals <= 0) {
        diagnostics.add(Diagnostic.error(Codes.BAD_SETTING, origin, "'" + set + "' is not NAME=VALUE")
            .withHint("write --set operator=true"));
        continue;
      }
      settings.add(new Setting(set.substring(0, equals), set.substring(equals + 1), origin));
    }
    return settings;
  }

  private static void flatten(String prefix, Map<?, ?> map, String file, List<Setting> out, Diagnostics diagnostics) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = prefix + entry.getKey();
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> nested) {
        flatten(name + ".", nested, file, out, diagnostics);
      } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        out.add(new Setting(name, value, SourceSpan.none(file + " (" + name + ")")));
      } else {
        diagnostics.add(Diagnostic.error(Codes.BAD_VALUES_FILE, SourceSpan.none(file), "'" + name + "' must be a string, number or boolean")
            .withHint("parameters hold single values, not lists or nulls"));
      }
    }
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
