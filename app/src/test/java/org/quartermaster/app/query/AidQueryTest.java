package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.quartermaster.app.store.Store;

/** {@link AidQuery}: records, and sums that never add one currency or unit to another. */
class AidQueryTest {
  private static Store store;

  @BeforeAll
  static void load() {
    store = BundledSample.store();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  /** The sum of the amounts of each (group, currency, unit), computed here from the records. */
  private static Map<List<Object>, Double> expectedSums(AidQuery.By by) {
    QueryResult records = AidQuery.run(store, new AidQuery.Options(null, null, null, null));
    Map<List<Object>, Double> sums = new HashMap<>();
    for (List<Object> row : records.rows()) {
      List<Object> key = List.of(row.get(records.columnIndex(by.cliName())), row.get(records.columnIndex("currency")),
          row.get(records.columnIndex("unit")));
      sums.merge(key, (Double) row.get(records.columnIndex("amount")), Double::sum);
    }
    return sums;
  }

  @ParameterizedTest
  @EnumSource(AidQuery.By.class)
  void run_by_sumsEachCurrencyAndUnitApartAndNeverMixesThem(AidQuery.By by) {
    QueryResult result = AidQuery.run(store, new AidQuery.Options(by, null, null, null));

    assertThat(result.columns()).extracting(Column::name)
        .containsExactly(by.cliName(), "currency", "unit", "amount", "records");
    Map<List<Object>, Double> expected = expectedSums(by);
    assertThat(result.rows()).hasSize(expected.size());
    Set<List<Object>> keys = new HashSet<>();
    long records = 0;
    for (List<Object> row : result.rows()) {
      List<Object> key = row.subList(0, 3);
      assertThat(keys.add(key)).as("one line per %s", key).isTrue();
      assertThat((Double) row.get(3)).as("sum of %s", key).isCloseTo(expected.get(key),
          org.assertj.core.data.Offset.offset(1e-6));
      records += ((Number) row.get(4)).longValue();
    }
    assertThat(records).isEqualTo(BundledSample.AID_ROWS);
    assertThat(result.notes().getFirst()).startsWith("Sums are per currency and unit: EUR is never added to USD,"
        + " nor billion to million");
  }

  @Test
  void run_byDonorForGermanyMilitaryAllocation_givesOneSumPerCurrency() {
    QueryResult result = AidQuery.run(store, new AidQuery.Options(AidQuery.By.DONOR, "Germany", "military",
        "allocation"));

    assertThat(result.rows()).containsExactly(
        List.of("Germany", "EUR", "billion", 27.41, 3L),
        List.of("Germany", "USD", "billion", 28.383, 1L));
    assertThat(result.notes()).contains(
        "In more than one currency or unit (one line each, not added): Germany.");
    assertThat(result.notes()).anySatisfy(note -> assertThat(note).contains("4 vintages"));
    assertThat(result.sources()).hasSize(4);
  }

  @Test
  void run_allDonors_keepsBillionPerYearApartFromBillion() {
    QueryResult result = AidQuery.run(store, new AidQuery.Options(AidQuery.By.DONOR, "All donors", null, null));

    assertThat(result.rows()).extracting(row -> row.get(2)).containsExactly("billion", "billion per year");
  }

  @Test
  void run_withoutBy_listsEveryRecordOnce() {
    QueryResult result = AidQuery.run(store, new AidQuery.Options(null, null, null, null));

    assertThat(result.rows()).hasSize(BundledSample.AID_ROWS);
    assertThat(result.columns()).extracting(Column::name).containsSequence("amount", "currency", "unit");
  }

  @Test
  void run_donorByIsoCode_matchesTheDonorsCountry() {
    QueryResult result = AidQuery.run(store, new AidQuery.Options(null, "DEU", null, null));

    assertThat(result.column("donor")).isNotEmpty().containsOnly("Germany");
  }
}
