package org.quartermaster.app.importer.tabular;

import java.util.List;
import org.quartermaster.app.importer.Table;

/**
 * {@code DataRow.key()} of a table's rows in SQL, for the bulk path's duplicate check: two rows have
 * the same key exactly when the SQL values are equal.
 *
 * @param columns the table columns the key is made of
 * @param joined  whether the key is the columns' texts joined with '|' (null as "null"), as Java
 *                writes it; otherwise the columns themselves, which is equivalent when at most one
 *                of them can contain '|'
 */
record BulkKey(List<String> columns, boolean joined) {
  /**
   * Aid: a running total (basis cumulative) has the key {@code AidRow.key()} gives it; any other row is
   * its own (activities repeat on purpose), so only repeated running totals send the file to the Java
   * path, which names them.
   */
  private static final BulkKey AID_KEY = new BulkKey(List.of("CASE WHEN basis = 'cumulative' THEN concat_ws('|',"
      + " publisher, vintage, coalesce(donor_iso3, donor), category, measure, currency, unit, item, data_through)"
      + " ELSE 'row ' || file_row END"), false);

  /** Whether the bulk path takes the table's files: only the tables whose keys are written here. */
  static boolean takes(Table table) {
    return of(table) != null;
  }

  /** The key of the table's rows, or null for a table the bulk path does not take. */
  static BulkKey of(Table table) {
    return switch (table) {
      // source|iso3|year|vintage_month: the code, the year and the month never contain '|'
      case SPENDING -> new BulkKey(List.of("source", "iso3", "year", "vintage_month"), false);
      case DELIVERIES -> new BulkKey(List.of("record_id", "delivery_years"), true);
      case AID -> AID_KEY;
      case PRODUCTION, CONTRACTS -> null; // no column of theirs passes through SQL: little to gain
      case MUNITIONS, MUNITION_ALIASES -> null; // small files, read as qm-csv only
    };
  }

  /**
   * SQL counting the distinct keys of the table's rows; every row counts when there is no key. It
   * counts distinct hashes of the keys: equal keys always count once, and the rare collision of two
   * different keys only sends the file to the Java path.
   */
  String countSql() {
    if (columns.isEmpty()) {
      return "count(*)";
    }
    return "count(DISTINCT hash(" + (joined ? String.join(" || '|' || ",
        columns.stream().map(c -> "coalesce(CAST(" + c + " AS VARCHAR), 'null')").toList())
        : String.join(", ", columns)) + "))";
  }
}
