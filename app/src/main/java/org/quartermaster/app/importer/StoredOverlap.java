package org.quartermaster.app.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures a new dataset's rows repeat from other datasets: same table, same {@link SeriesKey}.
 * Checked in the import's transaction once its rows are in, so that the bulk path and the Java path
 * check the same way, and a refusal rolls everything back.
 */
final class StoredOverlap {
  /** The repeated figures listed one by one in a refusal; the first problem gives the totals. */
  static final int SHOWN = 5;

  private StoredOverlap() {}

  /** Refuses (throws) when the new dataset's rows repeat stored figures, listing where. */
  static void refuseIfAny(Connection connection, Table table, int datasetId, String file) throws SQLException {
    String view = table.sqlName();
    // the new rows that repeat a figure of dataset d.dataset_id, per dataset, and of any other dataset
    String repeating = "SELECT count(*) FROM " + view + " n WHERE n.dataset_id = ? AND EXISTS (SELECT 1 FROM " + view
        + " o WHERE " + SeriesKey.same(table, "n", "o") + " AND o.dataset_id ";
    long figures;
    try (PreparedStatement query = connection.prepareStatement(repeating + "<> n.dataset_id)")) {
      query.setInt(1, datasetId);
      try (ResultSet r = query.executeQuery()) {
        r.next();
        figures = r.getLong(1);
      }
    }
    if (figures == 0) {
      return;
    }
    List<String> perDataset = new ArrayList<>();
    List<Integer> datasets = new ArrayList<>();
    List<String> wider = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT * FROM (SELECT d.dataset_id, d.file_name,"
        + " d.bundled, (" + repeating + "= d.dataset_id)) AS figures, d.row_count FROM datasets d"
        + " WHERE d.table_name = ? AND d.dataset_id <> ?) WHERE figures > 0 ORDER BY dataset_id")) {
      query.setInt(1, datasetId);
      query.setString(2, view);
      query.setInt(3, datasetId);
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          datasets.add(r.getInt(1));
          perDataset.add(String.format(Locale.ROOT, "dataset %d %s%s: %,d", r.getInt(1), r.getString(2),
              r.getBoolean(3) ? " (bundled)" : "", r.getLong(4)));
          if (r.getLong(5) > r.getLong(4)) {
            wider.add(String.format(Locale.ROOT, "dataset %d holds %,d rows in all, and %s removes every one of"
                + " them", r.getInt(1), r.getLong(5), ImportOption.REPLACE.mark(r.getInt(1))));
          }
        }
      }
    }
    String join = "FROM " + view + " n JOIN " + view + " o ON " + SeriesKey.same(table, "n", "o")
        + " AND o.dataset_id <> n.dataset_id WHERE n.dataset_id = ?";
    List<ImportProblem> problems = new ArrayList<>();
    String replace = datasets.size() == 1 ? ImportOption.REPLACE.mark(datasets.getFirst()) + " to replace that dataset"
        : ImportOption.REPLACE.mark("ID") + " to replace one of those datasets";
    problems.add(new ImportProblem(file, 0, null, null, String.format(Locale.ROOT,
        "%,d figure%s already in the store for the same series and release (%s); give %s, or %s to keep"
            + " both%s", figures,
        figures == 1 ? " is" : "s are", String.join("; ", perDataset), replace, ImportOption.ALLOW_DUPLICATES.mark(),
        wider.isEmpty() ? "" : "; note: " + String.join("; ", wider))));
    try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT ON (n.file_row) n.file_row, "
        + SeriesKey.text(table, "n") + ", o.dataset_id, o.file_row " + join + " ORDER BY n.file_row, o.dataset_id,"
        + " o.file_row LIMIT " + SHOWN)) {
      query.setInt(1, datasetId);
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          problems.add(new ImportProblem(file, r.getInt(1), null, r.getString(2),
              "already in the store: dataset " + r.getInt(3) + ", row " + r.getInt(4)));
        }
      }
    }
    throw new ImportFailedException(problems);
  }
}
