package org.quartermaster.app.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.store.Store;

/**
 * {@code qm query spending}: defence spending as a share of GDP, one figure per source, country and
 * year, optionally counted against a guideline ({@link Guideline}).
 *
 * <p>Vintages: each release of a source is a vintage, named by its month ({@code vintage_month},
 * YYYY-MM); a new release never overwrites an older one. A list of figures without a vintage asked
 * for shows, for each (source, country, year), the latest vintage that covers it (ties: the later
 * {@code as_of}, then the later import); with one, only that vintage's figures.
 *
 * <p>A count against a guideline is right by construction: it uses one source (NATO when none is
 * asked for; two are refused), one release per year ({@link CountedRelease}: the one asked for, else
 * the latest that covers the year), each country at most once, and for NATO (or {@code --allies}) the
 * allies of the year ({@link Allies}: the members on 31 December). The notes name the release and
 * why it was chosen.
 */
public final class SpendingQuery {
  private static final String FIGURES = """
      WITH p AS (
        SELECT CAST(? AS INTEGER) AS year, CAST(? AS VARCHAR) AS iso3, CAST(? AS VARCHAR) AS sources,
               CAST(? AS VARCHAR) AS vintage, CAST(? AS BOOLEAN) AS exact, CAST(? AS VARCHAR) AS grades
      ), ranked AS (
        SELECT s.country, s.iso3, s.year, s.pct_gdp, s.estimate, s.source, s.vintage_month, s.vintage, s.as_of,
               s.source_url, s.note, s.publisher, s.source_title, s.source_grade, s.via_url, s.amount, s.currency,
               s.unit, s.price_base,
               row_number() OVER (
                 PARTITION BY s.source, s.iso3, s.year
                 ORDER BY p.exact AND s.vintage_month IS NOT DISTINCT FROM p.vintage DESC,
                          s.vintage_month DESC NULLS LAST, s.as_of DESC NULLS LAST, s.dataset_id DESC,
                          s.file_row) AS rank
        FROM defence_spending s, p
        WHERE (p.year IS NULL OR s.year = p.year)
          AND (p.iso3 IS NULL OR s.iso3 = p.iso3)
          AND (p.sources IS NULL OR list_contains(string_split(p.sources, ','), s.source))
          AND\s""" + GradeFilter.CONDITION + """

      )
      SELECT r.country, r.iso3, r.year, r.pct_gdp, r.estimate, r.source, r.vintage_month, r.vintage, r.as_of,
             r.source_url, r.note, r.publisher, r.source_title, r.source_grade, r.via_url, r.amount, r.currency,
             r.unit, r.price_base,
             r.rank = 1 AND (NOT p.exact OR r.vintage_month IS NOT DISTINCT FROM p.vintage) AS picked
      FROM ranked r, p
      ORDER BY r.year, r.iso3, r.source, r.rank
      """;
  private static final String SOURCES = "SELECT DISTINCT source FROM defence_spending ORDER BY source";
  private static final String VINTAGES = """
      SELECT DISTINCT vintage_month FROM defence_spending
      WHERE vintage_month IS NOT NULL
        AND (CAST(? AS VARCHAR) IS NULL OR list_contains(string_split(CAST(? AS VARCHAR), ','), source))
      ORDER BY vintage_month
      """;
  /** The series a count uses when none is asked for: NATO's own figures for its allies. */
  static final String DEFAULT_COUNT_SOURCE = "nato";

  /** Figures in the order they are shown: by year, then country name, then source, then vintage. */
  static final Comparator<Figure> ORDER = Comparator.comparingInt(Figure::year)
      .thenComparing(Figure::country).thenComparing(Figure::source)
      .thenComparing(Figure::vintageMonth, Comparator.nullsFirst(Comparator.naturalOrder()));

  private SpendingQuery() {}

  /**
   * What to show.
   *
   * @param year      the year, or null for every year
   * @param country   an ISO 3166 alpha-3 or alpha-2 code or a country name, or null for every country
   * @param threshold a guideline in % of GDP (2, 3.5), or null for no count
   * @param source    the series (nato, sipri), several separated by commas for a list of figures, or null
   *                  for every series (a count: {@value #DEFAULT_COUNT_SOURCE})
   * @param vintage   the release month YYYY-MM, {@link #ALL_VINTAGES} for every release's figure, or null for
   *                  the latest vintage (per country and year in a list, per year in a count)
   * @param allies    true to keep only the allies of each figure's year (implied by a count of NATO figures)
   * @param minGrade  only figures cited at this grade or better, or null for every figure
   */
  public record Options(
      Integer year, String country, Double threshold, String source, String vintage, boolean allies,
      SourceGrade minGrade) {

    /** Options without {@code allies}. */
    public Options(Integer year, String country, Double threshold, String source, String vintage) {
      this(year, country, threshold, source, vintage, false, null);
    }

    /** Options for every figure, whatever its grade. */
    public Options(Integer year, String country, Double threshold, String source, String vintage, boolean allies) {
      this(year, country, threshold, source, vintage, allies, null);
    }

    /** True when a count is asked of several sources, which {@link #run} refuses (each interface says how). */
    public boolean countsSeveralSources() {
      return threshold != null && sources(source).size() > 1;
    }
  }

