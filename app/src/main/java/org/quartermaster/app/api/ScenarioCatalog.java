package org.quartermaster.app.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.quartermaster.app.scenarios.SavedScenario;
import org.quartermaster.app.scenarios.SavedScenarios;

/**
 * Every scenario the API can name by id: the bundled examples (read-only) and the scenarios saved in
 * the store. An example's id is never a saved one's (saving refuses it). Thread-safe.
 */
final class ScenarioCatalog {
  /** Where a scenario comes from; the wire name is the {@code kind} field. */
  enum Kind {
    EXAMPLE, SAVED;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One scenario of the catalog.
   *
   * @param updatedAt when a saved scenario was last saved; null for an example
   */
  record Entry(String id, Kind kind, String yaml, Instant updatedAt) {
    /** The source name in validation messages: the example's file, or the saved id. */
    String source() {
      return kind == Kind.EXAMPLE ? id + ".yaml" : id;
    }
  }

  private final ExampleScenarios examples;
  private final StoreAccess store;

  ScenarioCatalog(ExampleScenarios examples, StoreAccess store) {
    this.examples = examples;
    this.store = store;
  }

  /** The examples (by id), then the saved scenarios (by name). */
  List<Entry> all() {
    List<Entry> all = new ArrayList<>();
    examples.all().forEach(e -> all.add(new Entry(e.id(), Kind.EXAMPLE, e.yaml(), null)));
    store.read(s -> new SavedScenarios(s).all()).forEach(saved -> all.add(entry(saved)));
    return all;
  }

  Optional<Entry> find(String id) {
    Optional<ExampleScenarios.Example> example = examples.find(id);
    if (example.isPresent()) {
      return Optional.of(new Entry(id, Kind.EXAMPLE, example.get().yaml(), null));
    }
    return store.read(s -> new SavedScenarios(s).find(id)).map(ScenarioCatalog::entry);
  }

  /** The scenario with this id. @throws ApiException 404 when there is none */
  Entry get(String id) {
    return find(id).orElseThrow(() -> ApiException.notFound("no scenario '" + id + "'"));
  }

  boolean isExample(String id) {
    return examples.find(id).isPresent();
  }

  static Entry entry(SavedScenario saved) {
    return new Entry(saved.id(), Kind.SAVED, saved.yaml(), saved.updatedAt());
  }
}
