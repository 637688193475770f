package dev.jnp.yaml;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class YamlMapTest {
  private static final List<String> KEYS = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i");

  @Test
  void behavesAsAnInsertionOrderedMapUnderRandomChanges() {
    for (long seed = 0; seed < 500; seed++) {
      Random random = new Random(seed);
      Map<String, Object> expected = new LinkedHashMap<>();
      YamlMap actual = new YamlMap(random.nextInt(3));
      for (int step = 0; step < 60; step++) {
        // A new instance of an equal key, sometimes: keys are compared by equals, not identity.
        String key = random.nextBoolean() ? KEYS.get(random.nextInt(KEYS.size())) : new String(KEYS.get(random.nextInt(KEYS.size())));
        Object value = random.nextInt(8) == 0 ? null : random.nextInt(5);
        String at = "seed " + seed + " step " + step;
        switch (random.nextInt(7)) {
          case 0, 1, 2 -> assertWithMessage("%s: put %s", at, key).that(actual.put(key, value)).isEqualTo(expected.put(key, value));
          case 3 -> assertWithMessage("%s: remove %s", at, key).that(actual.remove(key)).isEqualTo(expected.remove(key));
          case 4 -> assertWithMessage("%s: removed", at).that(removeEveryThird(actual)).isEqualTo(removeEveryThird(expected));
          case 5 -> assertWithMessage("%s: set", at).that(setEach(actual, value)).isEqualTo(setEach(expected, value));
          default -> {
            if (random.nextInt(10) == 0) {
              actual.clear();
              expected.clear();
            }
            assertWithMessage("%s: get %s", at, key).that(actual.get(key)).isEqualTo(expected.get(key));
          }
        }
        assertWithMessage(at).that(actual).isEqualTo(expected);
        assertWithMessage(at).that(expected).isEqualTo(actual);
        assertWithMessage(at).that(new ArrayList<>(actual.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
        assertWithMessage(at).that(new ArrayList<>(actual.values())).isEqualTo(new ArrayList<>(expected.values()));
        assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
        List<String> forEachKeys = new ArrayList<>();
        actual.forEach((k, v) -> forEachKeys.add(k + "=" + v));
        assertWithMessage(at).that(forEachKeys).isEqualTo(expected.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        // Another YamlMap of the same fields in another order is equal; with one value changed, not.
        List<String> shuffled = new ArrayList<>(expected.keySet());
        Collections.shuffle(shuffled, random);
        YamlMap other = new YamlMap(0);
        shuffled.forEach(k -> other.put(new String(k), expected.get(k)));
        assertWithMessage(at).that(actual.equals(other)).isTrue();
        assertWithMessage(at).that(other.equals(actual)).isTrue();
        assertThat(other.hashCode()).isEqualTo(actual.hashCode());
        if (!shuffled.isEmpty()) {
          String changed = shuffled.get(random.nextInt(shuffled.size()));
          other.put(changed, expected.get(changed) == null ? 7 : null);
          assertWithMessage(at).that(actual.equals(other)).isFalse();
          other.remove(changed);
          assertWithMessage(at).that(actual.equals(other)).isFalse();
          other.put("z", expected.get(changed));
          assertWithMessage(at).that(actual.equals(other)).isFalse();
        }
        assertThat(actual.containsKey(key)).isEqualTo(expected.containsKey(key));
        for (int i = 0; i < actual.size(); i++) {
          assertThat(actual.keyAt(i)).isEqualTo(new ArrayList<>(expected.keySet()).get(i));
          assertThat(actual.valueAt(i)).isEqualTo(new ArrayList<>(expected.values()).get(i));
        }
      }
    }
  }

  private static List<String> removeEveryThird(Map<String, Object> map) {
    List<String> removed = new ArrayList<>();
    Iterator<Map.Entry<String, Object>> entries = map.entrySet().iterator();
    for (int i = 0; entries.hasNext(); i++) {
      Map.Entry<String, Object> entry = entries.next();
      if (i % 3 == 1) {
        removed.add(entry.getKey());
        entries.remove();
      }
    }
    return removed;
  }

  private static List<Object> setEach(Map<String, Object> map, Object value) {
    List<Object> previous = new ArrayList<>();
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      previous.add(entry.setValue(value));
    }
    return previous;
  }

  @Test
  void ofTakesItsFieldsAsIfEachWerePutInTurn() {
    for (long seed = 0; seed < 2_000; seed++) {
      Random random = new Random(seed);
      Object[] keysAndValues = new Object[2 * random.nextInt(9)];
      Map<String, Object> expected = new LinkedHashMap<>();
      for (int i = 0; i < keysAndValues.length; i += 2) {
        String key = new String(KEYS.get(random.nextInt(5))); // few keys: some given twice
        Object value = random.nextInt(4) == 0 ? null : random.nextInt(5);
        keysAndValues[i] = key;
        keysAndValues[i + 1] = value;
        if (value != null) {
          expected.put(key, value);
        }
      }
      String at = "seed " + seed;
      YamlMap actual = YamlMap.of(keysAndValues);
      assertWithMessage(at).that(actual).containsExactlyEntriesIn(expected).inOrder();
      for (int i = 0; i < actual.size(); i++) {
        assertWithMessage(at).that(actual.keyAt(i)).isEqualTo(new ArrayList<>(expected.keySet()).get(i));
      }
      // Then changed as any map: the array's room after its fields is the map's own.
      for (int step = 0; step < 20; step++) {
        String key = KEYS.get(random.nextInt(KEYS.size()));
        if (random.nextInt(3) == 0) {
          assertWithMessage("%s: remove %s", at, key).that(actual.remove(key)).isEqualTo(expected.remove(key));
        } else {
          assertWithMessage("%s: put %s", at, key).that(actual.put(key, step)).isEqualTo(expected.put(key, step));
        }
        assertWithMessage("%s step %s", at, step).that(actual).containsExactlyEntriesIn(expected).inOrder();
      }
    }
    assertThrows(IllegalArgumentException.class, () -> YamlMap.of("a", 1, "b"));
    assertThrows(NullPointerException.class, () -> YamlMap.of(null, 1));
    assertThat(YamlMap.of(null, null, "a", 1)).containsExactly("a", 1);
  }

  @Test
  void aCopyKeepsTheOrderOfItsSource() {
    TreeMap<String, String> labels = new TreeMap<>(Map.of("tier", "web", "app", "shop", "zone", "a"));
    YamlMap copy = new YamlMap(labels);
    assertThat(copy).containsExactlyEntriesIn(labels).inOrder();
    copy.put("extra", "x");
    assertThat(copy.keyAt(3)).isEqualTo("extra");
    assertThat(labels).hasSize(3);
  }

  @Test
  void refusesANullKeyAndAnIndexOutOfRange() {
    YamlMap map = new YamlMap(1);
    assertThrows(NullPointerException.class, () -> map.put(null, "x"));
    map.put("a", 1);
    assertThrows(IndexOutOfBoundsException.class, () -> map.keyAt(1));
    assertThrows(IndexOutOfBoundsException.class, () -> map.valueAt(-1));
    Iterator<Map.Entry<String, Object>> entries = map.entrySet().iterator();
    assertThrows(IllegalStateException.class, entries::remove);
    entries.next();
    entries.remove();
    assertThrows(IllegalStateException.class, entries::remove);
    assertThat(map).isEmpty();
  }
}
