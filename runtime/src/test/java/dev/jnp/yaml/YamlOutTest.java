package dev.jnp.yaml;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A document written top-down is what {@link YamlWriter} writes of its tree ({@link YamlText}), and
 * is that tree ({@link YamlTree}); maps and lists ended by {@link YamlOut#endOrDrop} are left out
 * when empty, as an independent pruning of the tree says.
 */
class YamlOutTest {
  /** Stands for a map or list that was dropped. */
  private static final Object DROPPED = new Object();

  @Test
  void aDocumentWrittenTopDownIsWhatTheWriterWritesOfItsTree() {
    for (long seed = 0; seed < 3000; seed++) {
      for (RandomTrees trees : List.of(RandomTrees.ordinary(seed), RandomTrees.nasty(seed))) {
        Map<String, Object> document = trees.document();
        YamlText text = YamlText.document();
        YamlTree tree = new YamlTree();
        Random choices = new Random(seed);
        writeFields(document, text, new Random(seed), false);
        writeFields(document, tree, choices, false);
        String expected = YamlWriter.write(document);
        assertWithMessage("seed %s", seed).that(written(text)).isEqualTo(expected);
        assertWithMessage("seed %s", seed).that(tree.document()).isEqualTo(document);
        assertThat(YamlWriter.write(tree.document())).isEqualTo(expected);
      }
    }
  }

  @Test
  void anEmptyMapOrListEndedOrDroppedIsLeftOutWithItsKeyOrItsPlace() {
    int dropped = 0;
    for (long seed = 0; seed < 3000; seed++) {
      for (RandomTrees trees : List.of(RandomTrees.ordinary(seed), RandomTrees.nasty(seed))) {
        Map<String, Object> document = trees.document();
        YamlText text = YamlText.document();
        YamlTree tree = new YamlTree();
        @SuppressWarnings("unchecked")
        Map<String, Object> pruned = (Map<String, Object>) writeFields(document, text, new Random(seed), true);
        writeFields(document, tree, new Random(seed), true);
        assertWithMessage("seed %s", seed).that(written(text)).isEqualTo(YamlWriter.write(pruned));
        assertWithMessage("seed %s", seed).that(tree.document()).isEqualTo(pruned);
        if (!pruned.equals(document)) {
          dropped++;
        }
      }
    }
    assertThat(dropped).isAtLeast(500);
  }

  @Test
  void theLastStepsOfAnObjectAreWrittenAsTheWriterWouldWriteThem() {
    YamlText text = YamlText.document();
    text.key("spec").beginMap().key("ingress").beginList().endOrDrop();
    text.key("egress").beginList().beginMap().end().value("x").beginList().end().end();
    text.key("podSelector").beginMap().end().end();
    assertThat(written(text)).isEqualTo("spec:\n  egress:\n  - {}\n  - x\n  - []\n  podSelector: {}\n");
    assertThat(written(YamlText.document())).isEqualTo("{}\n");
  }

  @Test
  void aDocumentNestedDeeperThanTheThreadsColumnsIsWrittenWholeAndTheNextAsUsual() {
    for (int levels : new int[] {31, 32, 33, 100}) {
      Map<String, Object> document = new LinkedHashMap<>();
      Map<String, Object> map = document;
      for (int level = 0; level < levels; level++) {
        List<Object> list = new ArrayList<>();
        Map<String, Object> inner = new LinkedHashMap<>();
        list.add("at " + level);
        list.add(inner);
        map.put("k" + level, list);
        map = inner;
      }
      map.put("last", "leaf");
      YamlText text = YamlText.document();
      writeFields(document, text, new Random(levels), false);
      assertWithMessage("%s levels", levels).that(written(text)).isEqualTo(YamlWriter.write(document));
      YamlText shallow = YamlText.document();
      shallow.key("a").value("b");
      assertThat(written(shallow)).isEqualTo("a: b\n");
    }
  }

  @Test
  void theBytesAreTheTextInUtf8() {
    for (long seed = 0; seed < 1000; seed++) {
      for (RandomTrees trees : List.of(RandomTrees.ordinary(seed), RandomTrees.nasty(seed))) {
        Map<String, Object> document = trees.document();
        YamlText text = YamlText.document();
        writeFields(document, text, new Random(seed), false);
        byte[] utf8 = text.utf8();
        assertWithMessage("seed %s", seed).that(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(YamlWriter.write(document));
      }
    }
  }

  @Test
  void integersAndLongDocumentsAreWrittenWhole() {
    Map<String, Object> document = new LinkedHashMap<>();
    List<Object> numbers = new ArrayList<>();
    for (int n : new int[] {0, 9, 10, 99, 100, 65535, -1, -10, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
      numbers.add(n);
    }
    document.put("numbers", numbers);
    // Past the first buffer (8 KB) and past the size a thread keeps its buffer at (1 MB).
    for (int i = 0; i < 40_000; i++) {
      document.put("key-" + i, "value-é-" + i);
    }
    for (int round = 0; round < 2; round++) {
      YamlText text = YamlText.document();
      document.forEach((key, value) -> text.key(key).value(value));
      // Compared whole: a diff of two 1 MB texts would fill the test's heap.
      assertWithMessage("a document of 40,000 fields").that(written(text).equals(YamlWriter.write(document))).isTrue();
    }
    YamlText small = YamlText.document();
    small.key("after").value(1);
    assertThat(written(small)).isEqualTo("after: 1\n");
  }

  @Test
  void aKeyOrValueOutOfPlaceIsRefused() {
    for (YamlOut out : List.of(YamlText.document(), new YamlTree())) {
      assertThrows(IllegalStateException.class, () -> out.value("a value without its key"));
      assertThrows(IllegalStateException.class, out::end);
      out.key("list").beginList();
      assertThrows(IllegalStateException.class, () -> out.key("a key in a list"));
      out.end().key("a");
      assertThrows(IllegalStateException.class, () -> out.key("a key after a key"));
      assertThrows(IllegalStateException.class, out::end);
    }
    YamlText open = YamlText.document();
    open.key("open").beginMap();
    assertThrows(IllegalStateException.class, open::utf8);
  }

  /**
   * Writes the fields of {@code map} into {@code out}, whose map is begun, each map and list
   * begun and ended in place, or now and then given whole; with {@code dropping}, some are ended by
   * {@link YamlOut#endOrDrop}. What the document should be: {@code map} without those dropped.
   */
  private static Object writeFields(Map<?, ?> map, YamlOut out, Random random, boolean dropping) {
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<?, ?> field : map.entrySet()) {
      out.key((String) field.getKey());
      Object value = write(field.getValue(), out, random, dropping);
      if (value != DROPPED) {
        kept.put((String) field.getKey(), value);
      }
    }
    return kept;
  }

  private static Object write(Object value, YamlOut out, Random random, boolean dropping) {
    boolean container = value instanceof Map<?, ?> || value instanceof List<?>;
    if (!container || (!dropping && random.nextInt(4) == 0)) {
      out.value(value);
      return value;
    }
    Object kept;
    if (value instanceof Map<?, ?> map) {
      out.beginMap();
      kept = writeFields(map, out, random, dropping);
    } else {
      out.beginList();
      List<Object> items = new ArrayList<>();
      for (Object item : (List<?>) value) {
        Object written = write(item, out, random, dropping);
        if (written != DROPPED) {
          items.add(written);
        }
      }
      kept = items;
    }
    boolean empty = kept instanceof Map<?, ?> m ? m.isEmpty() : ((List<?>) kept).isEmpty();
    if (dropping && random.nextInt(3) > 0) {
      out.endOrDrop();
      return empty ? DROPPED : kept;
    }
    out.end();
    return kept;
  }

  /** The document, ended, as text. */
  private static String written(YamlText text) {
    return new String(text.utf8(), StandardCharsets.UTF_8);
  }
}
