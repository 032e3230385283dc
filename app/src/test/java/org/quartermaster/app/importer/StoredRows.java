package org.quartermaster.app.importer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.app.store.ResultRows;
import org.quartermaster.app.store.Store;

/** What an import stored, value by value, for comparing two imports of the same file. */
final class StoredRows {
  private StoredRows() {}

  /**
   * The dataset's record (without its time) and its rows in file order, every value as JDBC gives it
   * (doubles compared bit for bit by {@code Double.equals}, so -0.0 is not 0.0).
   */
  static List<List<Object>> of(Store store, Table table, int datasetId) {
    List<List<Object>> rows = new ArrayList<>(query(store, "SELECT * EXCLUDE (imported_at) FROM datasets"
        + " WHERE dataset_id = ?", datasetId));
    rows.addAll(query(store, "SELECT * FROM " + table.sqlName() + " WHERE dataset_id = ? ORDER BY file_row",
        datasetId));
    return rows;
  }

  /** How many temporary tables the store's connection holds (the bulk path drops its own). */
  static long temporaryTables(Store store) {
    return (Long) query(store, "SELECT count(*) FROM duckdb_tables() WHERE temporary AND ? = 0", 0).getFirst()
        .getFirst();
  }

  private static List<List<Object>> query(Store store, String sql, int parameter) {
    return store.read(c -> {
      try (PreparedStatement query = c.prepareStatement(sql)) {
        query.setInt(1, parameter);
        try (ResultSet r = query.executeQuery()) {
          return ResultRows.of(r);
        }
      }
    });
  }
}
