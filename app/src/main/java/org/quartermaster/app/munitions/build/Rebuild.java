package org.quartermaster.app.munitions.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What changed between a saved built scenario and its rebuild from newer data: each number whose value
 * differs, appeared or disappeared, with the new number's provenance.
 */
public final class Rebuild {
  private Rebuild() {}

  /**
   * One change.
   *
   * @param before the saved value, or null when the path is new
   * @param after  the rebuilt value, or null when the path is gone
   * @param source the rebuilt number's comment (SOURCED … / ASSUMPTION …), or "gone"
   */
  public record Change(String path, Double before, Double after, String source) {
    @Override
    public String toString() {
      return path + ": " + (before == null ? "(none)" : Numbers.plain(before)) + " -> "
          + (after == null ? "(none)" : Numbers.plain(after)) + "  [" + source + "]";
    }
  }

  public static List<Change> diff(String savedYaml, BuiltScenario rebuilt) {
    Map<String, Double> before = ScenarioNumbers.of(savedYaml);
    Map<String, Double> after = ScenarioNumbers.of(rebuilt.yaml());
    List<Change> changes = new ArrayList<>();
    for (Figure f : rebuilt.figures()) {
      Double old = before.get(f.path());
      Double now = after.get(f.path());
      if (now != null && (old == null || Double.compare(old, now) != 0)) {
        changes.add(new Change(f.path(), old, now, f.provenance().comment()));
      }
    }
    before.forEach((path, old) -> {
      if (!after.containsKey(path)) {
        changes.add(new Change(path, old, null, "gone: the store no longer gives it"));
      }
    });
    return changes;
  }
}
