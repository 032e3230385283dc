package org.quartermaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Version 7: a store written before it, holding transfers as production rows of kind transferred, opens
 * with those rows in {@code transfers} (both sides, basis, status, window, provenance kept) and none left in
 * production; the other production rows stay.
 */
class TransfersMigrationTest {
  @TempDir Path dir;

  @Test
  void open_storeAtVersion6WithTransferredProductionRows_movesThemToTransfers() throws Exception {
    Path file = dir.resolve("v6.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)");
      for (int v = 1; v <= 6; v++) {
        s.execute(resource(List.of("V1__schema.sql", "V2__scenarios.sql", "V3__provenance.sql", "V4__sources.sql",
            "V5__dataset_identity.sql", "V6__amount_units.sql").get(v - 1)));
        s.execute("INSERT INTO schema_version VALUES (" + v + ", now())");
      }
      s.execute("INSERT INTO countries VALUES ('USA', 'United States', NULL, NULL, NULL),"
          + " ('UKR', 'Ukraine', NULL, NULL, NULL), ('EST', 'Estonia', NULL, NULL, NULL)");
      s.execute("INSERT INTO datasets (file_name, sha256, format, table_name, imported_at, row_count, rows_read)"
          + " VALUES ('m.csv', 'x', 'qm-csv', 'production', now(), 4, 4)");
      s.execute("INSERT INTO provenance VALUES (1, 'https://csis', '2022-05-02', NULL, '2022-05', 'CSIS', 'Cancian',"
          + " 'press', NULL), (2, 'https://sipri', '2022', NULL, NULL, 'SIPRI', 'Trade register', 'relay', NULL)");
      s.execute("INSERT INTO production_rows VALUES"
          + " (1, 2, 'FGM-148 Javelin', 'Lockheed Martin', 'USA', '2022-09', 1000, 1000, '1000', 'year', 'missiles',"
          + "  'actual', NULL, 1, NULL),"
          + " (1, 3, 'FGM-148 Javelin', 'US stocks', 'USA->UKR', '2022-05-02', 7000, 7000, '7000', 'cumulative',"
          + "  'missiles', 'transferred', NULL, 1, 'at least 7,000'),"
          + " (1, 4, 'HIMARS', 'US', 'USA->UKR', '2022-10-18', 20, 20, '20', 'cumulative', 'launchers (committed)',"
          + "  'transferred', NULL, 1, NULL),"
          + " (1, 5, 'Stinger', 'Estonia (SIPRI deal 1)', 'Estonia->UKR', '2022', 50, 50, '50', 'year',"
          + "  'portable SAM', 'transferred (SIPRI estimate)', NULL, 2, NULL)");
    }

    try (Store store = Store.open(file)) {
      assertThat(store.schemaVersion()).isEqualTo(11);
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM production")).isEqualTo(1);
      List<List<Object>> transfers = store.read(c -> {
        try (var r = c.createStatement().executeQuery("""
            SELECT file_row, supplier, supplier_iso3, recipient_iso3, item, item_id, quantity_low, date, period_start,
                   period_end, basis, status, source_kind, publisher, source_grade, note
            FROM transfers ORDER BY file_row""")) {
          return ResultRows.of(r);
        }
      });
      assertThat(transfers).containsExactly(
          java.util.Arrays.asList(3, "US stocks", "USA", "UKR", "FGM-148 Javelin", null, 7000.0, "2022-05-02", null, "2022-05-02",
              "cumulative", "delivered", "transferred", "CSIS", "press", "at least 7,000"),
          java.util.Arrays.asList(4, "US", "USA", "UKR", "HIMARS", null, 20.0, "2022-10-18", null, "2022-10-18",
              "cumulative", "pledged", "transferred", "CSIS", "press", null),
          java.util.Arrays.asList(5, "Estonia (SIPRI deal 1)", "EST", "UKR", "Stinger", null, 50.0, "2022", "2022-01",
              "2022-12", "period", "delivered", "transferred (SIPRI estimate)", "SIPRI", "relay", null));
    }
  }

  @Test
  void schemaVersion7_runsTheStatementsTheBundledLoaderRuns() throws IOException {
    try (InputStream in = Store.class.getResourceAsStream("/org/quartermaster/app/munitions/transferred_production.sql")) {
      assertThat(resource("V7__transfers.sql")).contains(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Store.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
