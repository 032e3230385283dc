package org.quartermaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by an earlier version of Quartermaster opens at the latest schema with its data as
 * they were: version 3 moves the rows' provenance into {@code provenance} behind views of the old names;
 * version 4 adds the citation (title, grade, copy read), aid's basis and the contract id, null for the rows
 * already there ("not graded").
 */
class StoreMigrationTest {
  private static final List<String> TABLES = List.of("defence_spending", "aid", "deliveries", "production", "contracts",
      "items", "datasets", "countries", "scenarios");
  /** The columns of {@code datasets} at version 1 (version 5 adds some). */
  private static final String DATASETS_V1 = "(SELECT dataset_id, file_name, sha256, format, table_name, imported_at,"
      + " row_count, rows_read, source_url, vintage, bundled FROM datasets)";

  /** The columns later versions added to each table, null in migrated rows. */
  private static final java.util.Map<String, List<String>> ADDED = java.util.Map.of(
      "defence_spending", List.of("source_title", "source_grade", "via_url", "unit", "price_base"),
      "aid", List.of("source_title", "source_grade", "via_url", "basis", "gdp_share_pct",
          "gdp_share_year"),
      "deliveries", List.of("source_title", "source_grade", "via_url"),
      "production", List.of("source_title", "source_grade", "via_url"),
      "contracts", List.of("source_title", "source_grade", "via_url", "contract_id", "delivery_start", "delivery_end"));

  @TempDir Path dir;

