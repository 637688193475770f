package dev.jnp.yaml;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One YAML document, written from the top down: the fields of its map in order, each value a
 * scalar, a nested map or list begun and ended in place, or a whole tree. The backends render
 * into one: {@link YamlText} writes the document as {@link YamlWriter} would write its tree,
 * without building the tree; {@link YamlTree} builds the tree.
 *
 * <p>A cold compile of 2,000 workloads on four engines spent a fifth of its time building object
 * trees and another sixth walking them to write them; written as they are rendered, they are never
 * made (docs/decisions.md, "Objects written as they are rendered").
 *
 * <p>Inside a map, {@link #key} names the next field, and the next call gives its value: {@link
 * #value}, {@link #beginMap} or {@link #beginList}. Inside a list, those calls add an item. {@link
 * #end} ends the innermost map or list; {@link #endOrDrop} ends it and, when it is empty, takes it
 * back with its key or its place in the list, as if it had never been begun.
 */
public abstract sealed class YamlOut permits YamlText, YamlTree {

  /** The next field of the map being written: the next call gives its value. */
  public abstract YamlOut key(String key);

  /**
   * A value: a string, a number, a boolean, or a whole tree of maps with string keys, lists and
   * those (natives, labels), written as {@link YamlWriter} writes it.
   */
  public abstract YamlOut value(Object value);

  /** Begins a map: the value of the pending key, or the next item of the list. */
  public abstract YamlOut beginMap();

  /** Begins a list: the value of the pending key, or the next item of the list. */
  public abstract YamlOut beginList();

  /** Ends the innermost map or list; an empty one is written {@code {}} or {@code []}. */
  public abstract YamlOut end();

  /** Ends the innermost map or list; an empty one is dropped with its key or its place. */
  public abstract YamlOut endOrDrop();

  /** A field of the map being written, left out when {@code value} is null. */
  public final YamlOut field(String key, Object value) {
    return value == null ? this : key(key).value(value);
  }

  /** A field whose value is a map of {@code labels}, in key order. */
  public final YamlOut labels(String key, SortedMap<String, String> labels) {
    key(key).beginMap();
    for (Map.Entry<String, String> label : labels.entrySet()) {
      key(label.getKey()).value(label.getValue());
    }
    return end();
  }

  /** A field whose value is a list of {@code items}. */
  public final YamlOut list(String key, List<?> items) {
    key(key).beginList();
    for (int i = 0; i < items.size(); i++) { // no iterator: a list of ports or blocks, per rule
      value(items.get(i));
    }
    return end();
  }
}
