package dev.jnp.compiler;

import dev.jnp.engine.PolicyObject;
import dev.jnp.yaml.YamlWriter;
import java.util.List;
import java.util.Optional;

/**
 * One rendered policy object as written: its kind, name and namespace (empty for cluster-scoped
 * kinds), and its YAML document. The compiler writes each object as soon as its backend makes it
 * and keeps only this: a large compile's object trees are garbage at once instead of living, and
 * being copied by the collector, until the end.
 */
public record Manifest(String kind, String name, Optional<String> namespace, String yaml) {

  /** {@code object}, written. */
  public static Manifest of(PolicyObject object) {
    return new Manifest(object.kind(), object.name(), object.namespace(), YamlWriter.write(object.tree()));
  }

  /** A file name for this object when objects are written one per file. */
  public String fileName() {
    return namespace.map(ns -> ns + "-").orElse("") + name + ".yaml";
  }

  /** The documents of {@code manifests} as one YAML stream, separated by {@code ---}. */
  public static String stream(List<Manifest> manifests) {
    int length = 0;
    for (Manifest manifest : manifests) {
      length += manifest.yaml.length() + 4;
    }
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < manifests.size(); i++) {
      if (i > 0) {
        out.append("---\n");
      }
      out.append(manifests.get(i).yaml);
    }
    return out.toString();
  }
}
