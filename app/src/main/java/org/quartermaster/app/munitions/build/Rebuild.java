package org.quartermaster.app.munitions.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.store.Store;

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

  /** A saved built scenario rebuilt from the store, and what changed. */
  public record Outcome(BuiltScenario rebuilt, List<Change> changes) {
    public Outcome {
      changes = List.copyOf(changes);
    }
  }

  /**
   * Rebuilds the saved scenario {@code id}, whose text is {@code savedYaml}, from the store with the request
   * its header records ({@code qm scenario rebuild}, {@code POST /api/v1/scenarios/{id}/rebuild}).
   *
   * @throws BuildException when it is not a built scenario, or its request no longer builds
   */
  public static Outcome of(Store store, Catalogue catalogue, Countries countries, String id, String savedYaml) {
    BuiltScenario rebuilt = ScenarioBuild.build(store, catalogue, countries, ScenarioBuild.recorded(savedYaml, id));
    return new Outcome(rebuilt, diff(savedYaml, rebuilt));
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
