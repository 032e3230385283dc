package org.quartermaster.app.query;

import java.util.List;
import org.quartermaster.app.store.Store;

/** {@code qm query datasets}: the provenance of every imported file, one row per dataset. */
public final class DatasetsQuery {
  static final List<Column> COLUMNS = List.of(Column.number("dataset_id", null), Column.text("file"),
      Column.text("sha256"), Column.text("format"), Column.text("table"), Column.text("imported_at"),
      Column.number("rows", null), Column.source(), Column.text("vintage"), Column.text("bundled"));
  private static final String SQL = """
      SELECT dataset_id, file_name AS file, sha256, format, table_name AS "table", imported_at, row_count AS rows,
             source_url, vintage, bundled
      FROM datasets
      ORDER BY dataset_id
      """;

  private DatasetsQuery() {}

  public static QueryResult run(Store store) {
    List<List<Object>> rows = store.read(connection -> Rows.query(connection, SQL, COLUMNS));
    QueryResult result = QueryResult.withRowProvenance("Datasets: the imported files and where they came from",
        COLUMNS, rows, List.of("rows: rows written to the table; sha256: of the file's bytes; bundled: shipped with"
            + " qm; vintage: the release month the import was given."));
    return new QueryResult(result.title(), result.columns(), result.rows(), List.of(), result.sources(),
        result.notes());
  }
}
