package org.quartermaster.app.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.store.Store;

/**
 * {@code qm query aid}: aid records of the chosen releases ({@link AidReleases}: by default each
 * publisher's latest), one line each, or their sums by donor, donor group, category, measure or
 * release, added by the one rule of {@link AidSums}: never across releases, bases, currencies or units,
 * never overlapping categories or measures, never a group of donors with its members.
 */
public final class AidQuery {
  private static final String FILTERED = """
      WITH p AS (
        SELECT CAST(? AS VARCHAR) AS donor, CAST(? AS VARCHAR) AS donor_iso3, CAST(? AS VARCHAR) AS category,
               CAST(? AS VARCHAR) AS measure, CAST(? AS VARCHAR) AS grades
      ), filtered AS (
        SELECT a.* FROM aid a, p
        WHERE (p.donor IS NULL OR a.donor_iso3 = p.donor_iso3 OR contains(lower(a.donor), lower(p.donor)))
          AND (p.category IS NULL OR lower(a.category) = lower(p.category))
          AND (p.measure IS NULL OR lower(a.measure) = lower(p.measure))
          AND\s""" + GradeFilter.CONDITION + """

      )
      """;
  private static final String RECORDS = FILTERED + """
      , imports AS (SELECT *,\s""" + AidReleases.LATEST_IMPORT + """
       AS latest_import FROM filtered)
      SELECT donor, donor_iso3, recipient, category, measure, amount, currency, unit, date, data_through,
             vintage AS release, basis, vintage_month, publisher, source_title, as_of, source_grade, source_url,
             via_url, note, dataset_id, gdp_share_pct, gdp_share_year
      FROM imports WHERE dataset_id = latest_import AND\s""" + AidReleases.Chosen.CONDITION + """

      ORDER BY donor, category, measure, as_of, currency, dataset_id, file_row
      """;

  private AidQuery() {}

  /** What the sums are grouped by. */
  public enum By {
    DONOR("donor"),
    DONOR_GROUP("donor-group"),
    CATEGORY("category"),
    MEASURE("measure"),
    RELEASE("release");

    private final String cliName;

    By(String cliName) {
      this.cliName = cliName;
    }

    public String cliName() {
      return cliName;
    }

    public static Optional<By> byName(String name) {
      return Arrays.stream(values()).filter(b -> b.cliName.equalsIgnoreCase(name.trim())).findFirst();
    }

    /** "donor, donor-group, category, measure or release": for messages. */
    public static String names() {
      List<String> names = Arrays.stream(values()).map(By::cliName).toList();
      return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }
  }

  /**
   * @param by       group and sum by this, or null to list the records
   * @param donor    part of the donor's name (any case) or its ISO code, or null for all
   * @param category military, financial, humanitarian, total … (exact, any case), or null for all
   * @param measure  commitment, allocation, disbursement … (exact, any case), or null for all
   * @param release  {@code latest} (also when null), {@code all}, or a release's name
   * @param minGrade only figures whose citation is graded this or better, or null for every figure
   * @param normalise per GDP or capita, one currency, constant prices ({@link AidNormalise#NONE}: as given)
   */
  public record Options(By by, String donor, String category, String measure, String release, SourceGrade minGrade,
      AidNormalise normalise) {
    public Options {
      normalise = normalise == null ? AidNormalise.NONE : normalise;
      if (normalise.per() != null && by != null && by != By.DONOR) {
        throw new QueryException("per " + normalise.per().wireName() + " with by " + by.cliName() + ": shares and"
            + " per-person figures of different donors do not add up; sum by donor, or list the records");
      }
    }

    public Options(By by, String donor, String category, String measure, String release, SourceGrade minGrade) {
      this(by, donor, category, measure, release, minGrade, AidNormalise.NONE);
    }

    public Options(By by, String donor, String category, String measure) {
      this(by, donor, category, measure, null, null);
    }
  }

  public static QueryResult run(Store store, Options options) {
    Countries countries = Countries.standard();
    String donorIso3 = options.donor() == null
        ? null : countries.find(options.donor()).map(Country::iso3).orElse(null);
    Object[] parameters = {options.donor(), donorIso3, options.category(), options.measure(),
        GradeFilter.parameter(options.minGrade())};
    return store.read(connection -> {
      AidReleases.Chosen chosen = AidReleases.choose(connection, FILTERED, parameters, options.release());
      List<List<Object>> rows = Rows.query(connection, RECORDS, RECORD_COLUMNS, with(parameters, chosen.keys()));
      List<String> notes = new ArrayList<>(chosen.notes());
      notes.addAll(GradeFilter.notes(options.minGrade()));
      List<VintageUsed> releases = releasesUsed(chosen.releases(), rows);
      QueryResult records = QueryResult.withRowProvenance("", RECORD_COLUMNS, rows, List.of());
      AidNormaliser normaliser = options.normalise().none()
          ? null : new AidNormaliser(options.normalise(), ReferenceSeries.read(connection));
      return options.by() == null
          ? records(rows, releases, records.sources(), notes, normaliser)
          : sums(rows, options.by(), countries, chosen.releases(), releases, records.sources(), notes, normaliser);
    });
  }

