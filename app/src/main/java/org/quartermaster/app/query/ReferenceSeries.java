package org.quartermaster.app.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.quartermaster.app.data.SourceGrade;

/**
 * The store's reference series (bundled GDP, population, exchange rates and price indices), read once
 * per query: a few hundred rows. Each value keeps its unit, release and source.
 */
final class ReferenceSeries {
  static final String GDP = "gdp";
  static final String POPULATION = "population";
  static final String EUR_PER_USD = "eur_per_usd";
  static final String PRICE_INDEX = "price_index";

  /** One value of a series, with what a reader needs to check it. */
  record Value(String series, String iso3, int year, double value, String unit, String release, Source source) {}

  private final Map<List<Object>, Value> byKey;

  private ReferenceSeries(Map<List<Object>, Value> byKey) {
    this.byKey = byKey;
  }

  static ReferenceSeries read(Connection connection) throws SQLException {
    Map<List<Object>, Value> byKey = new HashMap<>();
    try (PreparedStatement s = connection.prepareStatement("""
        SELECT series, coalesce(iso3, ''), year, value, unit, release, source_url, publisher, source_title, as_of,
               source_grade, via_url
        FROM reference_series ORDER BY file_name, file_row""");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        Source source = new Source(r.getString(7), r.getString(8), r.getString(9), r.getString(10),
            SourceGrade.byName(r.getString(11)).orElse(null), r.getString(12));
        Value value = new Value(r.getString(1), r.getString(2), r.getInt(3), r.getDouble(4), r.getString(5),
            r.getString(6), source);
        byKey.put(List.of(value.series(), value.iso3(), value.year()), value);
      }
    }
    return new ReferenceSeries(byKey);
  }

  /** @param iso3 the country, or "" for a series that is not a country's (an exchange rate) */
  Optional<Value> find(String series, String iso3, int year) {
    return Optional.ofNullable(byKey.get(List.of(series, iso3 == null ? "" : iso3, year)));
  }

  /** The years a series has for a country, for messages: "2014–2023". */
  String years(String series, String iso3) {
    TreeSet<Integer> years = new TreeSet<>();
    for (Value v : byKey.values()) {
      if (v.series().equals(series) && v.iso3().equals(iso3 == null ? "" : iso3)) {
        years.add(v.year());
      }
    }
    return years.isEmpty() ? "none" : years.first() + "–" + years.last();
  }
}
