package org.quartermaster.app.importer.tabular;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …": the closest known word within a small edit distance, or extending the word. */
final class Suggestions {

  private Suggestions() {}

  static Optional<String> closest(String word, Collection<String> known) {
    String wanted = word.toLowerCase(Locale.ROOT);
    int allowed = Math.max(2, wanted.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      String lower = candidate.toLowerCase(Locale.ROOT);
      int d = distance(wanted, lower);
      boolean close = d <= allowed || wanted.length() >= 4 && (lower.startsWith(wanted) || wanted.startsWith(lower));
      if (close && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** "; did you mean 'x'?" or "". */
  static String hint(String word, Collection<String> known) {
    return closest(word, known).map(k -> "; did you mean '" + k + "'?").orElse("");
  }

  private static int distance(String a, String b) {
    return org.quartermaster.engine.scenario.Suggestions.distance(a, b);
  }
}
