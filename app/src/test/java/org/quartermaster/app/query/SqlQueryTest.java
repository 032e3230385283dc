package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartermaster.app.store.Store;

/** {@link SqlQuery}: queries run; anything that could change the store is refused, and the store is unchanged. */
class SqlQueryTest {
  private static Store store;

  @TempDir static Path dir;

  @BeforeAll
  static void load() {
    store = BundledSample.store();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  /** Every table with its row count, every sequence with its next value unseen: what must not change. */
  private static List<String> fingerprint() {
    return store.read(connection -> {
      List<String> lines = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet tables = statement.executeQuery(
              "SELECT database_name, table_name, estimated_size, column_count FROM duckdb_tables() ORDER BY ALL")) {
        while (tables.next()) {
          lines.add(tables.getString(1) + "." + tables.getString(2) + " " + tables.getLong(3) + " "
              + tables.getLong(4));
        }
      }
      for (String table : List.of("defence_spending", "aid", "deliveries", "production", "contracts", "datasets",
          "countries", "provenance")) {
        try (Statement statement = connection.createStatement();
            ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
          count.next();
          lines.add(table + " " + count.getLong(1));
        }
      }
      try (Statement statement = connection.createStatement();
          ResultSet databases = statement.executeQuery("SELECT database_name FROM duckdb_databases() ORDER BY 1")) {
        while (databases.next()) {
          lines.add("database " + databases.getString(1));
        }
      }
      try (Statement statement = connection.createStatement();
          ResultSet sequences = statement.executeQuery("SELECT sequence_name, last_value FROM duckdb_sequences()")) {
        while (sequences.next()) {
          lines.add("sequence " + sequences.getString(1) + " " + sequences.getObject(2));
        }
      }
      return lines;
    });
  }

  @Test
  void run_select_returnsItsRowsWithColumnNames() {
    QueryResult result = SqlQuery.run(store,
        "SELECT iso3, pct_gdp FROM defence_spending WHERE year = 2023 AND iso3 = 'POL' ORDER BY pct_gdp");

    assertThat(result.columns()).extracting(Column::name).containsExactly("iso3", "pct_gdp");
    assertThat(result.column("pct_gdp")).containsExactly(3.26, 3.90, 3.92);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "WITH q AS (SELECT count(*) AS n FROM aid) SELECT n FROM q",
      "SUMMARIZE contracts",
      "DESCRIBE defence_spending",
      "  -- a comment\n /* and another */ (SELECT 1 AS one)",
      "FROM datasets SELECT file_name",
      "SELECT 1;"
  })
  void run_readOnlyStatement_isAllowed(String sql) {
    QueryResult result = SqlQuery.run(store, sql);

    assertThat(result.rows()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "DELETE FROM aid",
      "DROP TABLE aid",
      "INSERT INTO datasets SELECT * FROM datasets",
      "UPDATE defence_spending SET pct_gdp = 9",
      "DELETE FROM aid_rows",
      "UPDATE defence_spending_rows SET pct_gdp = 9",
      "UPDATE provenance SET source_url = 'https://example.org/forged'",
      "CREATE TABLE x AS SELECT 1",
      "ATTACH ':memory:' AS other",
      "COPY aid TO 'COPY_TARGET'",
      "EXPORT DATABASE 'EXPORT_TARGET'",
      "INSTALL httpfs",
      "LOAD parquet",
      "PRAGMA enable_profiling",
      "SET threads = 1",
      "CALL checkpoint()",
      "SELECT 1; DELETE FROM aid",
      "SELECT 1; SELECT 2",
      "SELECT 1; ATTACH ':memory:' AS other",
      "/* looks harmless */ DELETE FROM aid",
      "WITH doomed AS (SELECT 1) DELETE FROM aid",
      "SELECT nextval('dataset_ids')",
      "SELECT * FROM checkpoint()",
      ""
  })
  void run_statementThatCouldWrite_isRefusedAndTheStoreIsUnchanged(String template) throws Exception {
    String sql = template.replace("COPY_TARGET", dir.resolve("copy.csv").toString())
        .replace("EXPORT_TARGET", dir.resolve("export").toString());
    List<String> before = fingerprint();

    assertThatThrownBy(() -> SqlQuery.run(store, sql)).isInstanceOf(QueryException.class);

    assertThat(fingerprint()).isEqualTo(before);
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void run_delete_saysWhichStatementsAreAllowed() {
    assertThatThrownBy(() -> SqlQuery.run(store, "DELETE FROM aid"))
        .hasMessage("DELETE statements are not allowed: qm query sql runs one read-only statement starting with"
            + " SELECT, WITH, FROM, VALUES, SUMMARIZE, DESCRIBE or SHOW.");
  }

  @Test
  void run_twoStatements_saysOneAtATime() {
    assertThatThrownBy(() -> SqlQuery.run(store, "SELECT 1; SELECT 2"))
        .hasMessage("one statement at a time: the text holds 2 statements.");
    assertThatThrownBy(() -> SqlQuery.run(store, "SELECT 1; DROP TABLE aid"))
        .hasMessageStartingWith("not a single read-only query");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "WITH doomed AS (SELECT 1) DELETE FROM aid | not a single read-only query",
      "SELECT nextval('dataset_ids')            | nextval() changes the store",
      "SELECT * FROM checkpoint()               | checkpoint() changes the store",
      "     | no SQL statement given"
  })
  void run_hiddenWrite_isRefusedWithItsReason(String sql, String reason) {
    assertThatThrownBy(() -> SqlQuery.run(store, sql == null ? "" : sql)).hasMessageStartingWith(reason);
  }

  @Test
  void run_syntaxOrBindError_givesDuckDbsMessage() {
    assertThatThrownBy(() -> SqlQuery.run(store, "SELECT FROM WHERE"))
        .isInstanceOf(QueryException.class).hasMessageStartingWith("SQL error: ");
    assertThatThrownBy(() -> SqlQuery.run(store, "SELECT * FROM no_such_table"))
        .isInstanceOf(QueryException.class).hasMessageStartingWith("the query failed: ")
        .hasMessageContaining("no_such_table");
  }

  @Test
  void run_afterAFailedQuery_theStoreStillAnswers() {
    assertThatThrownBy(() -> SqlQuery.run(store, "SELECT 1/0::INTEGER + 'x'::INTEGER"));

    assertThat(SqlQuery.run(store, "SELECT count(*) AS n FROM aid").column("n"))
        .containsExactly((long) BundledSample.AID_ROWS);
  }
}
