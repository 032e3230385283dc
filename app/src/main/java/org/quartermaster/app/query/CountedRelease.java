package org.quartermaster.app.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The one release of one source that a guideline count uses for one year: a count never takes one
 * country's figure from one release and another's from the next.
 *
 * <p>Which release: the one asked for with {@code --vintage}; without it, the <b>latest release that
 * covers the year</b>, where a release covers a year when it has figures for that year for at least
 * half as many countries as the fullest release of the source for that year. So a release that
 * mentions a past year for one country (NATO's March 2026 report quotes the United States' 2024
 * figure) does not become the basis of that year's count, and a newer release with figures for most
 * countries (NATO's annual report of April 2025: 30 figures for 2024) is preferred to an older one
 * with one or two more (the June 2024 tables: 31 figures, estimates for 2024). Releases are ordered
 * by {@code vintage_month}; rows without one form one release, older than every dated one.
 *
 * @param vintageMonth the release month YYYY-MM, or null for the rows that give none
 * @param vintage      the release in the source's words, or null
 * @param countries    how many countries it gives a figure for in {@code year}
 * @param fullest      how many countries the fullest release of the source gives a figure for in {@code year}
 * @param asked        true when the user chose the release with {@code --vintage}
 */
record CountedRelease(
    int year, String source, String vintageMonth, String vintage, long countries, long fullest, boolean asked) {
  private static final String COVERAGE = """
      SELECT year, vintage_month, min(vintage) AS vintage,
             count(DISTINCT iso3) FILTER (WHERE pct_gdp IS NOT NULL) AS countries
      FROM defence_spending
      WHERE source = CAST(? AS VARCHAR) AND (CAST(? AS INTEGER) IS NULL OR year = CAST(? AS INTEGER))
      GROUP BY year, vintage_month
      ORDER BY year, vintage_month DESC NULLS LAST
      """;

  CountedRelease {
    Objects.requireNonNull(source, "source");
  }

  /**
   * Per year (of {@code year}, or of every year the source has figures for), the release a count uses.
   *
   * @param vintage the release asked for, or null for the latest covering each year
   * @throws QueryException when the release asked for has no figures for the year asked for
   */
  static Map<Integer, CountedRelease> choose(Connection connection, String source, Integer year, String vintage)
      throws SQLException {
    Map<Integer, List<Coverage>> byYear = new TreeMap<>();
    for (List<Object> row : Rows.query(connection, COVERAGE, List.of(Column.text("year"),
        Column.text("vintage_month"), Column.text("vintage"), Column.text("countries")), source, year, year)) {
      Coverage coverage = new Coverage((String) row.get(1), (String) row.get(2), ((Number) row.get(3)).longValue());
      byYear.computeIfAbsent((Integer) row.get(0), y -> new ArrayList<>()).add(coverage);
    }
    Map<Integer, CountedRelease> chosen = new TreeMap<>();
    byYear.forEach((y, releases) -> {
      long fullest = releases.stream().mapToLong(Coverage::countries).max().orElse(0);
      releases.stream()
          .filter(r -> vintage == null ? 2 * r.countries() >= fullest : vintage.equals(r.vintageMonth()))
          .findFirst()
          .ifPresent(r -> chosen.put(y, new CountedRelease(y, source, r.vintageMonth(), r.vintage(), r.countries(),
              fullest, vintage != null)));
    });
    if (vintage != null && year != null && !chosen.containsKey(year)) {
      List<String> months = byYear.getOrDefault(year, List.of()).stream()
          .map(r -> r.vintageMonth() == null ? "(no release month)" : r.vintageMonth()).toList();
      throw new QueryException("release " + vintage + " of source '" + source + "' has no figures for " + year
          + "; releases with figures for " + year + ": " + (months.isEmpty() ? "none" : String.join(", ", months)));
    }
    return chosen;
  }

  /** {@code nato 2025-04}. */
  String label() {
    return source + " " + (vintageMonth == null ? "(no release month)" : vintageMonth);
  }

  /** Which release the year's count uses, and why. */
  String describe() {
    String name = vintage == null ? "" : " (" + vintage + ")";
    String why = asked
        ? "as asked for"
        : "the latest release of " + source + " that covers " + year + ": figures for " + countries
            + (countries == 1 ? " country" : " countries") + ", at least half as many as the fullest release ("
            + fullest + "); choose another with --vintage";
    return year + ": counted from one release, " + label() + name + ", " + why + ".";
  }

  private record Coverage(String vintageMonth, String vintage, long countries) {}
}