  /**
   * One figure as the query shows it, with the figures other vintages give for the same country and
   * year; {@code inStore} is false for the "no figure" line of an ally the store has no row for.
   * {@code amount} is the amount the row also gives (SIPRI's constant US$, say), or {@link Amount#NONE}.
   */
  record Figure(
      String country, String iso3, int year, Double pctGdp, String estimate, String source, String vintageMonth,
      String vintage, String asOf, Source citation, String note, List<Figure> others, boolean inStore,
      Amount amount) {
    /** The figure's source URL, or null ("no figure" rows have no citation). */
    String sourceUrl() {
      return citation == null ? null : citation.url();
    }
  }

  /** @throws QueryException for a country, source or vintage the store does not know, or a bad threshold */
  public static QueryResult run(Store store, Options options) {
    return run(store, options, Allies.nato());
  }

  /** {@link #run(Store, Options)} with the allies decided by {@code allies} (tests give other memberships). */
  static QueryResult run(Store store, Options options, Allies allies) {
    String iso3 = options.country() == null ? null : iso3(options.country());
    List<String> sources = sources(options.source());
    Guideline guideline = options.threshold() == null ? null : new Guideline(options.threshold());
    if (options.countsSeveralSources()) {
      throw SpendingCount.severalSources(sources);
    }
    if (options.threshold() != null && sources.contains(EquipmentShareQuery.SOURCE)) {
      throw new QueryException("source " + EquipmentShareQuery.SOURCE + " holds equipment expenditure as % of defence"
          + " expenditure, not % of GDP: count it against 20% with --equipment (measure=equipment)");
    }
    QueryResult result = store.read(connection -> {
      check(connection, sources, options.vintage(), options.threshold());
      return guideline == null
          ? list(connection, options, iso3, sources, allies)
          : SpendingCount.run(connection, options, iso3, guideline, allies);
    });
    return guideline == null ? result : guideline.withOrigin(result);
  }

  private static QueryResult list(Connection connection, Options options, String iso3, List<String> sources,
      Allies allies) throws SQLException {
    String joined = sources.isEmpty() ? null : String.join(",", sources);
    boolean every = ALL_VINTAGES.equals(options.vintage());
    String vintage = every ? null : options.vintage();
    List<Figure> figures = figures(connection, options.year(), iso3, joined, vintage, vintage != null, every,
        options.minGrade());
    List<String> notes = new ArrayList<>(SpendingRows.vintageNotes(figures, options.vintage()));
    notes.addAll(GradeFilter.notes(options.minGrade()));
    if (options.allies()) {
      figures = allies.keep(figures, iso3, Map.of(), notes);
    }
    String title = title(options, joined, null, options.allies()) + (every ? "; every vintage"
        : vintage == null ? "; latest vintage per country and year" : "; vintage " + vintage);
    return SpendingRows.result(title, figures, null, notes);
  }

