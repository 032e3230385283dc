package org.quartermaster.app.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code datasets} record of an import: the file (its recorded name) and what identifies the
 * import ({@link ImportIdentity}), table, rows written and read, the request's provenance, whether it
 * is bundled.
 */
record Dataset(String recordedName, ImportIdentity identity, Table table, long rowsWritten, long rowsRead,
    ImportRequest request, boolean bundled) {

  /** Inserts the record (in the caller's transaction); returns the new dataset id. */
  int insert(Connection connection) throws SQLException {
    return insert(connection, table.sqlName());
  }

  /** Inserts the record of a dataset whose rows are in {@code tableName} (sweeps: not a {@link Table}). */
  int insert(Connection connection, String tableName) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO datasets (file_name, sha256, format, table_name, imported_at, row_count, rows_read,
                              source_url, vintage, bundled, mapping, mapping_sha256)
        VALUES (?, ?, ?, ?, now(), ?, ?, ?, ?, ?, ?, ?) RETURNING dataset_id""")) {
      insert.setString(1, recordedName);
      insert.setString(2, identity.sha256());
      insert.setString(3, identity.format().cliName());
      insert.setString(4, tableName);
      insert.setLong(5, rowsWritten);
      insert.setLong(6, rowsRead);
      insert.setString(7, request.sourceUrl());
      insert.setString(8, identity.vintage());
      insert.setBoolean(9, bundled);
      insert.setString(10, identity.mapping());
      insert.setString(11, identity.mappingSha256());
      try (ResultSet r = insert.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  /**
   * Records whether the dataset is unsourced (none of its rows names a source URL) once its rows are
   * in (in the caller's transaction); returns it. A production dataset's rows include those stored as
   * transfers.
   */
  static boolean recordSourcing(Connection connection, int datasetId, Table table) throws SQLException {
    String transfers = table == Table.PRODUCTION ? " AND NOT EXISTS (SELECT 1 FROM transfers WHERE dataset_id = ?"
        + " AND source_url IS NOT NULL)" : "";
    try (PreparedStatement update = connection.prepareStatement("UPDATE datasets SET unsourced = NOT EXISTS (SELECT 1"
        + " FROM " + table.sqlName() + " WHERE dataset_id = ? AND source_url IS NOT NULL)" + transfers
        + " WHERE dataset_id = ? RETURNING unsourced")) {
      int parameters = table == Table.PRODUCTION ? 3 : 2;
      for (int i = 1; i <= parameters; i++) {
        update.setInt(i, datasetId);
      }
      try (ResultSet r = update.executeQuery()) {
        r.next();
        return r.getBoolean(1);
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
}
