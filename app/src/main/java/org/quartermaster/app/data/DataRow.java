package org.quartermaster.app.data;

/** A row bound for one of the store's data tables, remembering where in its file it came from. */
public interface DataRow {
  /** The row (line) of the imported file, 1-based. */
  int fileRow();

  /**
   * What identifies the row: two rows of one file with the same key are a duplicate. Null for rows
   * without a natural key: aid activity lists repeat identical lines that are separate activities
   * (the Kiel tracker's totals count each one).
   */
  String key();

  Provenance provenance();

  /** The same row with another provenance. */
  DataRow withProvenance(Provenance provenance);

  /**
   * Each row with its provenance cited by {@code cite} (an import's {@code --publisher},
   * {@code --source-title}, {@code --grade}, or its format's citation: {@link Provenance#citedAs},
   * {@link Provenance#citedBy}); each distinct provenance is cited once.
   */
  static <R extends DataRow> java.util.List<DataRow> cited(java.util.List<R> rows,
      java.util.function.UnaryOperator<Provenance> cite) {
    java.util.List<DataRow> cited = new java.util.ArrayList<>(rows.size());
    java.util.Map<Provenance, Provenance> done = new java.util.HashMap<>();
    for (R row : rows) {
      Provenance p = done.computeIfAbsent(row.provenance(), cite);
      cited.add(p.equals(row.provenance()) ? row : row.withProvenance(p));
    }
    return cited;
  }
}
