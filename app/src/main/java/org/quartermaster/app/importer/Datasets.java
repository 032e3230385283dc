package org.quartermaster.app.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.quartermaster.app.store.Store;

/**
 * Removing a dataset: its record, every row it added and the provenance combinations no row uses any
 * more, in one transaction. The datasets shipped with Quartermaster are removed only when forced.
 */
public final class Datasets {
  private Datasets() {}

  /**
   * What a removal took away.
   *
   * @param table the table its rows were in (its SQL name, e.g. {@code defence_spending})
   * @param rows  the rows removed
   */
  public record Removed(int datasetId, String file, String table, long rows, boolean bundled) {}

  /**
   * Removes the dataset in one transaction.
   *
   * @throws NoSuchDatasetException  when the store has no dataset of this id
   * @throws BundledDatasetException when it is bundled and {@code force} is false (nothing removed)
   */
  public static Removed remove(Store store, int datasetId, boolean force) {
    return store.write(Store.Table.data(), c -> {
      Removed removed = remove(c, datasetId, force);
      dropUnusedProvenance(c);
      return removed;
    });
  }

  /** Removes the dataset's record and rows in the caller's transaction (provenance left to the caller). */
  static Removed remove(Connection connection, int datasetId, boolean force) throws SQLException {
    String file;
    String tableName;
    boolean bundled;
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT file_name, table_name, bundled FROM datasets WHERE dataset_id = ?")) {
      query.setInt(1, datasetId);
      try (ResultSet r = query.executeQuery()) {
        if (!r.next()) {
          throw new NoSuchDatasetException(datasetId);
        }
        file = r.getString(1);
        tableName = r.getString(2);
        bundled = r.getBoolean(3);
      }
    }
    if (bundled && !force) {
      throw new BundledDatasetException(datasetId, file);
    }
    long rows = 0;
    for (Table table : Table.values()) { // a dataset fills one table; every table is cleared of it all the same
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM " + table.storedName() + " WHERE dataset_id = ?")) {
        delete.setInt(1, datasetId);
        rows += delete.executeUpdate();
      }
    }
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM transfers_rows WHERE dataset_id = ?")) {
      delete.setInt(1, datasetId); // the transferred rows of a production file (TransferredProduction)
      rows += delete.executeUpdate();
    }
    for (String sweepTable : List.of("sweep_rows", "sweeps")) { // a sweep's rows and record (SweepImports)
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + sweepTable + " WHERE "
          + (sweepTable.equals("sweeps") ? "sweep_id" : "dataset_id") + " = ?")) {
        delete.setInt(1, datasetId);
        int deleted = delete.executeUpdate();
        rows += sweepTable.equals("sweeps") ? 0 : deleted;
      }
    }
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM datasets WHERE dataset_id = ?")) {
      delete.setInt(1, datasetId);
      delete.executeUpdate();
    }
    return new Removed(datasetId, file, tableName, rows, bundled);
  }

  /** Deletes the provenance combinations no row points at any more (in the caller's transaction). */
  static void dropUnusedProvenance(Connection connection) throws SQLException {
    String used = Arrays.stream(Table.values())
        .map(t -> "SELECT provenance_id FROM " + t.storedName())
        .collect(Collectors.joining(" UNION ")) + " UNION SELECT provenance_id FROM transfers_rows";
    try (Statement s = connection.createStatement()) {
      s.execute("DELETE FROM provenance WHERE provenance_id NOT IN (" + used + ")");
    }
  }
}
