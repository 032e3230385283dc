package org.quartermaster.app.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The transfers a new production dataset repeats from other datasets: a row of {@code transfers_rows}
 * with the same supplier, recipient, item, date, quantity and basis as a stored one. A production file's
 * transferred rows move to the transfers table in the import's transaction, so {@link StoredOverlap},
 * which compares production rows, never sees them; this check does, in the same transaction, before the
 * dataset takes its id.
 */
final class StoredTransfers {
  /** SQL: the new rows {@code n} (dataset {@code ?}) joined to the stored rows {@code o} they repeat; ends open. */
  private static final String SAME = """
      FROM transfers_rows n JOIN transfers_rows o
        ON o.dataset_id <> n.dataset_id AND o.supplier = n.supplier AND o.recipient = n.recipient
       AND o.item = n.item AND o.date IS NOT DISTINCT FROM n.date AND o.basis = n.basis
       AND o.quantity_low IS NOT DISTINCT FROM n.quantity_low AND o.quantity_high IS NOT DISTINCT FROM n.quantity_high
      """;
  private static final String NEW_ROWS = " WHERE n.dataset_id = ?";

  private StoredTransfers() {}

  /** Refuses (throws) when the new dataset's transfers repeat stored ones, listing where. */
  static void refuseIfAny(Connection connection, int datasetId, String file) throws SQLException {
    List<String> perDataset = new ArrayList<>();
    List<Integer> datasets = new ArrayList<>();
    long figures = 0;
    try (PreparedStatement query = connection.prepareStatement("SELECT o.dataset_id, d.file_name, d.bundled,"
        + " count(DISTINCT n.file_row) " + SAME + " LEFT JOIN datasets d ON d.dataset_id = o.dataset_id" + NEW_ROWS
        + " GROUP BY ALL ORDER BY o.dataset_id")) {
      query.setInt(1, datasetId);
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          datasets.add(r.getInt(1));
          perDataset.add(String.format(Locale.ROOT, "dataset %d %s%s: %,d", r.getInt(1), r.getString(2),
              r.getBoolean(3) ? " (bundled)" : "", r.getLong(4)));
        }
      }
    }
    if (datasets.isEmpty()) {
      return;
    }
    try (PreparedStatement query = connection.prepareStatement("SELECT count(DISTINCT n.file_row) " + SAME + NEW_ROWS)) {
      query.setInt(1, datasetId);
      try (ResultSet r = query.executeQuery()) {
        r.next();
        figures = r.getLong(1);
      }
    }
    List<ImportProblem> problems = new ArrayList<>();
    String replace = datasets.size() == 1 ? ImportOption.REPLACE.mark(datasets.getFirst()) + " to replace that dataset"
        : ImportOption.REPLACE.mark("ID") + " to replace one of those datasets";
    problems.add(new ImportProblem(file, 0, null, null, String.format(Locale.ROOT,
        "%,d transfer%s already in the store, with the same supplier, recipient, item, date, quantity and basis"
            + " (%s); give %s, or %s to keep both", figures, figures == 1 ? " is" : "s are",
        String.join("; ", perDataset), replace, ImportOption.ALLOW_DUPLICATES.mark())));
    try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT ON (n.file_row) n.file_row,"
        + " n.supplier || ' -> ' || n.recipient || ', ' || n.item || ', ' || coalesce(n.date, '') || ': '"
        + " || coalesce(n.quantity_text, '') || ' (' || n.basis || ')', o.dataset_id, o.file_row " + SAME
        + NEW_ROWS + " ORDER BY n.file_row, o.dataset_id, o.file_row LIMIT " + StoredOverlap.SHOWN)) {
      query.setInt(1, datasetId);
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          problems.add(new ImportProblem(file, r.getInt(1), null, r.getString(2),
              "already in the store as a transfer: dataset " + r.getInt(3) + ", row " + r.getInt(4)));
        }
      }
    }
    throw new ImportFailedException(problems);
  }
}
