package dev.jnp.compiler;

import dev.jnp.engine.Backend;
import dev.jnp.engine.ObjectId;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.DefaultDeny;
import dev.jnp.ir.PolicySet;
import dev.jnp.yaml.YamlText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rendered policy object as written: its kind, name and namespace (empty for cluster-scoped
 * kinds), and its YAML document. The backend writes each object's YAML as it renders it, without
 * building its tree, and the compiler keeps only this.
 *
 * <p>The document is kept as the UTF-8 bytes {@code jnp compile} prints, so printing it copies
 * nothing; {@link #yaml} decodes it for those who read it as text. A class rather than a record:
 * a record's {@code equals} would compare the bytes by identity.
 */
public final class Manifest {
  private final String kind;
  private final String name;
  private final Optional<String> namespace;
  private final byte[] utf8;

  private Manifest(String kind, String name, Optional<String> namespace, byte[] utf8) {
    this.kind = Objects.requireNonNull(kind);
    this.name = Objects.requireNonNull(name);
    this.namespace = Objects.requireNonNull(namespace);
    this.utf8 = utf8;
  }

  /** An object of {@code kind}, named {@code name} in {@code namespace}, written as {@code yaml}. */
  public Manifest(String kind, String name, Optional<String> namespace, String yaml) {
    this(kind, name, namespace, yaml.getBytes(StandardCharsets.UTF_8));
  }

  /** The object of {@code allowlist}, one of {@code policies}, written by {@code backend}. */
  public static Manifest of(Backend backend, Allowlist allowlist, PolicySet policies) {
    YamlText yaml = YamlText.document();
    return of(backend.write(allowlist, policies, yaml), yaml);
  }

  /** The object of {@code deny} written by {@code backend}. */
  public static Manifest of(Backend backend, DefaultDeny deny) {
    YamlText yaml = YamlText.document();
    return of(backend.write(deny, yaml), yaml);
  }

  private static Manifest of(ObjectId id, YamlText yaml) {
    return new Manifest(id.kind(), id.name(), id.namespace(), yaml.utf8());
  }

  public String kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public Optional<String> namespace() {
    return namespace;
  }

  /** The YAML document, as text. */
  public String yaml() {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /** The documents of {@code manifests} as one YAML stream, separated by {@code ---}, in UTF-8 to {@code out}. */
  public static void writeStream(List<Manifest> manifests, OutputStream out) throws IOException {
    for (int i = 0; i < manifests.size(); i++) {
      writeDocument(i, manifests.get(i), out);
    }
  }

  // A document a call: a loop over thousands, as a large compile writes, is compiled only after
  // some 60,000 rounds in the interpreter, a method after a few hundred calls.
  private static void writeDocument(int index, Manifest manifest, OutputStream out) throws IOException {
    if (index > 0) {
      out.write(SEPARATOR);
    }
    out.write(manifest.utf8);
  }

  /** A file name for this object when objects are written one per file. */
  public String fileName() {
    return namespace.map(ns -> ns + "-").orElse("") + name + ".yaml";
  }

  /** The documents of {@code manifests} as one YAML stream, separated by {@code ---}. */
  public static String stream(List<Manifest> manifests) {
    int length = 0;
    for (Manifest manifest : manifests) {
      length += manifest.utf8.length + SEPARATOR.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length);
    try {
      writeStream(manifests, out);
    } catch (IOException cannotHappen) {
      throw new UncheckedIOException(cannotHappen);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static final byte[] SEPARATOR = "---\n".getBytes(StandardCharsets.US_ASCII);

  @Override
  public boolean equals(Object other) {
    return other instanceof Manifest that
        && kind.equals(that.kind)
        && name.equals(that.name)
        && namespace.equals(that.namespace)
        && Arrays.equals(utf8, that.utf8);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, namespace, Arrays.hashCode(utf8));
  }

  @Override
  public String toString() {
    return "Manifest[kind=" + kind + ", name=" + name + ", namespace=" + namespace + ", yaml=" + yaml() + "]";
  }
}
