package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/** The bundled dataset reproduces the published facts it was built from. */
class BundledDatasetTest {
  private static Store store;

  @BeforeAll
  static void seed() {
    store = Store.inMemory();
    BundledDataset.seedIfEmpty(store, Countries.standard());
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void seed_newStore_loadsEveryBundledFileAsADatasetWithItsRows() {
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM datasets WHERE bundled")).isEqualTo(4);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM defence_spending")).isEqualTo(514);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM aid")).isEqualTo(225);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM production")).isEqualTo(74); // 58 rows of kind transferred are transfers
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM contracts")).isEqualTo(24);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM countries")).isGreaterThan(240);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM defence_spending WHERE source_url IS NULL")).isZero();
  }

  /** Issue 9: every bundled row is cited: publisher, primary title and grade, and no state media or forum. */
  @Test
  void seed_newStore_everyRowHasPublisherTitleAndGradeAndNoneIsStateMediaOrForum() {
    for (String table : java.util.List.of("defence_spending", "aid", "production", "contracts")) {
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM " + table
          + " WHERE publisher IS NULL OR source_title IS NULL OR source_grade IS NULL")).as(table).isZero();
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM " + table
          + " WHERE source_grade IN ('state-media', 'forum')")).as(table).isZero();
    }
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM defence_spending WHERE source_url LIKE '%swedenherald%'"))
        .isZero();
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM production WHERE source_url LIKE '%rt.com%'")).isZero();
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM aid WHERE basis IS NULL")).isZero();
    assertThat(StoreCounts.count(store, "SELECT count(DISTINCT contract_id) FROM contracts")).isEqualTo(23);
  }

  @Test
  void seed_twice_isANoOp() {
    var before = StoreCounts.of(store);
    BundledDataset.seedIfEmpty(store, Countries.standard());
    assertThat(StoreCounts.of(store)).isEqualTo(before);
  }

  @Test
  void nato2024_juneRelease_23Of31AlliesWithAFigureMeetTwoPercent() {
    List<String> meeting = strings("""
        SELECT iso3 FROM defence_spending
        WHERE source = 'nato' AND year = 2024 AND vintage_month = '2024-06' AND pct_gdp >= 2 ORDER BY iso3""");
    long withFigure = StoreCounts.count(store, """
        SELECT count(*) FROM defence_spending
        WHERE source = 'nato' AND year = 2024 AND vintage_month = '2024-06' AND pct_gdp IS NOT NULL""");

    assertThat(withFigure).isEqualTo(31);
    assertThat(meeting).hasSize(23).contains("POL", "USA", "GRC", "EST", "FIN", "SWE", "DEU").doesNotContain("ISL",
        "CAN", "ESP", "BEL", "ITA", "PRT", "SVN", "LUX", "HRV");
    assertThat(strings("""
        SELECT iso3 FROM defence_spending
        WHERE source = 'nato' AND year = 2024 AND vintage_month = '2024-06' AND pct_gdp IS NULL""")).containsExactly("ISL");
  }

  @Test
  void poland2023_differsByVintage() {
    assertThat(strings("""
        SELECT vintage_month || '=' || printf('%.2f', pct_gdp) FROM defence_spending
        WHERE iso3 = 'POL' AND year = 2023 AND source = 'nato' ORDER BY vintage_month"""))
        .containsExactly("2023-07=3.90", "2024-03=3.92", "2024-06=3.26");
  }

  @Test
  void nspaStingerOrder_940MissilesOn20240709() {
    assertThat(strings("""
        SELECT CAST(quantity AS INTEGER) || ' ' || date || ' ' || currency FROM contracts
        WHERE agency LIKE 'NSPA%' AND item LIKE '%Stinger%' ORDER BY currency"""))
        .containsExactly("940 2024-07-09 EUR", "940 2024-07-09 USD");
  }

  private static List<String> strings(String sql) {
    return store.read(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    });
  }
}
