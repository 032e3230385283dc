package org.quartermaster.app.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.app.importer.Datasets;
import org.quartermaster.app.importer.NoSuchDatasetException;
import org.quartermaster.app.importer.Table;
import org.quartermaster.app.store.Store;

/**
 * {@code qm datasets list} (and its alias {@code qm query datasets}): the provenance of every imported
 * file, one row per dataset; {@code qm datasets show ID}: one dataset's record, its rows per table and
 * its first rows.
 */
public final class DatasetsQuery {
  /** The rows {@link #show} lists. */
  public static final int FIRST_ROWS = 5;
  static final List<Column> COLUMNS = List.of(Column.number("dataset_id", null), Column.text("file"),
      Column.text("sha256"), Column.text("format"), Column.text("mapping"), Column.text("table"),
      Column.text("imported_at"), Column.number("rows", null), Column.source(), Column.text("sourcing"),
      Column.text("vintage"), Column.text("bundled"));
  private static final String SQL = """
      SELECT dataset_id, file_name AS file, sha256, format, mapping, table_name AS "table", imported_at,
             row_count AS rows, source_url,
             CASE WHEN unsourced THEN 'unsourced' WHEN NOT unsourced THEN 'sourced' END AS sourcing,
             vintage, bundled
      FROM datasets
      """;
  private static final String NOTE = "rows: rows written to the table; sha256: of the file's bytes; mapping: the"
      + " mapping the file was read with; sourcing: unsourced when no row names a source URL; bundled: shipped"
      + " with qm; vintage: the release month the import was given.";

  private DatasetsQuery() {}

  /** Every dataset. */
  public static QueryResult run(Store store) {
    List<List<Object>> rows = store.read(connection -> Rows.query(connection, SQL + "ORDER BY dataset_id", COLUMNS));
    return withoutVintages("Datasets: the imported files and where they came from", COLUMNS, rows, List.of(NOTE));
  }

  /**
   * One dataset: its record (field, value), its rows per table and its first {@value #FIRST_ROWS} rows.
   *
   * @throws NoSuchDatasetException when the store has no dataset of this id
   */
  public static List<QueryResult> show(Store store, int datasetId) {
    return store.read(connection -> {
      List<List<Object>> found = Rows.query(connection, SQL + "WHERE dataset_id = ?", COLUMNS, datasetId);
      if (found.isEmpty()) {
        throw new NoSuchDatasetException(datasetId);
      }
      List<Object> dataset = found.getFirst();
      QueryResult listed = new QueryResult("", COLUMNS, found, List.of(), List.of(), List.of());
      List<List<Object>> fields = new ArrayList<>();
      for (int i = 0; i < COLUMNS.size(); i++) {
        fields.add(java.util.Arrays.asList(COLUMNS.get(i).name(), dataset.get(i)));
      }
      List<Column> fieldColumns = List.of(Column.text("field"), Column.text("value"));
      List<List<Object>> counts = new ArrayList<>();
      for (Table table : Table.values()) {
        counts.add(List.of(table.sqlName(), Rows.query(connection, "SELECT count(*) AS \"rows\" FROM "
            + table.storedName() + " WHERE dataset_id = ?", List.of(Column.number("rows", null)), datasetId)
            .getFirst().getFirst()));
      }
      counts.add(List.of("sweeps", Rows.query(connection, "SELECT count(*) AS \"rows\" FROM sweep_rows WHERE"
          + " dataset_id = ?", List.of(Column.number("rows", null)), datasetId).getFirst().getFirst()));
      String file = (String) listed.column("file").getFirst();
      String table = (String) listed.column("table").getFirst();
      QueryResult record = withoutVintages("Dataset " + datasetId + ": " + file, fieldColumns, fields, List.of(NOTE));
      QueryResult perTable = withoutVintages("Rows of dataset " + datasetId + " per table",
          List.of(Column.text("table"), Column.number("rows", null)), counts, List.of());
      QueryResult first = table.equals("sweeps") ? SweepsQuery.rows(connection, datasetId, FIRST_ROWS)
          : firstRows(connection, datasetId, table);
      return List.of(record, perTable, first);
    });
  }

  /** What {@code qm datasets rm} removed, as a one-row result. */
  public static QueryResult removal(Datasets.Removed removed) {
    List<Column> columns = List.of(Column.number("dataset_id", null), Column.text("file"), Column.text("table"),
        Column.number("rows_removed", null), Column.text("bundled"));
    return new QueryResult("Removed dataset " + removed.datasetId() + " (" + removed.file() + ") and its rows",
        columns, List.of(List.of(removed.datasetId(), removed.file(), removed.table(), removed.rows(),
            removed.bundled())), List.of(), List.of(), List.of());
  }

  /** The dataset's first rows as its table's view gives them (provenance texts included). */
  private static QueryResult firstRows(java.sql.Connection connection, int datasetId, String tableName)
      throws SQLException {
    Table table = java.util.Arrays.stream(Table.values()).filter(t -> t.sqlName().equals(tableName)).findFirst()
        .orElseThrow(() -> new IllegalStateException("a dataset of an unknown table: " + tableName));
    try (PreparedStatement query = connection.prepareStatement("SELECT * FROM " + table.sqlName()
        + " WHERE dataset_id = ? ORDER BY file_row LIMIT " + FIRST_ROWS)) {
      query.setInt(1, datasetId);
      try (ResultSet result = query.executeQuery()) {
        ResultSetMetaData meta = result.getMetaData();
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String name = meta.getColumnLabel(i);
          columns.add(name.equals("source_url") ? Column.source() : isNumber(meta.getColumnType(i))
              ? Column.number(name, null) : Column.text(name));
        }
        return QueryResult.withRowProvenance("The first rows of dataset " + datasetId + " (" + table.sqlName() + ")",
            columns, Rows.read(result), List.of());
      }
    }
  }

  private static boolean isNumber(int sqlType) {
    return switch (sqlType) {
      case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT, Types.DOUBLE, Types.FLOAT, Types.REAL,
          Types.DECIMAL, Types.NUMERIC -> true;
      default -> false;
    };
  }

  /** A result whose sources are its rows' and whose vintages are not summarised (a dataset's vintage is a field). */
  private static QueryResult withoutVintages(String title, List<Column> columns, List<List<Object>> rows,
      List<String> notes) {
    QueryResult result = QueryResult.withRowProvenance(title, columns, rows, notes);
    return new QueryResult(result.title(), result.columns(), result.rows(), List.of(), result.sources(),
        result.notes());
  }
}
