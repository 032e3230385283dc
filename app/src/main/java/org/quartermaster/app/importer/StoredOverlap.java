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
 *
 * <p>Only rows of the new rows' releases ({@link SeriesKey#release}) can hold one of their figures, so
 * the check first finds those releases from the new rows' provenance ids (one integer column) and the
 * small provenance table, and compares the new rows only with the stored rows of those releases (CTE
 * {@code stored}); when there are none, which is the common case of a new release, the new rows' keys
 * are not read at all. Every query takes the new dataset's id as {@code $1}.
 */
final class StoredOverlap {
  /** The repeated figures listed one by one in a refusal; the first problem gives the totals. */
  static final int SHOWN = 5;

  private StoredOverlap() {}

  /** Refuses (throws) when the new dataset's rows repeat stored figures, listing where. */
  static void refuseIfAny(Connection connection, Table table, int datasetId, String file) throws SQLException {
    long figures = repeated(connection, table, datasetId);
    if (figures == 0) {
      return;
    }
    List<String> perDataset = new ArrayList<>();
    List<Integer> datasets = new ArrayList<>();
    List<String> wider = new ArrayList<>();
    String view = table.sqlName();
    try (PreparedStatement query = connection.prepareStatement(stored(table) + "SELECT * FROM (SELECT d.dataset_id,"
        + " d.file_name, d.bundled, (" + repeating(table) + " AND o.dataset_id = d.dataset_id)) AS figures,"
        + " d.row_count FROM datasets d WHERE d.table_name = $2 AND d.dataset_id <> $1) WHERE figures > 0"
        + " ORDER BY dataset_id")) {
      query.setInt(1, datasetId);
      query.setString(2, view);
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
    List<ImportProblem> problems = new ArrayList<>();
    String replace = datasets.size() == 1 ? ImportOption.REPLACE.mark(datasets.getFirst()) + " to replace that dataset"
        : ImportOption.REPLACE.mark("ID") + " to replace one of those datasets";
    problems.add(new ImportProblem(file, 0, null, null, String.format(Locale.ROOT,
        "%,d figure%s already in the store for the same series and release (%s); give %s, or %s to keep"
            + " both%s", figures,
        figures == 1 ? " is" : "s are", String.join("; ", perDataset), replace, ImportOption.ALLOW_DUPLICATES.mark(),
        wider.isEmpty() ? "" : "; note: " + String.join("; ", wider))));
    try (PreparedStatement query = connection.prepareStatement(stored(table) + "SELECT DISTINCT ON (n.file_row)"
        + " n.file_row, " + SeriesKey.text(table, "n") + ", o.dataset_id, o.file_row FROM " + view + " n JOIN stored o"
        + " ON " + SeriesKey.same(table, "n", "o") + " WHERE n.dataset_id = $1 ORDER BY n.file_row, o.dataset_id,"
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

  /** How many of the dataset's rows repeat a figure another dataset of the table holds. */
  static long repeated(Connection connection, Table table, int datasetId) throws SQLException {
    if (number(connection, stored(table) + "SELECT count(*) FROM (FROM stored LIMIT 1)", datasetId) == 0) {
      return 0;
    }
    return number(connection, stored(table) + repeating(table) + ")", datasetId);
  }

  private static long number(Connection connection, String sql, int datasetId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setInt(1, datasetId);
      try (ResultSet r = query.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /**
   * SQL: the CTE {@code stored}, the rows of other datasets than {@code $1} whose release is one of the
   * new rows' releases: a superset of the rows whose figures the new rows can repeat.
   */
  private static String stored(Table table) {
    List<String> release = SeriesKey.release(table);
    List<String> columns = new ArrayList<>();
    List<String> same = new ArrayList<>();
    for (int i = 0; i < release.size(); i++) {
      columns.add(release.get(i) + " AS r" + i);
      same.add(release.get(i) + " IS NOT DISTINCT FROM r.r" + i);
    }
    return "WITH new_release AS (SELECT DISTINCT " + (columns.isEmpty() ? "1" : String.join(", ", columns))
        + " FROM provenance t WHERE t.provenance_id IN (SELECT provenance_id FROM " + table.storedName()
        + " WHERE dataset_id = $1)), stored AS (SELECT * FROM " + table.sqlName() + " t WHERE t.dataset_id <> $1"
        + " AND EXISTS (SELECT 1 FROM new_release r WHERE " + (same.isEmpty() ? "true" : String.join(" AND ", same))
        + ")) ";
  }

  /** SQL, after {@link #stored}: counts the new rows that repeat a figure of a stored row {@code o}; ends open. */
  private static String repeating(Table table) {
    return "SELECT count(*) FROM " + table.sqlName() + " n WHERE n.dataset_id = $1 AND EXISTS (SELECT 1 FROM stored o"
        + " WHERE " + SeriesKey.same(table, "n", "o");
  }
}
