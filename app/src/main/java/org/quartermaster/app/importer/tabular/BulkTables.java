package org.quartermaster.app.importer.tabular;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.importer.SharesOfGdp;
import org.quartermaster.app.importer.Table;
import org.quartermaster.app.store.ProvenanceIds;
import org.quartermaster.app.store.RowWriter;

/**
 * The SQL of the bulk path, over three temporary tables of the connection: the staged cells
 * ({@code st}: {@code c<i>} per column of the file, {@code p<i>} whether a passed-through cell is
 * plain; a row's {@code rowid} is its position in the file), the distinct signatures ({@code s}) and
 * their converted rows ({@code o}), both numbered by {@code file_row}.
 */
final class BulkTables {
  private static final String STAGING = "qm_bulk_cells";
  private static final String SIGNATURES = "qm_bulk_signatures";
  private static final String CONVERTED = "qm_bulk_converted";

  private final Table table;
  private final List<BulkColumn> columns;
  private final int fileColumns;
  private final List<String> missing;

  /**
   * @param fileColumns the header's number of cells (the staging table's {@code c<i>})
   * @param missing     the texts meaning "no value", lower-case (not plain)
   */
  BulkTables(Table table, List<BulkColumn> columns, int fileColumns, List<String> missing) {
    this.table = table;
    this.columns = List.copyOf(columns);
    this.fileColumns = fileColumns;
    this.missing = List.copyOf(missing);
  }

  /**
   * Stages the cells of the file's lines after the first, with DuckDB's CSV reader; returns the number
   * of rows. Throws SQLException when DuckDB cannot read the file so.
   */
  long stageCells(Connection connection, Path file, char delimiter) throws SQLException {
    StringBuilder types = new StringBuilder("{");
    for (int i = 0; i < fileColumns; i++) {
      types.append(i > 0 ? ", " : "").append("'c").append(i).append("': 'VARCHAR'");
    }
    List<String> parameters = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    for (BulkColumn column : columns) {
      if (column.passedThrough() != null) {
        plain.append(", ").append(column.plainSql(missing, parameters)).append(" AS ").append(column.plain());
      }
    }
    parameters.add(file.toString());
    parameters.add(String.valueOf(delimiter));
    execute(connection, "CREATE OR REPLACE TEMP TABLE " + STAGING + " AS SELECT *" + plain + " FROM read_csv(?,"
        + " header = false, skip = 1, auto_detect = false, delim = ?, quote = '\"', escape = '\"', strict_mode = true,"
        + " null_padding = true, columns = " + types.append('}') + ")", parameters);
    return longs(connection, "SELECT count(*) FROM " + STAGING)[0];
  }

