package dev.jnp.ir;

import java.util.Map;
import java.util.SortedMap;

/** Which namespaces a peer's pods are in. */
public sealed interface NamespaceSelector {

  /** Calls the method of {@code cases} for this selector's kind (see {@link Peer#accept}). */
  <R> R accept(Cases<R> cases);

  /** One method per kind of namespace selector. */
  interface Cases<R> {
    R own(Own own);

    R named(Named named);

    R labelled(Labelled labelled);

    R all(All all);
  }

  /** The namespace of the policy's own workload. */
  record Own() implements NamespaceSelector {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.own(this);
    }
  }

  /** One namespace, by name (the {@code kubernetes.io/metadata.name} label). */
  record Named(String name) implements NamespaceSelector {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.named(this);
    }
  }

  /** The namespaces that carry all of these labels. */
  record Labelled(SortedMap<String, String> labels) implements NamespaceSelector {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.labelled(this);
    }

    public Labelled(Map<String, String> labels) {
      this(Labels.sorted(labels));
    }
  }

  /** Every namespace. */
  record All() implements NamespaceSelector {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.all(this);
    }
  }
}
