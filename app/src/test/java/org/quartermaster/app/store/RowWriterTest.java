package org.quartermaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.data.AidBasis;
import org.quartermaster.app.data.AidRow;
import org.quartermaster.app.data.ContractRow;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.data.DeliveryRow;
import org.quartermaster.app.data.Estimate;
import org.quartermaster.app.data.MunitionAliasRow;
import org.quartermaster.app.data.MunitionRow;
import org.quartermaster.app.data.ProductionRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.data.SpendingRow;

/**
 * Both ways of writing rows give the same values: through a staged CSV file into the table that stores
 * them (read back through the table's view) and through the appender into a table like the view; and
 * the stored rows share their provenances' ids.
 */
class RowWriterTest {
  private static final Provenance PROVENANCE =
      new Provenance("https://example.org/a,b", "2024-05-31", "June \"2024\"", "2024-06", null, "Table 3, \"x\"",
          SourceGrade.RELAY, "https://copy.example/a");

  @Test
  void appendFew_everyTable_storesWhatAppendStores() {
    List<List<? extends DataRow>> rowsByTable = List.of(
        List.of(new SpendingRow(2, "TUR", "T\u00fcrkiye", 2024, 2.1, -0.0, "USD, million", Estimate.TRUE, "nato",
            PROVENANCE, null), new SpendingRow(3, "DEU", "Germany", 1, null, 1.2345678901234567E300, null,
            Estimate.UNKNOWN, "sipri", Provenance.NONE, "\\N")),
        List.of(new AidRow(2, "EU institutions", null, "Ukraine", "2024-02", "military", "commitment", 1250.5, "EUR",
            "million", "Leopard 2", null, null, PROVENANCE, "", AidBasis.PERIOD)),
        List.of(new DeliveryRow(2, "R1", "France", "FRA", "India", "IND", "Rafale", "FGA aircraft", "aircraft", 2016,
            true, 36, false, "2019; 2020", false, "new", 50.0, 1800.0, null, PROVENANCE)),
        List.of(new ProductionRow(2, "155 mm shells", "Rheinmetall", "DEU", "2024", 12000.0, 20000.0, "12000-20000",
            "year", "rounds", "rate", null, PROVENANCE, null)),
        List.of(new ContractRow(2, "Poland", null, "CAMM", 1000.0, "about", "~1000", 1.9e9, "GBP", "2023-11-07",
            "MBDA UK", PROVENANCE, null, "PL-2023-CAMM", "2025", "2027-06")),
        List.of(new MunitionRow(2, "glide-1", "GBU-39 \"SDB\"", null, "missiles", "bombs", "in production", "2024",
            "https://example.org/s", PROVENANCE, "a, note")),
        List.of(new MunitionAliasRow(2, "SDB, small diameter bomb", "glide-1", Provenance.NONE, null)));
    List<String> tables = List.of("defence_spending", "aid", "deliveries", "production", "contracts", "munitions",
        "munition_aliases");

    try (Store store = Store.inMemory()) {
      for (int t = 0; t < tables.size(); t++) {
        String table = tables.get(t);
        List<? extends DataRow> rows = rowsByTable.get(t);
        // a temporary table is the writer connection's own: read it in the write
        List<List<List<Object>>> storedAndAppended = store.write(c -> {
          try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE appended AS FROM " + table + " LIMIT 0");
          }
          RowWriter.append(c, table + "_rows", 7, rows);
          RowWriter.appendFew(c, "temp", "appended", 7, rows);
          List<List<Object>> appendedRows = values(c.createStatement(), "appended");
          try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE appended");
          }
          return List.of(values(c.createStatement(), "(FROM " + table + " WHERE dataset_id = 7)"), appendedRows);
        });
        List<List<Object>> stored = storedAndAppended.get(0);
        List<List<Object>> appended = storedAndAppended.get(1);

        assertThat(appended).as(table).hasSize(rows.size()).isEqualTo(stored);
      }
      // two provenances in all (one with nulls), each stored once, whichever table the rows went to
      List<List<Object>> used = store.read(c -> values(c.createStatement(), "(SELECT * EXCLUDE (provenance_id) FROM"
          + " provenance WHERE provenance_id IN (SELECT provenance_id FROM aid_rows WHERE dataset_id = 7"
          + " UNION ALL SELECT provenance_id FROM defence_spending_rows WHERE dataset_id = 7))"));
      assertThat(used).containsExactlyInAnyOrder(Arrays.asList(null, null, null, null, null, null, null, null),
          Arrays.asList("https://example.org/a,b", "2024-05-31", "June \"2024\"", "2024-06", null, "Table 3, \"x\"",
              "relay", "https://copy.example/a"));
      List<List<Object>> all = store.read(c -> values(c.createStatement(), "(SELECT DISTINCT * EXCLUDE"
          + " (provenance_id) FROM provenance)"));
      List<List<Object>> ids = store.read(c -> values(c.createStatement(), "provenance"));
      assertThat(ids).as("each combination once").hasSameSizeAs(all);
    }
  }

  @Test
  void append_thatIsRolledBack_leavesNoProvenanceBehind() {
    try (Store store = Store.inMemory()) {
      List<List<Object>> before = store.read(c -> values(c.createStatement(), "provenance"));
      Provenance fresh = new Provenance("https://example.org/never-committed", null, null, null, null);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.write(c -> {
        RowWriter.append(c, "defence_spending_rows", 8, List.of(new SpendingRow(2, "DEU", "Germany", 2024, 2.0, null,
            null, Estimate.FALSE, "nato", fresh, null)));
        throw new IllegalStateException("the import fails after writing its rows");
      })).hasMessageContaining("the import fails");
      List<List<Object>> after = store.read(c -> values(c.createStatement(), "provenance"));
      assertThat(after).isEqualTo(before);
    }
  }

  private static List<List<Object>> values(Statement statement, String table) throws java.sql.SQLException {
    try (statement; ResultSet r = statement.executeQuery("SELECT * FROM " + table + " ORDER BY ALL")) {
      return ResultRows.of(r);
    }
  }
}
