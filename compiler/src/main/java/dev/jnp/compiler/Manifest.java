package dev.jnp.compiler;

import dev.jnp.engine.Backend;
import dev.jnp.engine.ObjectId;
import dev.jnp.ir.Allowlist;
import dev.jnp.ir.DefaultDeny;
import dev.jnp.ir.PolicySet;
import dev.jnp.yaml.YamlText;
import java.util.List;
import java.util.Optional;

/**
 * One rendered policy object as written: its kind, name and namespace (empty for cluster-scoped
 * kinds), and its YAML document. The backend writes each object's YAML as it renders it, without
 * building its tree, and the compiler keeps only this.
 */
public record Manifest(String kind, String name, Optional<String> namespace, String yaml) {

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
    return new Manifest(id.kind(), id.name(), id.namespace(), yaml.written());
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
