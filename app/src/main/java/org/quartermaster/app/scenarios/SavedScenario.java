package org.quartermaster.app.scenarios;

import java.time.Instant;
import java.util.Objects;

/**
 * A scenario saved in the store.
 *
 * @param id        its id ({@link ScenarioIds#RULE})
 * @param name      the scenario's own name (its YAML {@code name})
 * @param yaml      the scenario text as saved (valid when saved)
 * @param createdAt when it was first saved, to the millisecond
 * @param updatedAt when it was last saved, to the millisecond
 */
public record SavedScenario(String id, String name, String yaml, Instant createdAt, Instant updatedAt) {
  public SavedScenario {
    if (!ScenarioIds.isValid(id)) {
      throw new IllegalArgumentException("not a scenario id: " + id);
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
