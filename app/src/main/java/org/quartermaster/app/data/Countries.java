package org.quartermaster.app.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every ISO 3166 country, from the JDK's own list of codes and English names, plus the memberships
 * and name variants of {@code countries.csv} (NATO and EU accession dates with their sources, and
 * the names data sources use: "Turkey", "Czech Republic", "UK" …). Names are matched without case,
 * accents or punctuation. Immutable and thread-safe; {@link #standard()} is loaded once.
 *
 * <p>Lookups are bounded whatever they are given: a text longer than {@value #MAX_NAME_CHARS}
 * characters is no country's name, so {@link #find} does not look at it, and {@link #closest} compares
 * only its first {@value #MAX_NAME_CHARS} characters with each name (the cost of a comparison grows
 * with the product of the two lengths).
 */
public final class Countries {
  /**
   * Longer than any country's name or alias, with room for spacing and punctuation: the longest
   * text {@link #find} looks up.
   */
  public static final int MAX_NAME_CHARS = 200;
  private static final Countries STANDARD = load();

  private final Map<String, Country> byIso3;
  private final Map<String, Country> byName;

  private Countries(Map<String, Country> byIso3, Map<String, Country> byName) {
    this.byIso3 = Collections.unmodifiableMap(byIso3);
    this.byName = Collections.unmodifiableMap(byName);
  }

  public static Countries standard() {
    return STANDARD;
  }

  /** The country with this ISO alpha-3 code, alpha-2 code, name or alias. */
  public Optional<Country> find(String nameOrCode) {
    if (nameOrCode == null) {
      return Optional.empty();
    }
    String text = nameOrCode.trim();
    if (text.isEmpty() || text.length() > MAX_NAME_CHARS) {
      return Optional.empty();
    }
    Country byCode = byIso3.get(text.toUpperCase(Locale.ROOT));
    if (byCode != null && text.length() == 3) {
      return Optional.of(byCode);
    }
    return Optional.ofNullable(byName.get(normalise(text)));
  }

  public Optional<Country> byIso3(String iso3) {
    return Optional.ofNullable(iso3 == null ? null : byIso3.get(iso3.toUpperCase(Locale.ROOT)));
  }

  /**
   * The known name closest to the first {@value #MAX_NAME_CHARS} characters of {@code name} (for "did
   * you mean" messages).
   */
  public String closest(String name) {
    String wanted = normalise(name.length() > MAX_NAME_CHARS ? name.substring(0, MAX_NAME_CHARS) : name);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Map.Entry<String, Country> entry : byName.entrySet()) {
      if (Math.abs(wanted.length() - entry.getKey().length()) >= bestDistance) {
        continue; // the distance is at least the difference in length: no closer than the best
      }
      int d = distance(wanted, entry.getKey());
      if (d < bestDistance) {
        bestDistance = d;
        best = entry.getValue().name();
      }
    }
    return best;
  }

  /** All countries, by ISO code. */
  public List<Country> all() {
    return List.copyOf(new TreeMap<>(byIso3).values());
  }

  /** The NATO members on a date, by ISO code. */
  public List<Country> natoMembersOn(LocalDate date) {
    return all().stream().filter(c -> c.natoMemberOn(date)).toList();
  }

  static String normalise(String name) {
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").trim();
  }

  private static Countries load() {
    Map<String, Country> byIso3 = new HashMap<>();
    Map<String, Country> byName = new HashMap<>();
    Map<String, String> alpha2ToIso3 = new HashMap<>();
    for (String alpha2 : Locale.getISOCountries()) {
      Locale region = new Locale.Builder().setRegion(alpha2).build();
      String iso3 = region.getISO3Country();
      String name = region.getDisplayCountry(Locale.ENGLISH);
      alpha2ToIso3.put(alpha2, iso3);
      byIso3.put(iso3, new Country(iso3, name, null, null, null));
    }
    byIso3.put("XKX", new Country("XKX", "Kosovo", null, null, null)); // user-assigned code in common use
    List<String[]> extra = readExtra();
    for (String[] row : extra) {
      Country base = byIso3.get(row[0]);
      if (base == null) {
        throw new IllegalStateException("countries.csv names unknown code " + row[0]);
      }
      byIso3.put(row[0], new Country(row[0], base.name(), date(row[1]), date(row[2]), date(row[3])));
    }
    for (Country country : byIso3.values()) {
      byName.put(normalise(country.name()), country);
      byName.put(normalise(country.iso3()), country);
    }
    alpha2ToIso3.forEach((alpha2, iso3) -> byName.putIfAbsent(normalise(alpha2), byIso3.get(iso3)));
    for (String[] row : extra) {
      if (row.length > 4 && !row[4].isBlank()) {
        for (String alias : row[4].split(";")) {
          byName.put(normalise(alias), byIso3.get(row[0]));
        }
      }
    }
    return new Countries(byIso3, byName);
  }

  private static List<String[]> readExtra() {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        Countries.class.getResourceAsStream("countries.csv"), StandardCharsets.UTF_8))) {
      String line;
      boolean header = true;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        rows.add(line.split(",", -1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static LocalDate date(String text) {
    return text == null || text.isBlank() ? null : LocalDate.parse(text);
  }

  private static int distance(String a, String b) {
    return org.quartermaster.engine.scenario.Suggestions.distance(a, b);
  }
}