  /**
   * Whether the plain cells of a passed-through pct_gdp column can be shares of GDP
   * ({@link SharesOfGdp#fit}); true when it has none.
   */
  boolean sharesOfGdpFit(Connection connection, BulkColumn column) throws SQLException {
    String value = "CAST(" + column.cell() + " AS DOUBLE)";
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT max(" + value + "), median("
        + value + ") FROM " + STAGING + " WHERE " + column.plain())) {
      r.next();
      double max = r.getDouble(1);
      return r.wasNull() || SharesOfGdp.fit(max, r.getDouble(2));
    }
  }

  /** Collects the distinct signatures of the staged rows; returns how many there are. */
  long collectSignatures(Connection connection) throws SQLException {
    List<String> signature = new ArrayList<>();
    for (BulkColumn column : columns) {
      signature.add(column.signatureSql("st") + " AS " + column.signature());
    }
    execute(connection, "CREATE OR REPLACE TEMP TABLE " + SIGNATURES + " AS SELECT row_number() OVER () + 1 AS"
        + " file_row, * FROM (SELECT DISTINCT " + String.join(", ", signature) + " FROM " + STAGING + " st)",
        List.of());
    return longs(connection, "SELECT count(*) FROM " + SIGNATURES)[0];
  }

  /** The signatures, by {@code file_row}, with a column {@code s<i>} per column read; the caller closes them. */
  ResultSet signatures(Statement statement) throws SQLException {
    return statement.executeQuery("SELECT * FROM " + SIGNATURES + " ORDER BY file_row");
  }

  /**
   * Keeps the converted rows of the signatures, each numbered as its signature, with the columns of
   * the table's view: their provenance as its five texts, which {@link #insert} turns into ids.
   */
  void keepConverted(Connection connection, List<DataRow> rows) throws SQLException {
    execute(connection, "CREATE OR REPLACE TEMP TABLE " + CONVERTED + " AS FROM " + table.sqlName() + " LIMIT 0",
        List.of());
    RowWriter.appendFew(connection, "temp", CONVERTED, 0, rows);
  }

  /** How many distinct keys the dataset's rows of the table have, as {@code key} counts them. */
  long distinctKeys(Connection connection, BulkKey key, int datasetId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT " + key.countSql() + " FROM "
        + table.sqlName() + " WHERE dataset_id = ?")) {
      query.setInt(1, datasetId);
      try (ResultSet r = query.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /**
   * Inserts the rows into the table for the dataset; returns how many. First gives each converted row
   * the id of its provenance (a column {@code provenance_id}), adding the provenances the store does
   * not hold yet: in the caller's transaction, so that they go if the rows do.
   */
  long insert(Connection connection, int datasetId) throws SQLException {
    ProvenanceIds.addMissing(connection, "temp.main." + CONVERTED);
    execute(connection, "ALTER TABLE temp.main." + CONVERTED + " ADD COLUMN provenance_id INTEGER", List.of());
    execute(connection, "UPDATE temp.main." + CONVERTED + " o SET provenance_id = p.provenance_id FROM provenance p"
        + " WHERE " + ProvenanceIds.same("o", "p"), List.of());
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table.storedName() + " SELECT "
        + String.join(", ", values(connection).values()) + " FROM " + rows())) {
      insert.setInt(1, datasetId);
      return insert.executeLargeUpdate();
    }
  }

  void drop(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String name : List.of(STAGING, SIGNATURES, CONVERTED)) {
        s.execute("DROP TABLE IF EXISTS " + name);
      }
    }
  }

  /** The staged rows, each joined to its signature ({@code s}) and to that signature's converted row ({@code o}). */
  private String rows() {
    List<String> join = new ArrayList<>();
    for (BulkColumn column : columns) {
      join.add("(" + column.signatureSql("st") + ") IS NOT DISTINCT FROM s." + column.signature());
    }
    return STAGING + " st JOIN " + SIGNATURES + " s ON " + String.join(" AND ", join) + " JOIN " + CONVERTED
        + " o ON o.file_row = s.file_row";
  }

  /**
   * SQL over {@link #rows} for each column of the table, in order: the dataset id as a parameter, the
   * line, a passed-through column's value from SQL, any other the converted row's.
   */
  private Map<String, String> values(Connection connection) throws SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String[] column : tableColumns(connection)) {
      values.put(column[0], switch (column[0]) {
        case "dataset_id" -> "?";
        case "file_row" -> "st.rowid + 2"; // the header is line 1, and the rows were staged in file order
        default -> columns.stream().filter(c -> c.passedThrough() != null
                && c.passedThrough().fieldName().equals(column[0])).findFirst()
            .map(c -> c.valueSql("st", "o", column[1])).orElse("o." + column[0]);
      });
    }
    return values;
  }

  /** The columns of the table that stores the rows, [name, type], in order. */
  private List<String[]> tableColumns(Connection connection) throws SQLException {
    List<String[]> names = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT column_name, data_type FROM"
        + " information_schema.columns WHERE table_name = ? AND table_schema = 'main' ORDER BY ordinal_position")) {
      query.setString(1, table.storedName());
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          names.add(new String[] {r.getString(1), r.getString(2)});
        }
      }
    }
    return names;
  }

  private static long[] longs(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      long[] values = new long[r.getMetaData().getColumnCount()];
      for (int i = 0; i < values.length; i++) {
        values[i] = r.getLong(i + 1);
      }
      return values;
    }
  }

  private static void execute(Connection connection, String sql, List<String> parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setString(i + 1, parameters.get(i));
      }
      statement.execute();
    }
  }
}
