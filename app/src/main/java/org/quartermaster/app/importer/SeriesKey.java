package org.quartermaster.app.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.quartermaster.app.store.ProvenanceIds;

/**
 * What makes two stored figures the same figure of the same series and release, per table: the one
 * definition the check for figures already in the store ({@link StoredOverlap}) uses. SQL expressions
 * over a table's view (the provenance's texts included), each written on the alias {@code t}.
 */
public final class SeriesKey {
  private SeriesKey() {}

  /**
   * The key's SQL expressions on alias {@code t}. Aid: the release (publisher and release name), then
   * the figure within it (donor, category, measure, basis, currency, unit), as the aid totals read a
   * release imported twice.
   */
  static List<String> of(Table table) {
    return switch (table) {
      case SPENDING -> List.of("t.source", "t.vintage_month", "t.iso3", "t.year");
      // the donor by its country code when it has one: "USA" and "United States" are one donor
      case AID -> List.of("t.publisher", "t.vintage", "coalesce(t.donor_iso3, t.donor)", "t.category", "t.measure",
          "t.basis", "t.currency", "t.unit");
      case DELIVERIES -> List.of("t.record_id", "t.delivery_years", "t.vintage_month");
      case PRODUCTION -> List.of("t.item", "t.producer", "t.country", "t.date", "t.value_text", "t.period", "t.kind",
          "t.target_date", "t.source_url");
      case CONTRACTS -> List.of("t.buyers", "t.agency", "t.item", "t.quantity", "t.value", "t.currency", "t.date");
      // a munition is its id, an alias its name (ignoring case and outer spaces, as the catalogue matches)
      case MUNITIONS -> List.of("t.id");
      case MUNITION_ALIASES -> List.of("lower(trim(t.alias))");
    };
  }

  /**
   * The key's expressions that name the figure's release: those read from its provenance
   * ({@link ProvenanceIds#COLUMNS}), so that they also evaluate on the {@code provenance} table under
   * alias {@code t}. Two figures with the same key have the same release. None for contracts, whose
   * key reads no provenance.
   */
  static List<String> release(Table table) {
    Set<String> provenance = Arrays.stream(ProvenanceIds.COLUMNS.split(", ")).map(c -> "t." + c)
        .collect(Collectors.toSet());
    return of(table).stream().filter(provenance::contains).toList();
  }

  /** SQL: the key's columns without alias, for a window's {@code PARTITION BY}. */
  public static String partition(Table table) {
    return of(table).stream().map(e -> e.replace("t.", "")).collect(Collectors.joining(", "));
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
