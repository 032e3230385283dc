package org.quartermaster.app.munitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quartermaster.app.store.Store;

/**
 * Keeps transfers in the transfers table: production rows of kind {@code transferred} (as the bundled
 * production file gives US→UKR drawdowns and SIPRI register rows) move to {@code transfers_rows} by the
 * statements of {@code transferred_production.sql}, the same ones schema version 7 ran on the rows
 * already stored; then each transfer whose item the {@link Catalogue} resolves gets its {@code item_id}.
 * Idempotent, and writes nothing when there is nothing to do.
 */
public final class TransferredProduction {
  static final String MOVE = statements();

  private TransferredProduction() {}

  /** Moves the transferred production rows and fills the transfers' item ids, in one transaction. */
  public static void move(Store store, Catalogue catalogue) {
    record Pending(boolean moves, List<String> items) {}
    Pending pending = store.read(c -> new Pending(count(c,
        "SELECT count(*) FROM production_rows WHERE kind = 'transferred' OR kind LIKE 'transferred (%'") > 0,
        names(c)));
    if (!pending.moves() && pending.items().stream().allMatch(i -> catalogue.munitionOf(i).isEmpty())) {
      return;
    }
    store.write(c -> {
      moveWithin(c, catalogue, pending.moves());
      return null;
    });
  }

  /**
   * Moves the transferred production rows and fills the transfers' item ids within the caller's
   * transaction: an import calls it once its rows are in, so a file's transfers are stored as transfers
   * when the import commits, never as production.
   *
   * @return how many rows moved
   */
  public static int move(Connection c, Catalogue catalogue) throws SQLException {
    long moving = count(c, "SELECT count(*) FROM production_rows WHERE kind = 'transferred' OR kind LIKE 'transferred (%'");
    moveWithin(c, catalogue, moving > 0);
    return (int) moving;
  }

  /**
   * Whether a production row of this kind is a transfer, as {@code transferred_production.sql} reads it:
   * {@code transferred}, or {@code transferred (…)}.
   */
  public static boolean isTransfer(String kind) {
    return kind != null && (kind.equals("transferred") || kind.startsWith("transferred ("));
  }

  private static void moveWithin(Connection c, Catalogue catalogue, boolean moves) throws SQLException {
    if (moves) {
      try (Statement s = c.createStatement()) {
        s.execute(MOVE);
      }
    }
    try (PreparedStatement update = c.prepareStatement(
        "UPDATE transfers_rows SET item_id = ? WHERE item_id IS NULL AND item = ?")) {
      for (String item : names(c)) {
        Optional<Munition> m = catalogue.munitionOf(item);
        if (m.isPresent()) {
          update.setString(1, m.get().id());
          update.setString(2, item);
          update.addBatch();
        }
      }
      update.executeBatch();
    }
  }

  /** The transfers' item names still without an id (those of the rows about to move included). */
  private static List<String> names(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
        SELECT DISTINCT item FROM transfers_rows WHERE item_id IS NULL
        UNION SELECT DISTINCT item FROM production_rows WHERE kind = 'transferred' OR kind LIKE 'transferred (%'
        ORDER BY 1""")) {
      while (r.next()) {
        names.add(r.getString(1));
      }
    }
    return names;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static String statements() {
    try (InputStream in = TransferredProduction.class.getResourceAsStream(
        CatalogueFiles.FOLDER + "transferred_production.sql")) {
      if (in == null) {
        throw new IllegalStateException("transferred_production.sql missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