  @Test
  void open_storeAtVersion2_migratesToTheLatestVersion_andEveryTableReadsAsBefore() throws Exception {
    Path file = dir.resolve("v2.duckdb");
    List<List<List<Object>>> before = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)");
      s.execute(resource("V1__schema.sql"));
      s.execute(resource("V2__scenarios.sql"));
      s.execute("INSERT INTO schema_version VALUES (1, now()), (2, now())");
      s.execute("INSERT INTO datasets (file_name, sha256, format, table_name, imported_at, row_count, rows_read)"
          + " VALUES ('a.csv', 'x', 'csv', 'defence_spending', now(), 3, 3)");
      s.execute("INSERT INTO defence_spending VALUES"
          + " (1, 2, 'nato', 'POL', 'Poland', 2023, 3.9, NULL, NULL, 'true', 'https://n/a', '2024-06', 'June 2024',"
          + "  '2024-06', 'NATO', NULL),"
          + " (1, 3, 'nato', 'DEU', 'Germany', 2023, 1.6, NULL, NULL, 'false', 'https://n/a', '2024-06', 'June 2024',"
          + "  '2024-06', 'NATO', 'a note'),"
          + " (1, 4, 'sipri', 'FRA', 'France', 2023, 2.1, 60.1, 'USD', 'unknown', NULL, NULL, NULL, NULL, NULL, NULL)");
      s.execute("INSERT INTO aid VALUES (1, 2, 'Germany', 'DEU', 'Ukraine', '2023-05', 'military', 'commitment', 2.7,"
          + " 'EUR', 'billion', NULL, NULL, '2024-02', 'https://n/a', '2024-06', 'June 2024', '2024-06', 'NATO', NULL)");
      s.execute("INSERT INTO deliveries VALUES (1, 2, 'R1', 'France', 'FRA', 'Ukraine', 'UKR', 'CAESAR', NULL, NULL,"
          + " 2022, false, 49, true, '2022', false, 'delivered', 4, 196, NULL, NULL, NULL, NULL, NULL, NULL)");
      s.execute("INSERT INTO production VALUES (1, 2, 'Stinger', 'RTX', 'USA', '2024', 60, 60, '60', 'month',"
          + " 'missiles', 'rate', NULL, 'https://p', '2024', NULL, NULL, NULL, NULL)");
      s.execute("INSERT INTO contracts VALUES (1, 2, 'NSPA', 'NSPA', 'Stinger', 940, 'exact', '940', 7e8, 'USD',"
          + " '2024-07-09', 'RTX', 'https://c', '2024-07-09', NULL, NULL, 'NSPA', NULL)");
      for (String table : TABLES) {
        before.add(rows(s, table));
      }
    }

    try (Store store = Store.open(file)) {
      assertThat(store.schemaVersion()).isEqualTo(Store.latestSchemaVersion());
      for (int i = 0; i < TABLES.size(); i++) {
        String table = TABLES.get(i);
        List<String> added = ADDED.getOrDefault(table, List.of());
        String relation = table.equals("datasets") ? DATASETS_V1 : added.isEmpty() ? table
            : "(SELECT * EXCLUDE (" + String.join(", ", added) + ") FROM " + table + ")";
        List<List<Object>> after = store.read(c -> rows(c.createStatement(), relation));
        assertThat(after).as(table).isEqualTo(before.get(i));
        for (String column : added) {
          assertThat(StoreCounts.count(store, "SELECT count(*) FROM " + table + " WHERE " + column + " IS NOT NULL"))
              .as(table + "." + column).isZero();
        }
      }
      // seven rows, four distinct combinations of provenance texts (one of them all null), each stored once
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM provenance")).isEqualTo(4);
      assertThat(StoreCounts.count(store, "SELECT count(DISTINCT provenance_id) FROM defence_spending_rows"))
          .isEqualTo(2);
      // version 5: its rows name source URLs, so the dataset is sourced; no mapping recorded
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM datasets WHERE NOT unsourced AND mapping IS NULL"))
          .isEqualTo(1);
    }
  }

  @Test
  void open_storeAtVersion3_marksDatasetsWithoutAnySourceUrlUnsourced() throws Exception {
    Path file = dir.resolve("v3.duckdb");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)");
      s.execute(resource("V1__schema.sql"));
      s.execute(resource("V2__scenarios.sql"));
      s.execute("INSERT INTO datasets (file_name, sha256, format, table_name, imported_at, row_count, rows_read)"
          + " VALUES ('sourced.csv', 'x', 'csv', 'contracts', now(), 1, 1), ('bare.csv', 'y', 'csv', 'contracts',"
          + " now(), 1, 1)");
      s.execute("INSERT INTO contracts VALUES (1, 2, 'NSPA', 'NSPA', 'Stinger', 940, 'exact', '940', 7e8, 'USD',"
          + " '2024-07-09', 'RTX', 'https://c', '2024-07-09', NULL, NULL, 'NSPA', NULL),"
          + " (2, 2, 'NSPA', 'NSPA', 'Stinger', 940, 'exact', '940', 7e8, 'USD',"
          + " '2024-07-09', 'RTX', NULL, '2024-07-09', NULL, NULL, 'NSPA', NULL)");
      s.execute(resource("V3__provenance.sql"));
      s.execute("INSERT INTO schema_version VALUES (1, now()), (2, now()), (3, now())");
    }

    try (Store store = Store.open(file)) {
      assertThat(store.schemaVersion()).isEqualTo(Store.latestSchemaVersion());
      List<List<Object>> datasets = store.read(c -> rows(c.createStatement(), "(SELECT file_name, unsourced FROM datasets)"));
      assertThat(datasets)
          .containsExactly(List.of("file_name VARCHAR", "unsourced BOOLEAN"), List.of("bare.csv", true),
              List.of("sourced.csv", false));
    }
  }

  private static List<List<Object>> rows(Statement s, String table) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (ResultSet r = s.executeQuery("SELECT * FROM " + table + " ORDER BY ALL")) {
      int n = r.getMetaData().getColumnCount();
      List<Object> names = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        names.add(r.getMetaData().getColumnName(i) + " " + r.getMetaData().getColumnTypeName(i));
      }
      rows.add(names);
      rows.addAll(ResultRows.of(r));
    }
    return rows;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Store.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
