package org.quartermaster.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Country lookups, including bounded ones for texts no country is named by (issue 10). */
class CountriesTest {
  private final Countries countries = Countries.standard();

  @Test
  void find_nameCodeOrAlias_isTheCountry() {
    assertThat(countries.find("Poland")).map(Country::iso3).hasValue("POL");
    assertThat(countries.find("pl")).map(Country::iso3).hasValue("POL");
    assertThat(countries.find("Türkiye")).map(Country::iso3).hasValue("TUR");
  }

  @Test
  void find_textLongerThanAnyName_isNoCountry() {
    assertThat(countries.find("Poland" + "-".repeat(Countries.MAX_NAME_CHARS))).isEmpty();
    assertThat(countries.find("Poland".repeat(1200))).isEmpty();
  }

  @Test
  void closest_typo_isTheCountry_aLongTextStillGetsAName() {
    assertThat(countries.closest("Polnd")).isEqualTo("Poland");
    assertThat(countries.closest("Polnd" + " ".repeat(7000))).isEqualTo("Poland");
    assertThat(countries.closest("x".repeat(7000))).isNotBlank();
  }
}
