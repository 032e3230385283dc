package org.quartermaster.app.importer.tabular;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;

/**
 * Country names and codes of one import, each distinct text looked up once (a file names a few dozen
 * countries in a million rows). Not thread-safe.
 */
final class CountryResolver {
  private final Countries countries;
  private final Set<String> institutions = new HashSet<>();
  private final Map<String, Resolution> byText = new HashMap<>();

  CountryResolver(Countries countries, List<String> institutions) {
    this.countries = countries;
    for (String name : institutions) {
      this.institutions.add(key(name));
    }
  }

  /**
   * What a name stands for: a country (value with a code), an institution the mapping lists (value
   * without a code), or neither (no value, and the closest known country name).
   */
  record Resolution(RowValues.CountryValue value, boolean institution, String closest) {}

  Resolution byName(String text) {
    Resolution known = byText.get(text);
    if (known == null) {
      known = resolve(text);
      byText.put(text, known);
    }
    return known;
  }

  Country byIso3(String code) {
    return code.length() == 3 ? countries.byIso3(code).orElse(null) : null;
  }

  private Resolution resolve(String text) {
    if (institutions.contains(key(text))) {
      return new Resolution(new RowValues.CountryValue(text, null), true, null);
    }
    Country country = countries.find(text).orElse(null);
    return country != null ? new Resolution(new RowValues.CountryValue(text, country.iso3()), false, null)
        : new Resolution(null, false, countries.closest(text));
  }

  private static String key(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
