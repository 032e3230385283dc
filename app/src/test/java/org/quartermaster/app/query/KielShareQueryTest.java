package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.BundledDataset;
import org.quartermaster.app.importer.ImportFixtures;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ImportService;
import org.quartermaster.app.importer.Importers;
import org.quartermaster.app.importer.Overlap;
import org.quartermaster.app.query.AidNormalise.Per;
import org.quartermaster.app.query.AidQuery.By;
import org.quartermaster.app.store.Store;

/**
 * Aid as % of donor GDP when Kiel's own share is imported for some donors: Germany's row of Kiel's relative
 * summary is imported into the seeded store; Germany's share is Kiel's, read back exactly, and every other
 * donor's is computed from the World Bank's GDP, each row saying which.
 */
class KielShareQueryTest {
  @TempDir Path dir;
  private Store store;

  @BeforeEach
  void open() throws IOException {
    store = Store.open(dir.resolve("store.duckdb"));
    BundledDataset.seedIfEmpty(store, Countries.standard());
    List<String> lines = Files.readAllLines(
        ImportFixtures.resource("third_party/kiel_release28/country_summary_relative.csv"));
    Path germanyOnly = Files.write(dir.resolve("country_summary_relative.csv"),
        List.of(lines.getFirst(), lines.stream().filter(l -> l.startsWith("Germany,")).findFirst().orElseThrow()));
    new ImportService(store, Countries.standard(), Importers.standard())
        .run(new ImportRequest(germanyOnly, null, null, null, null, false, false), Overlap.ALLOW);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private QueryResult run(By by, String donor, AidNormalise normalise) {
    return AidQuery.run(store, new AidQuery.Options(by, donor, "total", "allocation", null, null, normalise));
  }

  private static Object cell(QueryResult result, String first, String value, String column) {
    int row = result.column(first).indexOf(value);
    assertThat(row).as(value).isNotNegative();
    return result.column(column).get(row);
  }

  @Test
  void perGdpRecords_germany_isKielsShareReadBackExactly() {
    QueryResult result = run(null, "Germany", new AidNormalise(Per.GDP, null, null, null, null));

    assertThat(result.rows()).hasSize(1);
    assertThat(result.column("value")).containsExactly(0.7022838634075417);
    assertThat(result.column("share_basis")).containsExactly("kiel");
    assertThat(result.column("value_unit")).containsExactly("% of donor GDP 2021");
    assertThat(result.column("gdp_share_pct")).containsExactly(0.7022838634075417);
    assertThat(result.sources()).extracting(Source::title).anyMatch(t -> t.contains("Country Summary"));
    assertThat(result.sources()).extracting(Source::publisher).doesNotContain("World Bank");
    assertThat(result.notes()).anyMatch(n -> n.startsWith("share_basis kiel: Kiel's own share"));
  }

  /**
   * Poland, absent from the imported file, falls back to the computed share: EUR 5.86 bn ÷ (USD
   * 681,346,077,608.61 GDP 2021 × 0.8453 EUR per USD = EUR 575,941,839,402.35) = 1.017464 %.
   */
  @Test
  void perGdpByDonor_labelsEachRowsBasisAndNotesTheMix() {
    QueryResult result = run(By.DONOR, null, new AidNormalise(Per.GDP, null, null, null, null));

    assertThat((Double) cell(result, "donor", "Germany", "value")).isEqualTo(0.702284); // sums keep 6 decimals
    assertThat(cell(result, "donor", "Germany", "share_basis")).isEqualTo("kiel");
    assertThat((Double) cell(result, "donor", "Poland", "value")).isCloseTo(1.017464, within(1e-6));
    assertThat(cell(result, "donor", "Poland", "share_basis")).isEqualTo("computed");
    assertThat(result.column("share_basis")).containsOnly("kiel", "computed");
    assertThat(result.notes()).anyMatch(n -> n.startsWith("Mixed bases: 1 donor with Kiel's own share, 14 computed"));
  }

  /** Another reference year than Kiel's GDP year: computed for every donor, and the note says why. */
  @Test
  void perGdpOtherReferenceYear_germany_isComputedWithTheReason() {
    QueryResult result = run(null, "Germany", new AidNormalise(Per.GDP, null, null, 2022, null));

    assertThat(result.column("share_basis")).containsExactly("computed");
    assertThat(result.notes()).anyMatch(n -> n.contains("Germany (Kiel's share is of GDP 2021)"));
  }

  /** Per person and plain listings are untouched by the share: no basis column value. */
  @Test
  void perCapita_germany_hasNoShareBasis() {
    QueryResult result = run(null, "Germany", new AidNormalise(Per.CAPITA, null, null, null, null));

    assertThat(result.column("share_basis")).containsOnlyNulls();
    assertThat(result.column("value_unit")).containsExactly("EUR per person");
  }
}
