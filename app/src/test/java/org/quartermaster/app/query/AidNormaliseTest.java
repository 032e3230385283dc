package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.query.AidNormalise.Per;
import org.quartermaster.app.query.AidQuery.By;
import org.quartermaster.app.store.Store;

/**
 * Golden cases of normalised aid, worked by hand from the bundled figures: Kiel Release 28 (data to
 * 2026-02-28), World Bank GDP and population, the Federal Reserve's EUR/USD annual averages (as the copy
 * gives them: euros per dollar) and the BLS CPI-U annual averages.
 */
class AidNormaliseTest {
  private static Store store;

  @BeforeAll
  static void load() {
    store = BundledSample.store();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static QueryResult records(String donor, AidNormalise normalise) {
    return AidQuery.run(store, new AidQuery.Options(null, donor, "military", "allocation", null, null, normalise));
  }

  private static Object only(QueryResult result, String column) {
    assertThat(result.rows()).hasSize(1);
    return result.column(column).getFirst();
  }

  @Test
  void perGdp_germanyMilitaryAllocations_isAidOverGdp2021InEuros() {
    QueryResult result = records("Germany", new AidNormalise(Per.GDP, null, null, null, null));

    // EUR 20.01 bn ÷ (USD 4,278,503,934,689.85 GDP 2021 × 0.8453 EUR per USD in 2021 = EUR 3,616,619,375,993.33)
    // = 0.0055328 → 0.553279 %
    assertThat((Double) only(result, "value")).isCloseTo(0.553279, within(1e-6));
    assertThat(only(result, "value_unit")).isEqualTo("% of donor GDP 2021");
    assertThat(only(result, "denominator_unit")).isEqualTo("EUR GDP 2021 (current prices)");
    assertThat(result.sources()).extracting(Source::publisher).contains("Kiel Institute for the World Economy",
        "World Bank", "Board of Governors of the Federal Reserve System");
    assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("NY.GDP.MKTP.CD", "ASSUMPTION", "2021"));
  }

  @Test
  void perCapita_polandMilitaryAllocations_isAidOverPopulation2021() {
    QueryResult result = records("Poland", new AidNormalise(Per.CAPITA, null, null, null, null));

    // EUR 4.45 bn ÷ 36,981,559 people (2021) = EUR 120.330 per person
    assertThat((Double) only(result, "value")).isCloseTo(120.330, within(1e-3));
    assertThat(only(result, "value_unit")).isEqualTo("EUR per person");
  }

  @Test
  void currencyAndConstantPrices_germany_statesTheRateAndPriceFactor() {
    QueryResult result = records("Germany", new AidNormalise(null, "USD", 2021, null, 2024));

    // EUR 20.01 bn ÷ 0.9242 EUR per USD (2024) = USD 21.6511 bn; × CPI-U 270.970 (2021) ÷ 313.689 (2024)
    // = USD 18.7026 bn in 2021 prices
    assertThat((Double) only(result, "value")).isCloseTo(18.702646, within(1e-6));
    assertThat(only(result, "value_unit")).isEqualTo("USD billion, constant 2021 prices");
    assertThat((Double) only(result, "rate")).isCloseTo(1 / 0.9242, within(1e-12));
    assertThat(only(result, "rate_unit")).isEqualTo("USD per EUR");
    assertThat((Double) only(result, "price_factor")).isCloseTo(270.970 / 313.689, within(1e-12));
    assertThat(result.sources()).extracting(Source::publisher).contains("U.S. Bureau of Labor Statistics");
  }

  @Test
  void currency_priceYearWithoutRate_isRefusedNamingTheDonorAndYear() {
    assertThatThrownBy(() -> records("Germany", new AidNormalise(null, "USD", null, null, null)))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("Germany")
        .hasMessageContaining("no EUR/USD annual average rate for 2026")
        .hasMessageContaining("2014–2025");
  }

  @Test
  void constantPricesInEuros_isRefused_noEuroPriceIndexIsBundled() {
    assertThatThrownBy(() -> records("Germany", new AidNormalise(null, "EUR", 2021, null, 2024)))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("no EUR price index is bundled");
  }

  @Test
  void constantPricesWithoutRowForTheYear_isRefusedNamingTheYear() {
    assertThatThrownBy(() -> records("Germany", new AidNormalise(null, "USD", 2021, null, 2025)))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("no US CPI-U annual average for 2025");
  }

  @Test
  void options_otherCurrencyOrPricesOrGrouping_areRefused() {
    assertThatThrownBy(() -> new AidNormalise(null, "GBP", null, null, null)).hasMessageContaining("USD and EUR only");
    assertThatThrownBy(() -> AidNormalise.constantYear("real")).hasMessageContaining("constant-YYYY");
    assertThatThrownBy(() -> new AidNormalise(Per.GDP, null, 2021, null, null)).hasMessageContaining("no price base");
    assertThatThrownBy(() -> new AidQuery.Options(By.DONOR_GROUP, null, "military", "allocation", null, null,
        new AidNormalise(Per.GDP, null, null, null, null))).hasMessageContaining("do not add up");
  }

  @Test
  void perGdp_sumsByDonor_leaveInstitutionsWithoutValueAndSaySo() {
    QueryResult result = AidQuery.run(store, new AidQuery.Options(By.DONOR, null, "military", "allocation", null,
        null, new AidNormalise(Per.GDP, null, null, null, null)));

    assertThat(result.column("donor")).contains("Germany", "Poland").doesNotContain("EU (Commission and Council)");
    assertThat(result.column("value_unit")).containsOnly("% of donor GDP 2021");
    int germany = result.column("donor").indexOf("Germany");
    assertThat((Double) result.column("value").get(germany)).isCloseTo(0.553279, within(1e-6));
    assertThat(result.notes()).anySatisfy(n -> assertThat(n).startsWith("No value for").contains("not a country"));
    assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("gdp DEU 2021 = 4278503934689.8535"));
  }

  @Test
  void none_leavesTheRecordsAsBefore() {
    QueryResult plain = AidQuery.run(store, new AidQuery.Options(null, "Germany", "military", "allocation", null,
        null));

    assertThat(plain.columns()).extracting(Column::name).doesNotContain("value", "rate");
  }
}
