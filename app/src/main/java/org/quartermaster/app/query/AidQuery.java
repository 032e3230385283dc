package org.quartermaster.app.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.store.Store;

/**
 * {@code qm query aid}: aid records, one line each, or their sums by donor, category or measure.
 * Sums are taken per currency and unit only: EUR is never added to USD, nor billion to million (nor
 * to "billion per year"); a group with figures in several currencies or units has one line for each,
 * and the notes say so. The notes also say when a sum adds records that overlap (several categories,
 * measures or releases).
 */
public final class AidQuery {
  private static final String FILTERED = """
      WITH p AS (
        SELECT CAST(? AS VARCHAR) AS donor, CAST(? AS VARCHAR) AS donor_iso3, CAST(? AS VARCHAR) AS category,
               CAST(? AS VARCHAR) AS measure, CAST(? AS VARCHAR) AS group_by
      ), filtered AS (
        SELECT a.*, p.group_by FROM aid a, p
        WHERE (p.donor IS NULL OR a.donor_iso3 = p.donor_iso3 OR contains(lower(a.donor), lower(p.donor)))
          AND (p.category IS NULL OR lower(a.category) = lower(p.category))
          AND (p.measure IS NULL OR lower(a.measure) = lower(p.measure))
      )
      """;
  private static final String RECORDS = FILTERED + """
      SELECT donor, donor_iso3, recipient, category, measure, amount, currency, unit, date, data_through, as_of,
             vintage_month, vintage, publisher, source_url, note
      FROM filtered
      ORDER BY donor, category, measure, as_of, currency, dataset_id, file_row
      """;
  private static final String SUMS = FILTERED + """
      SELECT CASE group_by WHEN 'donor' THEN donor WHEN 'category' THEN category ELSE measure END AS "group",
             currency, unit, round(sum(amount), 6) AS amount, count(*) AS records
      FROM filtered
      GROUP BY ALL
      ORDER BY "group", currency, unit
      """;
  private static final String VINTAGES = FILTERED + """
      SELECT vintage_month, vintage, count(*) AS records FROM filtered GROUP BY ALL
      ORDER BY vintage_month NULLS LAST, vintage NULLS LAST
      """;
  private static final String SOURCES = FILTERED + """
      SELECT source_url FROM filtered WHERE source_url IS NOT NULL
      GROUP BY source_url ORDER BY min(dataset_id), min(file_row)
      """;
  private static final String SPREAD = FILTERED + """
      SELECT string_agg(DISTINCT category, ', ' ORDER BY category) AS categories,
             string_agg(DISTINCT measure, ', ' ORDER BY measure) AS measures,
             count(DISTINCT coalesce(vintage_month, '') || '|' || coalesce(vintage, '')) AS vintages
      FROM filtered
      """;

  private AidQuery() {}

  /** What the sums are grouped by. */
  public enum By {
    DONOR,
    CATEGORY,
    MEASURE;

    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<By> byName(String name) {
      return Arrays.stream(values()).filter(b -> b.cliName().equalsIgnoreCase(name.trim())).findFirst();
    }
  }

  /**
   * @param by       group and sum by this, or null to list the records
   * @param donor    part of the donor's name (any case) or its ISO code, or null for all
   * @param category military, financial, humanitarian, total … (exact, any case), or null for all
   * @param measure  commitment, allocation, disbursement … (exact, any case), or null for all
   */
  public record Options(By by, String donor, String category, String measure) {}

  public static QueryResult run(Store store, Options options) {
    String donorIso3 = options.donor() == null
        ? null : Countries.standard().find(options.donor()).map(Country::iso3).orElse(null);
    Object[] parameters = {options.donor(), donorIso3, options.category(), options.measure(),
        options.by() == null ? null : options.by().cliName()};
    return store.read(connection -> options.by() == null
        ? records(connection, parameters)
        : sums(connection, options.by(), parameters));
  }

  private static QueryResult records(Connection connection, Object[] parameters) throws SQLException {
    List<Column> columns = List.of(Column.text("donor"), Column.detail("donor_iso3"), Column.detail("recipient"),
        Column.text("category"), Column.text("measure"), Column.number("amount", null), Column.text("currency"),
        Column.text("unit"), Column.detail("date"), Column.text("data_through"), Column.detail("as_of"),
        Column.text("vintage_month"), Column.detail("vintage"), Column.detail("publisher"), Column.source(),
        Column.detail("note"));
    List<List<Object>> rows = Rows.query(connection, RECORDS, columns, parameters);
    return QueryResult.withRowProvenance("Aid records, one line each (amount in the line's currency and unit)",
        columns, rows, List.of("Amounts are as the source gives them, in the currency and unit of their line."));
  }

  private static QueryResult sums(Connection connection, By by, Object[] parameters) throws SQLException {
    List<Column> columns = List.of(Column.text(by.cliName()), Column.text("currency"), Column.text("unit"),
        Column.number("amount", null), Column.number("records", null));
    List<Column> sqlColumns = new ArrayList<>(columns);
    sqlColumns.set(0, Column.text("group"));
    List<List<Object>> rows = Rows.query(connection, SUMS, sqlColumns, parameters);
    List<String> notes = new ArrayList<>();
    notes.add("Sums are per currency and unit: EUR is never added to USD, nor billion to million; a "
        + by.cliName() + " with figures in several currencies or units has one line for each.");
    Map<Object, Integer> lines = new LinkedHashMap<>();
    rows.forEach(row -> lines.merge(row.getFirst(), 1, Integer::sum));
    List<String> split = lines.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey().toString())
        .toList();
    if (!split.isEmpty()) {
      notes.add("In more than one currency or unit (one line each, not added): " + String.join(", ", split) + ".");
    }
    List<Object> spread = Rows.query(connection, SPREAD,
        List.of(Column.text("categories"), Column.text("measures"), Column.text("vintages")), parameters).getFirst();
    notes.add(overlap(by, spread));
    List<VintageUsed> vintages = new ArrayList<>();
    for (List<Object> row : Rows.query(connection, VINTAGES,
        List.of(Column.text("vintage_month"), Column.text("vintage"), Column.text("records")), parameters)) {
      vintages.add(new VintageUsed((String) row.get(0), (String) row.get(1), ((Number) row.get(2)).longValue()));
    }
    List<String> sources = Rows.query(connection, SOURCES, List.of(Column.source()), parameters).stream()
        .map(row -> (String) row.getFirst()).toList();
    return new QueryResult("Aid summed by " + by.cliName() + ", per currency and unit", columns, rows, vintages,
        sources, notes.stream().filter(note -> !note.isEmpty()).toList());
  }

  /** A warning when the sums add records that overlap: several categories, measures or releases. */
  private static String overlap(By by, List<Object> spread) {
    List<String> mixed = new ArrayList<>();
    if (by != By.CATEGORY && spread.get(0) != null && spread.get(0).toString().contains(", ")) {
      mixed.add("categories (" + spread.get(0) + ")");
    }
    if (by != By.MEASURE && spread.get(1) != null && spread.get(1).toString().contains(", ")) {
      mixed.add("measures (" + spread.get(1) + ")");
    }
    if (spread.get(2) != null && ((Number) spread.get(2)).longValue() > 1) {
      mixed.add(spread.get(2) + " vintages");
    }
    if (mixed.isEmpty()) {
      return "";
    }
    return "These sums add records of several " + String.join(", ", mixed) + ", which overlap (a total includes"
        + " its military, financial and humanitarian parts; allocations are part of commitments; releases repeat"
        + " earlier figures): narrow with --donor, --category and --measure before reading a sum as a total.";
  }
}
