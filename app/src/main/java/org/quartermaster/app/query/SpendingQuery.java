package org.quartermaster.app.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.store.Store;

/**
 * {@code qm query spending}: defence spending as a share of GDP, one figure per source, country and
 * year, optionally checked against a guideline ({@link Guideline}).
 *
 * <p>Vintages: each release of a source is a vintage, named by its month ({@code vintage_month},
 * YYYY-MM); a new release never overwrites an older one. Without a vintage asked for, each (source,
 * country, year) uses the latest vintage that covers it (ties: the later {@code as_of}, then the later
 * import); with one, only that vintage's figures are shown. The notes say which rule was applied and,
 * for a handful of rows, what the other vintages say (Poland 2023: 3.90, 3.92 and 3.26 in three NATO
 * releases).
 */
public final class SpendingQuery {
  private static final String FIGURES = """
      WITH p AS (
        SELECT CAST(? AS INTEGER) AS year, CAST(? AS VARCHAR) AS iso3, CAST(? AS VARCHAR) AS source,
               CAST(? AS VARCHAR) AS vintage
      ), ranked AS (
        SELECT s.country, s.iso3, s.year, s.pct_gdp, s.estimate, s.source, s.vintage_month, s.vintage, s.as_of,
               s.source_url, s.note,
               row_number() OVER (
                 PARTITION BY s.source, s.iso3, s.year
                 ORDER BY coalesce(s.vintage_month = p.vintage, false) DESC, s.vintage_month DESC NULLS LAST,
                          s.as_of DESC NULLS LAST, s.dataset_id DESC, s.file_row) AS rank
        FROM defence_spending s, p
        WHERE (p.year IS NULL OR s.year = p.year)
          AND (p.iso3 IS NULL OR s.iso3 = p.iso3)
          AND (p.source IS NULL OR s.source = p.source)
      )
      SELECT r.country, r.iso3, r.year, r.pct_gdp, r.estimate, r.source, r.vintage_month, r.vintage, r.as_of,
             r.source_url, r.note,
             r.rank = 1 AND (p.vintage IS NULL OR coalesce(r.vintage_month = p.vintage, false)) AS picked
      FROM ranked r, p
      ORDER BY r.year, r.iso3, r.source, r.rank
      """;
  private static final String SOURCES = "SELECT DISTINCT source FROM defence_spending ORDER BY source";
  private static final String VINTAGES = """
      SELECT DISTINCT vintage_month FROM defence_spending
      WHERE vintage_month IS NOT NULL AND (CAST(? AS VARCHAR) IS NULL OR source = CAST(? AS VARCHAR))
      ORDER BY vintage_month
      """;

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
   * @param threshold a guideline in % of GDP (2, 3.5), or null for no check
   * @param source    the series (nato, sipri), or null for every series
   * @param vintage   the release month YYYY-MM, {@link #ALL_VINTAGES} for every release's figure, or null for
   *                  the latest vintage per country and year
   */
  public record Options(Integer year, String country, Double threshold, String source, String vintage) {}

  /**
   * One figure as the query shows it, with the figures other vintages give for the same country and
   * year; {@code inStore} is false for the "no figure" line of an ally the store has no row for.
   */
  record Figure(
      String country, String iso3, int year, Double pctGdp, String estimate, String source, String vintageMonth,
      String vintage, String asOf, String sourceUrl, String note, List<Figure> others, boolean inStore) {}

  /** @throws QueryException for a country, source or vintage the store does not know, or a bad threshold */
  public static QueryResult run(Store store, Options options) {
    Countries countries = Countries.standard();
    String iso3 = options.country() == null ? null : iso3(countries, options.country());
    String source = options.source() == null ? null : options.source().trim().toLowerCase(Locale.ROOT);
    Guideline guideline = options.threshold() == null ? null : new Guideline(options.threshold());
    return store.read(connection -> {
      check(connection, source, options.vintage(), options.threshold());
      List<Figure> figures = figures(connection, options, iso3, source);
      List<String> notes = new ArrayList<>(SpendingRows.vintageNotes(figures, options.vintage()));
      boolean allies = guideline != null && "nato".equals(source);
      Map<Integer, LocalDate> memberDates = new TreeMap<>();
      if (allies) {
        figures = Allies.of(figures, options, iso3, countries, memberDates, notes);
      }
      if (guideline != null) {
        notes.addAll(guideline.summary(figures, allies, memberDates));
      }
      return SpendingRows.result(title(options, source, guideline, allies), figures, guideline, notes);
    });
  }

  private static String iso3(Countries countries, String country) {
    return countries.find(country).map(Country::iso3).orElseThrow(() -> new QueryException(
        "country '" + country + "' is neither an ISO 3166 code nor a known name; did you mean "
            + countries.closest(country) + "?"));
  }

  /** {@code --vintage all}: every vintage's figure, one row per (country, year, source, vintage). */
  public static final String ALL_VINTAGES = "all";

  private static void check(Connection connection, String source, String vintage, Double threshold)
      throws SQLException {
    if (source != null) {
      List<String> sources = Rows.query(connection, SOURCES, List.of(Column.text("source"))).stream()
          .map(row -> (String) row.getFirst()).toList();
      if (!sources.contains(source)) {
        throw new QueryException("no spending figures from source '" + source + "'; sources in the store: "
            + (sources.isEmpty() ? "none" : String.join(", ", sources)));
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
      List<String> vintages = Rows.query(connection, VINTAGES, List.of(Column.text("vintage_month")), source, source)
          .stream().map(row -> (String) row.getFirst()).toList();
      if (!vintages.contains(vintage)) {
        throw new QueryException("no spending figures of vintage " + vintage
            + (source == null ? "" : " from source '" + source + "'") + "; vintages in the store: "
            + (vintages.isEmpty() ? "none" : String.join(", ", vintages)));
      }
    }
  }

  private static List<Figure> figures(Connection connection, Options options, String iso3, String source)
      throws SQLException {
    List<Column> columns = List.of(Column.text("country"), Column.text("iso3"), Column.text("year"),
        Column.text("pct_gdp"), Column.text("estimate"), Column.text("source"), Column.text("vintage_month"),
        Column.text("vintage"), Column.text("as_of"), Column.text("source_url"), Column.text("note"),
        Column.text("picked"));
    boolean every = ALL_VINTAGES.equals(options.vintage());
    Map<String, Figure> picked = new LinkedHashMap<>();
    Map<String, List<Figure>> others = new LinkedHashMap<>();
    for (List<Object> row : Rows.query(connection, FIGURES, columns, options.year(), iso3, source,
        every ? null : options.vintage())) {
      Figure figure = new Figure((String) row.get(0), (String) row.get(1), (Integer) row.get(2),
          (Double) row.get(3), (String) row.get(4), (String) row.get(5), (String) row.get(6), (String) row.get(7),
          (String) row.get(8), (String) row.get(9), (String) row.get(10), List.of(), true);
      String key = figure.source() + "|" + figure.iso3() + "|" + figure.year();
      if (every) {
        picked.put(key + "|" + figure.vintageMonth() + "|" + picked.size(), figure);
      } else if ((Boolean) row.get(11)) {
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
        f.vintage(), f.asOf(), f.sourceUrl(), f.note(), List.copyOf(others), true);
  }

  private static String title(Options options, String source, Guideline guideline, boolean allies) {
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
    if (ALL_VINTAGES.equals(options.vintage())) {
      return title.append("; every vintage").toString();
    }
    return title.append(options.vintage() == null
        ? "; latest vintage per country and year" : "; vintage " + options.vintage()).toString();
  }
}
