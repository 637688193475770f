package dev.jnp.engine;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.jnp.engine.ObjectTree.map;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A rule's peers, ports and Cilium's items of a field lose their duplicates as a {@code
 * LinkedHashSet} would drop them, the first of equal ones kept in its place, whether the list is
 * short (compared item by item) or long.
 */
class WithoutDuplicatesTest {
  @Test
  void sameAsALinkedHashSet() {
    Random random = new Random(20261128L);
    for (int i = 0; i < 2_000; i++) {
      int size = random.nextInt(3 * ObjectTree.COMPARED_ONE_BY_ONE / 2);
      int kinds = 1 + random.nextInt(size + 1);
      List<Object> items = new ArrayList<>();
      for (int j = 0; j < size; j++) {
        int kind = random.nextInt(kinds);
        // Equal trees made apart, as the converter makes them: equal, never the same object.
        items.add(kind % 2 == 0 ? map("number", kind) : map("namespaces", map("matchLabels", map("k", "v" + kind))));
      }
      assertWithMessage("%s", items)
          .that(ObjectTree.withoutDuplicates(items))
          .containsExactlyElementsIn(new ArrayList<>(new LinkedHashSet<>(items)))
          .inOrder();
    }
  }
}