  private static final List<Column> RECORD_COLUMNS = columns();

  /** The chosen releases that rows come from, each with its count of rows. */
  private static List<VintageUsed> releasesUsed(List<AidRelease> chosen, List<List<Object>> rows) {
    int publisher = RECORD_COLUMNS.stream().map(Column::name).toList().indexOf("publisher");
    int release = RECORD_COLUMNS.stream().map(Column::name).toList().indexOf("release");
    Map<List<Object>, Long> counts = new java.util.HashMap<>();
    for (List<Object> row : rows) {
      counts.merge(Arrays.asList(row.get(publisher), row.get(release)), 1L, Long::sum);
    }
    List<VintageUsed> used = new ArrayList<>();
    for (AidRelease r : chosen) {
      Long count = counts.get(Arrays.asList(r.publisher(), r.name()));
      if (count != null) {
        used.add(new VintageUsed(null, r.label(), count));
      }
    }
    return used;
  }

  private static List<Column> columns() {
    List<Column> columns = new ArrayList<>(List.of(Column.text("donor"), Column.detail("donor_iso3"),
        Column.detail("recipient"), Column.text("category"), Column.text("measure"), Column.number("amount", null),
        Column.text("currency"), Column.text("unit"), Column.detail("date"), Column.text("data_through"),
        Column.text("release"), Column.text("basis"), Column.detail("vintage_month")));
    List<Column> citation = QueryResult.citationColumns();
    columns.add(citation.get(1)); // publisher, source_title, as_of, source_grade, then the URLs
    columns.add(citation.get(2));
    columns.add(citation.get(3));
    columns.add(citation.get(4));
    columns.add(citation.get(0));
    columns.add(citation.get(5));
    columns.add(Column.detail("note"));
    columns.add(Column.detail("dataset_id"));
    columns.add(Column.detail("gdp_share_pct")); // the source's own share of the donor's GDP, when it gives one
    columns.add(Column.detail("gdp_share_year"));
    return List.copyOf(columns);
  }

  private static Object[] with(Object[] parameters, Object more) {
    Object[] all = Arrays.copyOf(parameters, parameters.length + 1);
    all[parameters.length] = more;
    return all;
  }

