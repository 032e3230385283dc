package org.quartermaster.app.api;

import io.javalin.http.Context;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.quartermaster.app.store.Store;

/**
 * {@code GET /api/v1/countries}: the store's countries (ISO 3166, with NATO and EU accession dates)
 * as {@code {"countries": [{iso3, name, nato_joined, eu_joined, eu_left}]}}, by name, dates
 * {@code YYYY-MM-DD} or null. {@code ?member=nato} or {@code eu} keeps today's members.
 */
final class CountryEndpoints {
  private static final String SQL = """
      SELECT iso3, name, CAST(nato_since AS VARCHAR), CAST(eu_since AS VARCHAR), CAST(eu_until AS VARCHAR)
      FROM countries
      ORDER BY name, iso3
      """;

  private final StoreAccess store;

  CountryEndpoints(StoreAccess store) {
    this.store = store;
  }

  /** One row of the countries table. */
  private record Country(String iso3, String name, LocalDate natoJoined, LocalDate euJoined, LocalDate euLeft) {
    boolean natoMemberOn(LocalDate day) {
      return natoJoined != null && !natoJoined.isAfter(day);
    }

    boolean euMemberOn(LocalDate day) {
      return euJoined != null && !euJoined.isAfter(day) && (euLeft == null || euLeft.isAfter(day));
    }
  }

  void list(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of("member"), false);
    String member = params.text("member");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Predicate<Country> kept = c -> true;
    if (member != null) {
      switch (member.toLowerCase(Locale.ROOT)) {
        case "nato" -> kept = c -> c.natoMemberOn(today);
        case "eu" -> kept = c -> c.euMemberOn(today);
        default -> params.problem("member", member, "expected nato or eu");
      }
    }
    params.check();
    List<Map<String, Object>> countries = new ArrayList<>();
    for (Country country : store.read(CountryEndpoints::all)) {
      if (kept.test(country)) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("iso3", country.iso3());
        entry.put("name", country.name());
        entry.put("nato_joined", text(country.natoJoined()));
        entry.put("eu_joined", text(country.euJoined()));
        entry.put("eu_left", text(country.euLeft()));
        countries.add(entry);
      }
    }
    ctx.json(Map.of("countries", countries));
  }

  private static List<Country> all(Store store) {
    return store.read(c -> {
      List<Country> all = new ArrayList<>();
      try (PreparedStatement query = c.prepareStatement(SQL); ResultSet r = query.executeQuery()) {
        while (r.next()) {
          all.add(new Country(r.getString(1), r.getString(2), date(r.getString(3)), date(r.getString(4)),
              date(r.getString(5))));
        }
      }
      return all;
    });
  }

  private static LocalDate date(String isoDate) {
    return isoDate == null ? null : LocalDate.parse(isoDate);
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
