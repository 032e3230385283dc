package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.store.Store;

/** The listing queries: contracts, production, deliveries and datasets. */
class ListQueriesTest {
  private static Store store;

  @BeforeAll
  static void load() {
    store = BundledSample.store();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void contracts_stinger_showsTheNspaOrderOf940MissilesOn20240709() {
    QueryResult result = ContractsQuery.run(store, new ContractsQuery.Options("STINGER"));

    List<List<Object>> nspa = result.rows().stream()
        .filter(row -> "NSPA (via US FMS)".equals(row.get(result.columnIndex("agency")))).toList();
    assertThat(nspa).hasSize(2).allSatisfy(row -> {
      assertThat(row.get(result.columnIndex("date"))).isEqualTo("2024-07-09");
      assertThat(row.get(result.columnIndex("quantity"))).isEqualTo(940.0);
      assertThat(row.get(result.columnIndex("quantity_qualifier"))).isEqualTo("exact");
    });
    assertThat(nspa).extracting(row -> row.get(result.columnIndex("currency"))).containsExactly("USD", "EUR");
    assertThat(result.column("item")).allSatisfy(item -> assertThat(item.toString().toLowerCase()).contains("stinger"));
  }

  @Test
  void contracts_noItem_listsEveryContract() {
    assertThat(ContractsQuery.run(store, new ContractsQuery.Options(null)).rows())
        .hasSize(BundledSample.CONTRACTS_ROWS);
  }

  @Test
  void items_countTheRowsNamingEachItemPerTable() {
    QueryResult result = ItemsQuery.run(store);

    long rows = result.rows().stream().mapToLong(row -> ((Number) row.get(result.columnIndex("rows"))).longValue()).sum();
    assertThat(rows).isEqualTo(BundledSample.CONTRACTS_ROWS + ProductionQuery.run(store,
        new ProductionQuery.Options(null)).rows().size() + BundledSample.TRANSFER_ROWS);
    assertThat(result.column("appears_in")).containsOnly("production", "contracts", "transfers");
    assertThat(result.rows()).anySatisfy(row -> {
      assertThat(row.get(result.columnIndex("item"))).isEqualTo("FIM-92K Stinger Block I");
      assertThat(row.get(result.columnIndex("appears_in"))).isEqualTo("contracts");
      assertThat(((Number) row.get(result.columnIndex("rows"))).longValue()).isEqualTo(2);
    });
  }

  @Test
  void production_itemInAnyCase_matchesPartOfTheName() {
    QueryResult result = ProductionQuery.run(store, new ProductionQuery.Options("155MM"));

    assertThat(result.rows()).isNotEmpty();
    assertThat(result.column("item")).allSatisfy(item -> assertThat(item.toString()).containsIgnoringCase("155mm"));
    assertThat(result.columns()).extracting(Column::name).containsSequence("value", "value_low", "value_high",
        "unit", "period", "kind");
  }

  @Test
  void production_range_keepsTheTextAndBothEnds() {
    QueryResult result = ProductionQuery.run(store, new ProductionQuery.Options(null));

    List<Object> range = result.rows().stream()
        .filter(row -> "12000-20000".equals(row.get(result.columnIndex("value")))).findFirst().orElseThrow();
    assertThat(range.get(result.columnIndex("value_low"))).isEqualTo(12000.0);
    assertThat(range.get(result.columnIndex("value_high"))).isEqualTo(20000.0);
  }

  @Test
  void deliveries_recordInTwoVintages_isOneRowFromTheLatest() {
    QueryResult result = DeliveriesQuery.run(store, new DeliveriesQuery.Options(null, null));

    assertThat(result.column("record_id")).containsExactly("R4", "R2", "R3", "R1");
    List<Object> stinger = result.rows().getLast();
    assertThat(stinger.get(result.columnIndex("number_delivered"))).isEqualTo(2000);
    assertThat(stinger.get(result.columnIndex("vintage_month"))).isEqualTo("2025-03");
  }

  @Test
  void deliveries_supplierAndRecipient_matchNamesAndIsoCodes() {
    assertThat(DeliveriesQuery.run(store, new DeliveriesQuery.Options("united states", "UKR")).column("record_id"))
        .containsExactly("R1");
    assertThat(DeliveriesQuery.run(store, new DeliveriesQuery.Options("USA", "Poland")).column("record_id"))
        .containsExactly("R3");
    assertThat(DeliveriesQuery.run(store, new DeliveriesQuery.Options(null, "Ukraine")).rows()).hasSize(3);
  }

  @Test
  void datasets_listsTheProvenanceOfEveryImport() {
    QueryResult result = DatasetsQuery.run(store);

    assertThat(result.columns()).extracting(Column::name).containsExactly("dataset_id", "file", "sha256", "format",
        "mapping", "table", "imported_at", "rows", "source_url", "sourcing", "vintage", "bundled");
    assertThat(result.rows()).hasSize(BundledSample.DATASETS);
    assertThat(result.rows().getFirst()).containsSubsequence(1, "bundled/nato_defence_pct_gdp.csv");
    assertThat(result.rows().getFirst().get(result.columnIndex("rows"))).isEqualTo((long) BundledSample.SPENDING_ROWS);
    assertThat((String) result.rows().getFirst().get(result.columnIndex("imported_at"))).matches("\\d{4}-\\d{2}-\\d{2}T.*");
    assertThat(result.column("bundled")).containsExactly(true, true, true, true, false, false);
  }
}
