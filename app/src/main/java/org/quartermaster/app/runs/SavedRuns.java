package org.quartermaster.app.runs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quartermaster.app.store.Store;

/**
 * The runs saved in the store (table {@code saved_runs}, V9__saved_runs.sql). Each change is one
 * transaction. Checks only what the table needs (the name's length); the caller saves only results the
 * server produced. As thread-safe as its store.
 */
public final class SavedRuns {
  /** The longest name a run is saved under, in characters. */
  public static final int MAX_NAME = 200;
  private static final String SUMMARY = "id, name, scenario_name, scenario_sha256, mode, runs, seed, epoch_ms(created_at)";
  private static final Set<Store.Table> CHANGED = Set.of(Store.Table.SAVED_RUNS);

  private final Store store;
  private final Clock clock;

  public SavedRuns(Store store) {
    this(store, Clock.systemUTC());
  }

  SavedRuns(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Every saved run, newest first, without its scenario text and result (those are null and empty). */
  public List<SavedRun> all() {
    return store.read(c -> {
      try (PreparedStatement query = c.prepareStatement("SELECT " + SUMMARY + ", NULL, NULL FROM saved_runs ORDER BY id DESC");
          ResultSet r = query.executeQuery()) {
        List<SavedRun> all = new ArrayList<>();
        while (r.next()) {
          all.add(run(r));
        }
        return all;
      }
    });
  }

  /** A saved run with its scenario text and result. */
  public Optional<SavedRun> find(long id) {
    return store.read(c -> {
      try (PreparedStatement query = c.prepareStatement("SELECT " + SUMMARY + ", yaml, result FROM saved_runs WHERE id = ?")) {
        query.setLong(1, id);
        try (ResultSet r = query.executeQuery()) {
          return r.next() ? Optional.of(run(r)) : Optional.empty();
        }
      }
    });
  }

  /** Saves a run; its id is the store's next. */
  public SavedRun save(String name, RunInputs inputs, String result) {
    if (name.isBlank() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("a saved run's name has 1 to " + MAX_NAME + " characters: " + name);
    }
    Instant now = Instant.ofEpochMilli(clock.millis());
    long id = store.write(CHANGED, c -> insert(c, name, inputs, result, now));
    return new SavedRun(id, name, inputs, result, now);
  }

  /** Deletes a saved run; false when there is none with this id. */
  public boolean delete(long id) {
    return store.write(CHANGED, c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM saved_runs WHERE id = ?")) {
        delete.setLong(1, id);
        return delete.executeUpdate() > 0;
      }
    });
  }

  private static long insert(Connection c, String name, RunInputs in, String result, Instant now) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO saved_runs (name, scenario_name, scenario_sha256, yaml,"
        + " mode, runs, seed, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, epoch_ms(?)) RETURNING id")) {
      insert.setString(1, name);
      insert.setString(2, in.scenarioName());
      insert.setString(3, in.scenarioSha256());
      insert.setString(4, in.yaml());
      insert.setString(5, in.mode());
      insert.setInt(6, in.runs());
      if (in.seed() == null) {
        insert.setNull(7, Types.BIGINT);
      } else {
        insert.setLong(7, in.seed());
      }
      insert.setString(8, result);
      insert.setLong(9, now.toEpochMilli());
      try (ResultSet r = insert.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static SavedRun run(ResultSet r) throws SQLException {
    long seed = r.getLong(7);
    Long seedOrNull = r.wasNull() ? null : seed;
    String yaml = r.getString(9);
    RunInputs inputs = new RunInputs(yaml == null ? "" : yaml, r.getString(3), r.getString(4), r.getString(5), r.getInt(6),
        seedOrNull);
    return new SavedRun(r.getLong(1), r.getString(2), inputs, r.getString(10), Instant.ofEpochMilli(r.getLong(8)));
  }
}
