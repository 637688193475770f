package dev.jnp.compiler.lsp;

import dev.jnp.compiler.ast.JnpFile;
import dev.jnp.compiler.syntax.SourceParser;
import dev.jnp.diagnostics.Result;
import java.net.URI;
import java.nio.file.Path;

/**
 * One version of an open {@code .jnp} document: its URI, the path diagnostics name it by (the
 * file's path for {@code file:} URIs, as {@code jnp check} would name it), and its text. Parsed
 * at most once, when first asked.
 */
final class PolicyDocument {
  private final String uri;
  private final String path;
  private final int version;
  private final SourceText source;
  private Result<JnpFile> parsed;

  PolicyDocument(String uri, int version, String text) {
    this.uri = uri;
    this.path = pathOf(uri);
    this.version = version;
    this.source = new SourceText(text);
  }

  String uri() {
    return uri;
  }

  String path() {
    return path;
  }

  int version() {
    return version;
  }

  SourceText source() {
    return source;
  }

  String text() {
    return source.text();
  }

  /** The AST with the parser's diagnostics; the value is empty when the text has syntax errors. */
  synchronized Result<JnpFile> parsed() {
    if (parsed == null) {
      parsed = SourceParser.parse(path, source.text());
    }
    return parsed;
  }

  static String pathOf(String uri) {
    try {
      URI parsedUri = URI.create(uri);
      if ("file".equals(parsedUri.getScheme())) {
        return Path.of(parsedUri).toString();
      }
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      // Not a file URI this platform can map: name the document by its URI.
    }
    return uri;
  }
}
