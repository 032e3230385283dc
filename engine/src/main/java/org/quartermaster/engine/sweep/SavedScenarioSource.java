package org.quartermaster.engine.sweep;

import java.util.Optional;

/** Finds the text of a saved scenario by id, for a sweep whose base is {@code saved: ID}. */
@FunctionalInterface
public interface SavedScenarioSource {
  /** For callers without a store: every id is unknown. */
  SavedScenarioSource NONE = id -> Optional.empty();

  /** The scenario's YAML text, or empty when no scenario has this id. */
  Optional<String> yaml(String id);
}