  /** The sources asked for, lower case, each once, in the order given; empty for every source. */
  static List<String> sources(String source) {
    if (source == null) {
      return List.of();
    }
    return Arrays.stream(source.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
        .distinct().toList();
  }

  /**
   * The ISO code of {@code country} (a code or a name, as {@link Options#country} takes it): a pure
   * function of the text, which callers holding a store may resolve before they take it.
   *
   * @throws QueryException for a text that is no country's, with the closest name
   */
  public static String iso3(String country) {
    Countries countries = Countries.standard();
    return countries.find(country).map(Country::iso3).orElseThrow(() -> new QueryException(
        "country " + quoted(country) + " is neither an ISO 3166 code nor a known name"
            + closeName(countries, country).map(name -> "; did you mean " + name + "?").orElse("")));
  }

  /** A text in quotes, cut to its first {@value Countries#MAX_NAME_CHARS} characters as the API cuts it. */
  private static String quoted(String text) {
    return text.length() <= Countries.MAX_NAME_CHARS ? "'" + text + "'"
        : "'" + text.substring(0, Countries.MAX_NAME_CHARS) + "…' (" + text.length() + " characters)";
  }

  /** The closest country name when it is a plausible misspelling (a few edits away), else none. */
  private static Optional<String> closeName(Countries countries, String country) {
    String closest = countries.closest(country);
    if (closest == null) {
      return Optional.empty();
    }
    int edits = org.quartermaster.engine.scenario.Suggestions.distance(country.strip().toLowerCase(Locale.ROOT),
        closest.toLowerCase(Locale.ROOT));
    return edits <= Math.max(2, closest.length() / 3) ? Optional.of(closest) : Optional.empty();
  }

  /** {@code --vintage all}: every vintage's figure, one row per (country, year, source, vintage). */
  public static final String ALL_VINTAGES = "all";

  static List<String> storeSources(Connection connection) throws SQLException {
    return Rows.query(connection, SOURCES, List.of(Column.text("source"))).stream()
        .map(row -> (String) row.getFirst()).toList();
  }

  private static void check(Connection connection, List<String> sources, String vintage, Double threshold)
      throws SQLException {
    if (!sources.isEmpty()) {
      List<String> inStore = storeSources(connection);
      for (String source : sources) {
        if (!inStore.contains(source)) {
          throw new QueryException("no spending figures from source '" + source + "'; sources in the store: "
              + (inStore.isEmpty() ? "none" : String.join(", ", inStore)));
        }
      }
    }
    if (ALL_VINTAGES.equals(vintage)) {
      if (threshold != null) {
        throw new QueryException("--vintage all lists every release's figure, so it cannot count who meets a"
            + " guideline: choose one vintage (YYYY-MM) or none with --threshold");
      }
    } else if (vintage != null) {
      if (!vintage.matches("\\d{4}-(0[1-9]|1[0-2])")) {
        throw new QueryException("vintage '" + vintage + "' is not a month written YYYY-MM, such as 2024-06,"
            + " nor 'all'");
      }
      String joined = sources.isEmpty() ? null : String.join(",", sources);
      List<String> vintages = Rows.query(connection, VINTAGES, List.of(Column.text("vintage_month")), joined, joined)
          .stream().map(row -> (String) row.getFirst()).toList();
      if (!vintages.contains(vintage)) {
        throw new QueryException("no spending figures of vintage " + vintage
            + (joined == null ? "" : " from source '" + joined + "'") + "; vintages in the store: "
            + (vintages.isEmpty() ? "none" : String.join(", ", vintages)));
      }
    }
  }

  /**
   * The figures, one per (source, country, year) and, with {@code every}, per vintage.
   *
   * @param vintage the vintage to show (null: the latest per country and year)
   * @param exact   true to show only {@code vintage}'s figures, also when it is null (rows without a month)
   */
  static List<Figure> figures(Connection connection, Integer year, String iso3, String sources,
      String vintage, boolean exact, boolean every, SourceGrade minGrade) throws SQLException {
    List<Column> columns = List.of(Column.text("country"), Column.text("iso3"), Column.text("year"),
        Column.text("pct_gdp"), Column.text("estimate"), Column.text("source"), Column.text("vintage_month"),
        Column.text("vintage"), Column.text("as_of"), Column.text("source_url"), Column.text("note"),
        Column.text("publisher"), Column.text("source_title"), Column.text("source_grade"), Column.text("via_url"),
        Column.text("amount"), Column.text("currency"), Column.text("unit"), Column.text("price_base"),
        Column.text("picked"));
    Map<String, Figure> picked = new LinkedHashMap<>();
    Map<String, List<Figure>> others = new LinkedHashMap<>();
    for (List<Object> row : Rows.query(connection, FIGURES, columns, year, iso3, sources, vintage, exact,
        GradeFilter.parameter(minGrade))) {
      Source citation = new Source((String) row.get(9), (String) row.get(11), (String) row.get(12),
          (String) row.get(8), SourceGrade.byName((String) row.get(13)).orElse(null), (String) row.get(14));
      Figure figure = new Figure((String) row.get(0), (String) row.get(1), (Integer) row.get(2),
          (Double) row.get(3), (String) row.get(4), (String) row.get(5), (String) row.get(6), (String) row.get(7),
          (String) row.get(8), citation, (String) row.get(10), List.of(), true,
          new Amount((Double) row.get(15), (String) row.get(16), (String) row.get(17), (String) row.get(18)));
      String key = figure.source() + "|" + figure.iso3() + "|" + figure.year();
      if (every) {
        picked.put(key + "|" + figure.vintageMonth() + "|" + picked.size(), figure);
      } else if ((Boolean) row.get(19)) {
        picked.put(key, figure);
      } else {
        others.computeIfAbsent(key, k -> new ArrayList<>()).add(figure);
      }
    }
    List<Figure> figures = new ArrayList<>();
    picked.forEach((key, figure) -> figures.add(withOthers(figure, others.getOrDefault(key, List.of()))));
    figures.sort(ORDER);
    return figures;
  }

  private static Figure withOthers(Figure f, List<Figure> others) {
    return new Figure(f.country(), f.iso3(), f.year(), f.pctGdp(), f.estimate(), f.source(), f.vintageMonth(),
        f.vintage(), f.asOf(), f.citation(), f.note(), List.copyOf(others), true, f.amount());
  }

  static String title(Options options, String source, Guideline guideline, boolean allies) {
    StringBuilder title = new StringBuilder("Defence spending, % of GDP");
    if (options.year() != null) {
      title.append(", ").append(options.year());
    }
    if (guideline != null) {
      title.append(", against the ").append(guideline.label()).append(" guideline");
    }
    if (allies) {
      title.append(", NATO allies");
    }
    if (source != null) {
      title.append(" (source ").append(source).append(')');
    }
    return title.toString();
  }
}
