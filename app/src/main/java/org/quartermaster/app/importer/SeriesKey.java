package org.quartermaster.app.importer;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What makes two stored figures the same figure of the same series and release, per table: the one
 * definition the check for figures already in the store ({@link StoredOverlap}) uses. SQL expressions
 * over a table's view (the provenance's texts included), each written on the alias {@code t}.
 */
final class SeriesKey {
  private SeriesKey() {}

  static List<String> of(Table table) {
    return switch (table) {
      case SPENDING -> List.of("t.source", "t.vintage_month", "t.iso3", "t.year");
      // the release: the month the data run to, else the release month
      case AID -> List.of("t.donor", "t.category", "t.measure", "t.currency",
          "coalesce(t.data_through, t.vintage_month)");
      case DELIVERIES -> List.of("t.record_id", "t.delivery_years", "t.vintage_month");
      case PRODUCTION -> List.of("t.item", "t.producer", "t.country", "t.date", "t.value_text", "t.period", "t.kind",
          "t.target_date", "t.source_url");
      case CONTRACTS -> List.of("t.buyers", "t.agency", "t.item", "t.quantity", "t.value", "t.currency", "t.date");
    };
  }

  /** SQL: rows {@code a} and {@code b} of the table have the same key (nulls alike). */
  static String same(Table table, String a, String b) {
    return of(table).stream()
        .map(e -> e.replace("t.", a + ".") + " IS NOT DISTINCT FROM " + e.replace("t.", b + "."))
        .collect(Collectors.joining(" AND "));
  }

  /** SQL: the key of row {@code a} as one text, its parts separated by spaces (blank parts left out). */
  static String text(Table table, String a) {
    return "concat_ws(' ', " + of(table).stream().map(e -> e.replace("t.", a + ".") + "::VARCHAR")
        .collect(Collectors.joining(", ")) + ")";
  }
}
