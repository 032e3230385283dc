package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.munitions.Catalogue;
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
    QueryResult result = ContractsQuery.run(store, Catalogue.bundled(), new ContractsQuery.Options("STINGER"));

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
    assertThat(ContractsQuery.run(store, Catalogue.bundled(), new ContractsQuery.Options(null)).rows())
        .hasSize(BundledSample.CONTRACTS_ROWS);
  }

  @Test
  void items_countTheRowsNamingEachItemPerTable() {
    QueryResult result = ItemsQuery.run(store);

    long rows = result.rows().stream().mapToLong(row -> ((Number) row.get(result.columnIndex("rows"))).longValue()).sum();
    assertThat(rows).isEqualTo(BundledSample.CONTRACTS_ROWS + ProductionQuery.run(store, Catalogue.bundled(),
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
    QueryResult result = ProductionQuery.run(store, Catalogue.bundled(), new ProductionQuery.Options("155MM"));

    assertThat(result.rows()).isNotEmpty();
    assertThat(result.column("item")).allSatisfy(item -> assertThat(item.toString()).containsIgnoringCase("155mm"));
    assertThat(result.columns()).extracting(Column::name).containsSequence("value", "value_low", "value_high",
        "unit", "period", "kind");
  }

  @Test
  void production_catalogueId_picksEveryStoredNameOfThatMunitionExactly() {
    QueryResult result = ProductionQuery.run(store, Catalogue.bundled(), new ProductionQuery.Options("shell-155"));

    assertThat(result.column("item")).isNotEmpty().contains("155mm artillery shell", "155mm shells")
        .doesNotContain("155mm propellant charge sets", "155mm projectile (metal parts)", "artillery shells");
    assertThat(result.title()).isEqualTo("Production rates, capacities and targets of shell-155");
    assertThat(result.notes()).anySatisfy(note -> assertThat(note).startsWith("matched: 'shell-155' is the munition"
        + " shell-155 (155 mm artillery round (complete)) of the catalogue: the rows whose item is one of its names,"
        + " exactly: 155mm artillery shell; "));
  }

  @Test
  void production_pac3_isNotPac3Mse() {
    QueryResult pac3 = ProductionQuery.run(store, Catalogue.bundled(), new ProductionQuery.Options("pac-3"));
    QueryResult mse = ProductionQuery.run(store, Catalogue.bundled(), new ProductionQuery.Options("pac-3-mse"));
    QueryResult pac3Sent = TransfersQuery.run(store, Catalogue.bundled(), new TransfersQuery.Options("pac-3", null));

    // the store's only PAC-3 (CRI) rows are transfers; PAC-3 MSE rows are another munition's
    assertThat(pac3.rows()).isEmpty();
    assertThat(pac3.notes()).anySatisfy(note -> assertThat(note).startsWith("matched: 'pac-3' is the munition pac-3")
        .contains("exactly: none is stored"));
    assertThat(mse.column("item")).hasSize(6).containsOnly("PAC-3 MSE interceptor");
    assertThat(pac3Sent.column("item")).hasSize(4).containsOnly("MIM-104 PAC-3");
  }

  @Test
  void contractsAndProduction_alias_picksTheMunitionsOtherNamesToo() {
    QueryResult contracts = ContractsQuery.run(store, Catalogue.bundled(), new ContractsQuery.Options("Stinger"));
    QueryResult production = ProductionQuery.run(store, Catalogue.bundled(), new ProductionQuery.Options("Stinger"));

    assertThat(contracts.column("item")).contains("FIM-92K Stinger Block I")
        .allSatisfy(item -> assertThat(Catalogue.bundled().munitionOf(item.toString()).orElseThrow().id())
            .isEqualTo("stinger"));
    assertThat(contracts.title()).isEqualTo("Procurement contracts for stinger");
    assertThat(production.column("item")).isNotEmpty().containsOnly("FIM-92 Stinger");
  }

  @Test
  void production_nameTheCatalogueDoesNotKnow_fallsBackToPartOfTheName() {
    QueryResult result = ProductionQuery.run(store, Catalogue.bundled(), new ProductionQuery.Options("MORTAR"));

    assertThat(result.column("item")).isNotEmpty().containsOnly("120mm mortar round");
    assertThat(result.title()).isEqualTo("Production rates, capacities and targets of 'MORTAR'");
    assertThat(result.notes()).contains("matched: 'MORTAR' names no munition of the catalogue (qm items lists them):"
        + " the rows whose item contains it, any case.");
  }

  @Test
  void production_range_keepsTheTextAndBothEnds() {
    QueryResult result = ProductionQuery.run(store, Catalogue.bundled(), new ProductionQuery.Options(null));

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