  private static QueryResult records(List<List<Object>> rows, List<VintageUsed> releases, List<Source> sources,
      List<String> notes, AidNormaliser normaliser) {
    List<String> all = new ArrayList<>(notes);
    all.add("Amounts are as the source gives them, in the currency and unit of their line; basis says whether a"
        + " line is a running total (cumulative) or new aid within a window (period).");
    if (normaliser == null) {
      return new QueryResult("Aid records, one line each (amount in the line's currency and unit)", RECORD_COLUMNS,
          rows, releases, sources, all);
    }
    List<List<Object>> extended = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      AidNormaliser.Normalised n = normaliser.apply(figure(row));
      List<Object> values = new ArrayList<>(row);
      values.addAll(Arrays.asList(n.value(), n.valueUnit(), n.priceYear(), n.rate(), n.rateUnit(), n.priceFactor(),
          n.denominator(), n.denominatorUnit(), n.conversion(), String.join(" ", n.used().stream()
              .map(v -> v.source().url()).distinct().toList()), n.shareBasis()));
      extended.add(values);
    }
    List<Column> columns = new ArrayList<>(RECORD_COLUMNS);
    columns.addAll(NORMALISED_COLUMNS);
    List<Source> allSources = new ArrayList<>(sources);
    allSources.addAll(normaliser.sources());
    all.addAll(normaliser.notes());
    return new QueryResult("Aid records, one line each, normalised (value in value_unit; amount as the source gives"
        + " it)", columns, extended, releases, allSources, all);
  }

  private static final List<Column> NORMALISED_COLUMNS = List.of(Column.number("value", null),
      Column.text("value_unit"), Column.detail("price_year"), Column.number("rate", null), Column.detail("rate_unit"),
      Column.number("price_factor", null), Column.number("denominator", null), Column.detail("denominator_unit"),
      Column.detail("conversion"), Column.detail("reference_source_urls"), Column.text("share_basis"));

  private static AidNormaliser.Figure figure(List<Object> row) {
    return new AidNormaliser.Figure((String) row.get(at("donor")), (String) row.get(at("donor_iso3")),
        ((Number) row.get(at("amount"))).doubleValue(), (String) row.get(at("currency")),
        (String) row.get(at("unit")), (String) row.get(at("date")), (String) row.get(at("data_through")),
        row.get(at("gdp_share_pct")) == null ? null : ((Number) row.get(at("gdp_share_pct"))).doubleValue(),
        row.get(at("gdp_share_year")) == null ? null : ((Number) row.get(at("gdp_share_year"))).intValue());
  }

  private static int at(String name) {
    return RECORD_COLUMNS.stream().map(Column::name).toList().indexOf(name);
  }

  private static QueryResult sums(List<List<Object>> rows, By by, Countries countries, List<AidRelease> chosen,
      List<VintageUsed> releases, List<Source> sources, List<String> notes, AidNormaliser normaliser) {
    Map<String, Integer> at = new java.util.HashMap<>();
    for (int i = 0; i < RECORD_COLUMNS.size(); i++) {
      at.put(RECORD_COLUMNS.get(i).name(), i);
    }
    List<AidSums.Figure> figures = new ArrayList<>(rows.size());
    Map<List<Object>, AidRelease> releaseOf = new java.util.HashMap<>();
    chosen.forEach(r -> releaseOf.put(Arrays.asList(r.publisher(), r.name()), r));
    for (List<Object> row : rows) {
      AidRelease release = releaseOf.get(Arrays.asList(row.get(at.get("publisher")), row.get(at.get("release"))));
      double amount = ((Number) row.get(at.get("amount"))).doubleValue();
      String currency = (String) row.get(at.get("currency"));
      String unit = (String) row.get(at.get("unit"));
      if (normaliser != null) {
        AidNormaliser.Normalised n = normaliser.apply(figure(row));
        if (n.value() == null) {
          continue; // no GDP or population: the normaliser's notes name the donor
        }
        amount = n.value();
        currency = n.valueUnit();
        unit = n.shareBasis() == null ? "" : n.shareBasis(); // never adds Kiel's shares to computed ones
      }
      figures.add(new AidSums.Figure((String) row.get(at.get("donor")), (String) row.get(at.get("donor_iso3")),
          (String) row.get(at.get("category")), (String) row.get(at.get("measure")), amount, currency, unit,
          (String) row.get(at.get("basis")), release));
    }
    AidSums.Sums sums = AidSums.sum(figures, by, countries);
    List<Column> columns = new ArrayList<>(List.of(Column.text(by.cliName()), Column.text("release"),
        Column.text("basis"), Column.text("currency"), Column.text("unit"), Column.number("amount", null),
        Column.number("records", null), Column.detail("donors"), Column.detail("categories"),
        Column.detail("measures")));
    boolean byRelease = by == By.RELEASE;
    if (byRelease) {
      columns.remove(1); // the group is the release
    }
    List<List<Object>> lines = new ArrayList<>();
    for (AidSums.Line line : sums.lines()) {
      List<Object> values = new ArrayList<>(Arrays.asList(line.group(), line.release().name(), line.basis(),
          line.currency(), line.unit(), Math.round(line.amount() * 1e6) / 1e6, line.records(), line.donors().size(),
          String.join(", ", line.categories()), String.join(", ", line.measures())));
      if (byRelease) {
        values.remove(1);
      }
      lines.add(values);
    }
    List<String> all = new ArrayList<>(notes);
    all.addAll(sums.notes());
    if (normaliser == null) {
      return new QueryResult("Aid summed by " + by.cliName() + ", per release, basis, currency and unit", columns,
          lines, releases, sources, all);
    }
    // the currency column holds the normalised unit; the unit column is empty, or for shares of GDP says
    // whose share it is: one column, value_unit, and share_basis after the value
    int currencyAt = columns.indexOf(Column.text("currency"));
    columns.set(currencyAt, Column.text("value_unit"));
    columns.remove(currencyAt + 1);
    columns.set(currencyAt + 1, Column.number("value", null));
    boolean shares = normaliser.sharesOfGdp();
    if (shares) {
      columns.add(currencyAt + 2, Column.text("share_basis"));
    }
    for (List<Object> line : lines) {
      Object basis = line.remove(currencyAt + 1);
      if (shares) {
        line.add(currencyAt + 2, basis);
      }
    }
    List<Source> allSources = new ArrayList<>(sources);
    allSources.addAll(normaliser.sources());
    all.addAll(normaliser.notes());
    if (!normaliser.usedValues().isEmpty()) {
      all.add("Reference values used: " + String.join("; ", normaliser.usedValues()) + ".");
    }
    return new QueryResult("Aid summed by " + by.cliName() + ", normalised (value in value_unit), per release and"
        + " basis", columns, lines, releases, allSources, all);
  }

  /** For the API and the command line: the {@code --by} names. */
  public static String byNames() {
    return By.names().toLowerCase(Locale.ROOT);
  }
}
