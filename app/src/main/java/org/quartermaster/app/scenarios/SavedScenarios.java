package org.quartermaster.app.scenarios;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.quartermaster.app.store.Store;

/**
 * The scenarios saved in the store (table {@code scenarios}, V2__scenarios.sql). Each change is one
 * transaction. Checks only what the table needs (ids, no duplicates); the caller validates the
 * scenario text first. Times are UTC, to the millisecond. As thread-safe as its store: one user at a
 * time.
 */
public final class SavedScenarios {
  /** How many {@code slug-n} candidates {@link #freeId} tries before giving up. */
  static final int MAX_CANDIDATES = 10_000;
  private static final String COLUMNS = "id, name, yaml, epoch_ms(created_at), epoch_ms(updated_at)";
  /** What each change writes: only this table, so answers about the data stay current (Store#changes). */
  private static final Set<Store.Table> CHANGED = Set.of(Store.Table.SCENARIOS);

  private final Store store;
  private final Clock clock;

  public SavedScenarios(Store store) {
    this(store, Clock.systemUTC());
  }

  SavedScenarios(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Every saved scenario, by name, then id. */
  public List<SavedScenario> all() {
    return store.read(c -> {
      try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM scenarios ORDER BY name, id");
          ResultSet r = query.executeQuery()) {
        List<SavedScenario> all = new ArrayList<>();
        while (r.next()) {
          all.add(scenario(r));
        }
        return all;
      }
    });
  }

  public Optional<SavedScenario> find(String id) {
    return store.read(c -> find(c, id));
  }

  /**
   * The first of {@code slug}, {@code slug-2}, {@code slug-3} … that neither a saved scenario nor
   * {@code reserved} (the examples' ids) has.
   */
  public String freeId(String slug, Predicate<String> reserved) {
    for (int n = 1; n <= MAX_CANDIDATES; n++) {
      String id = ScenarioIds.candidate(slug, n);
      if (!reserved.test(id) && find(id).isEmpty()) {
        return id;
      }
    }
    throw new ScenarioExistsException(ScenarioIds.candidate(slug, MAX_CANDIDATES));
  }

  /** Saves a new scenario. @throws ScenarioExistsException when one with this id is saved already */
  public SavedScenario create(String id, String name, String yaml) {
    Instant now = now();
    SavedScenario created = new SavedScenario(id, name, yaml, now, now);
    return store.write(CHANGED, c -> {
      if (find(c, id).isPresent()) {
        throw new ScenarioExistsException(id);
      }
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO scenarios (id, name, yaml, created_at, updated_at) VALUES (?, ?, ?, epoch_ms(?), epoch_ms(?))")) {
        insert.setString(1, id);
        insert.setString(2, name);
        insert.setString(3, yaml);
        insert.setLong(4, now.toEpochMilli());
        insert.setLong(5, now.toEpochMilli());
        insert.executeUpdate();
      }
      return created;
    });
  }

  /** Replaces a saved scenario's name and text; empty when there is none with this id. */
  public Optional<SavedScenario> update(String id, String name, String yaml) {
    Instant now = now();
    return store.write(CHANGED, c -> {
      Optional<SavedScenario> old = find(c, id);
      if (old.isEmpty()) {
        return Optional.empty();
      }
      try (PreparedStatement update = c.prepareStatement(
          "UPDATE scenarios SET name = ?, yaml = ?, updated_at = epoch_ms(?) WHERE id = ?")) {
        update.setString(1, name);
        update.setString(2, yaml);
        update.setLong(3, now.toEpochMilli());
        update.setString(4, id);
        update.executeUpdate();
      }
      return Optional.of(new SavedScenario(id, name, yaml, old.get().createdAt(), now));
    });
  }

  /** Deletes a saved scenario; false when there is none with this id. */
  public boolean delete(String id) {
    return store.write(CHANGED, c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM scenarios WHERE id = ?")) {
        delete.setString(1, id);
        return delete.executeUpdate() > 0;
      }
    });
  }

  private Instant now() {
    return Instant.ofEpochMilli(clock.millis());
  }

  private static Optional<SavedScenario> find(Connection c, String id) throws SQLException {
    try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM scenarios WHERE id = ?")) {
      query.setString(1, id);
      try (ResultSet r = query.executeQuery()) {
        return r.next() ? Optional.of(scenario(r)) : Optional.empty();
      }
    }
  }

  private static SavedScenario scenario(ResultSet r) throws SQLException {
    return new SavedScenario(r.getString(1), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4)),
        Instant.ofEpochMilli(r.getLong(5)));
  }
}
