package dev.jnp.compiler.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeleteDelta;
import com.github.difflib.patch.InsertDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The unified diff {@code jnp fmt --check} prints. Lines that occur once in each text, in the same
 * order in both (a workload's first line, say), tie the texts together; only the runs of lines
 * between them are diffed, with java-diff-utils' Myers diff. Diffing the whole texts costs their
 * length times the number of changes: a 3.9 MB file with every selector indented wrongly did not
 * finish in five minutes.
 */
final class SourceDiff {
  private SourceDiff() {}

  /** The diff from {@code before} to {@code after}, both named {@code name}, with 3 lines of context. */
  static String unified(String name, String before, String after) {
    List<String> original = before.lines().toList();
    List<String> revised = after.lines().toList();
    Patch<String> patch = new Patch<>();
    int fromOriginal = 0;
    int fromRevised = 0;
    for (int[] tie : ties(original, revised)) {
      addRun(patch, original, fromOriginal, tie[0], revised, fromRevised, tie[1]);
      fromOriginal = tie[0] + 1;
      fromRevised = tie[1] + 1;
    }
    addRun(patch, original, fromOriginal, original.size(), revised, fromRevised, revised.size());
    List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("a/" + name, "b/" + name, original, patch, 3);
    return String.join("\n", lines) + "\n";
  }

  /** The changes between two runs of lines, placed where the runs start. */
  private static void addRun(Patch<String> patch, List<String> original, int originalStart, int originalEnd,
      List<String> revised, int revisedStart, int revisedEnd) {
    if (originalStart == originalEnd && revisedStart == revisedEnd) {
      return;
    }
    Patch<String> run = DiffUtils.diff(
        original.subList(originalStart, originalEnd), revised.subList(revisedStart, revisedEnd));
    for (AbstractDelta<String> delta : run.getDeltas()) {
      Chunk<String> source = new Chunk<>(originalStart + delta.getSource().getPosition(), delta.getSource().getLines());
      Chunk<String> target = new Chunk<>(revisedStart + delta.getTarget().getPosition(), delta.getTarget().getLines());
      switch (delta.getType()) {
        case CHANGE -> patch.addDelta(new ChangeDelta<>(source, target));
        case DELETE -> patch.addDelta(new DeleteDelta<>(source, target));
        case INSERT -> patch.addDelta(new InsertDelta<>(source, target));
        default -> { } // equal runs are not changes
      }
    }
  }

  /**
   * Pairs of positions (in {@code original}, in {@code revised}) of lines that occur once in each,
   * as many as keep the same order in both, in that order.
   */
  private static List<int[]> ties(List<String> original, List<String> revised) {
    Map<String, int[]> seen = new HashMap<>(); // line → {count in original, position, count in revised, position}
    for (int i = 0; i < original.size(); i++) {
      int[] at = seen.computeIfAbsent(original.get(i), line -> new int[4]);
      at[0]++;
      at[1] = i;
    }
    for (int j = 0; j < revised.size(); j++) {
      int[] at = seen.get(revised.get(j));
      if (at != null) {
        at[2]++;
        at[3] = j;
      }
    }
    List<int[]> unique = new ArrayList<>(); // in the order of the original
    for (int i = 0; i < original.size(); i++) {
      int[] at = seen.get(original.get(i));
      if (at[0] == 1 && at[2] == 1) {
        unique.add(new int[] {i, at[3]});
      }
    }
    return longestIncreasing(unique);
  }

  /** The longest run of {@code pairs} (ordered by their first) whose seconds increase too. */
  private static List<int[]> longestIncreasing(List<int[]> pairs) {
    int[] tails = new int[pairs.size()]; // index into pairs of the smallest tail of each length
    int[] previous = new int[pairs.size()];
    int length = 0;
    for (int k = 0; k < pairs.size(); k++) {
      int low = 0;
      int high = length;
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (pairs.get(tails[middle])[1] < pairs.get(k)[1]) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      previous[k] = low > 0 ? tails[low - 1] : -1;
      tails[low] = k;
      length = Math.max(length, low + 1);
    }
    List<int[]> increasing = new ArrayList<>();
    for (int k = length > 0 ? tails[length - 1] : -1; k >= 0; k = previous[k]) {
      increasing.add(pairs.get(k));
    }
    Collections.reverse(increasing);
    return increasing;
  }
}
