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
}
