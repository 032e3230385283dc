package org.quartermaster.app.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.quartermaster.app.store.Store;

/**
 * The {@code datasets} record of an import: the file (its recorded name and SHA-256), format, table,
 * rows written and read, the request's provenance, whether it is bundled.
 */
record Dataset(String recordedName, String sha256, ImportFormat format, Table table, long rowsWritten, long rowsRead,
    ImportRequest request, boolean bundled) {

  /** Inserts the record (in the caller's transaction); returns the new dataset id. */
  int insert(Connection connection) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO datasets (file_name, sha256, format, table_name, imported_at, row_count, rows_read,
                              source_url, vintage, bundled)
        VALUES (?, ?, ?, ?, now(), ?, ?, ?, ?, ?) RETURNING dataset_id""")) {
      insert.setString(1, recordedName);
      insert.setString(2, sha256);
      insert.setString(3, format.cliName());
      insert.setString(4, table.sqlName());
      insert.setLong(5, rowsWritten);
      insert.setLong(6, rowsRead);
      insert.setString(7, request.sourceUrl());
      insert.setString(8, request.vintage());
      insert.setBoolean(9, bundled);
      try (ResultSet r = insert.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  /**
   * The id the next record will get, without taking it: the bulk path inserts its rows first and
   * records the dataset only once they pass, so that a file it gives up leaves the ids as they were
   * (a sequence does not roll back).
   */
  static int nextId(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("""
        SELECT coalesce(last_value + increment_by, start_value) FROM duckdb_sequences()
        WHERE sequence_name = 'dataset_ids'""");
        ResultSet r = query.executeQuery()) {
      r.next();
      return r.getInt(1);
    }
  }

  /** The first dataset imported from a file with this SHA-256 in this format, or null. */
  static Integer earlier(Store store, String sha256, ImportFormat format) {
    return store.read(c -> {
      try (PreparedStatement query = c.prepareStatement(
          "SELECT min(dataset_id) FROM datasets WHERE sha256 = ? AND format = ?")) {
        query.setString(1, sha256);
        query.setString(2, format.cliName());
        try (ResultSet r = query.executeQuery()) {
          r.next();
          int id = r.getInt(1);
          return r.wasNull() ? null : id;
        }
      }
    });
  }
}
