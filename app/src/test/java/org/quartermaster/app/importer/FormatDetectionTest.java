package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/** Detection by header and content, through a real import: what is recognised, and what is refused with why. */
class FormatDetectionTest {
  @TempDir Path dir;
  private Store store;
  private ImportService service;

  @BeforeEach
  void open() {
    store = Store.open(dir.resolve("store.duckdb"));
    BundledDataset.seedIfEmpty(store, Countries.standard());
    service = new ImportService(store, Countries.standard(), Importers.standard());
  }

  @AfterEach
  void close() {
    store.close();
  }

  /**
   * Kiel's per-donor summary with a year column added: the summary's mapping would store each year's
   * figures as totals (with --skip-bad-rows, without a year). It is refused, naming the column.
   */
  @Test
  void run_summaryWithAYearColumn_isRefusedNamingTheColumnAndWritesNothing() throws IOException {
    List<String> lines = Files.readAllLines(ImportFixtures.resource("third_party/kiel_release28/country_summary.csv"));
    List<String> perYear = new ArrayList<>();
    perYear.add(lines.getFirst().replaceFirst("^land,", "land,aar,"));
    for (int year = 2022; year <= 2025; year++) {
      for (String line : lines.subList(1, lines.size())) {
        int comma = line.indexOf(',', line.startsWith("\"") ? line.indexOf('"', 1) : 0);
        perYear.add(line.substring(0, comma) + "," + year + line.substring(comma));
      }
    }
    Path file = Files.write(dir.resolve("per_year.csv"), perYear);
    Map<String, Object> before = StoreCounts.of(store);

    for (boolean skipBadRows : new boolean[] {false, true}) {
      ImportFailedException e = catchThrowableOfType(ImportFailedException.class,
          () -> service.run(new ImportRequest(file, null, null, null, null, skipBadRows, false)));

      assertThat(e.problems()).hasSize(1);
      assertThat(e.problems().getFirst().toString()).isEqualTo(file + " — has every column the shipped mapping "
          + "kiel-r28-country-summary reads, and also aar, which it does not know: a column such as a year or a month "
          + "changes what the figures mean, so the file is not taken for kiel-r28-country-summary; import it with a "
          + "mapping that reads that column, see docs/import-mappings.md");
    }
    assertThat(StoreCounts.of(store)).isEqualTo(before);
  }

  /** Every Kiel Release 28 file docs/data.md calls recognised is: financial_disbursements.csv too. */
  @Test
  void run_kielFilesWithoutFormatOrMapping_areRecognised() {
    ImportReport disbursements = service.run(new ImportRequest(
        ImportFixtures.resource("third_party/kiel_release28/financial_disbursements.csv"), null, null, null, null,
        false, false));
    // the bundled rows hold 16 donors of the same release: the summary is that release again, kept beside it
    ImportReport summary = service.run(new ImportRequest(
        ImportFixtures.resource("third_party/kiel_release28/country_summary.csv"), null, null, null, null, false,
        false), Overlap.ALLOW);

    assertThat(disbursements.format()).isEqualTo(ImportFormat.CSV);
    assertThat(disbursements.rowsWritten()).isEqualTo(131);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM aid WHERE dataset_id = " + disbursements.datasetId()
        + " AND measure = 'disbursement' AND category = 'financial' AND date LIKE '20__-__'")).isEqualTo(131);
    assertThat(summary.rowsWritten()).isEqualTo(42 * 8);
  }

  /**
   * A mapping the user gives skips detection, not the value checks: amounts mapped to pct_gdp are
   * refused whole, even with --skip-bad-rows; a file this large is first offered to the bulk path,
   * which declines it to the Java path that says why.
   */
  @Test
  void run_mappingReadingAmountsAsPctGdp_isRefusedOnBothPaths() throws IOException {
    StringBuilder csv = new StringBuilder("iso3,year,milex\n");
    List<org.quartermaster.app.data.Country> countries = Countries.standard().all();
    for (int year = 1000; year < 1400; year++) {
      for (int i = 0; i < countries.size(); i++) {
        csv.append(countries.get(i).iso3()).append(',').append(year).append(',').append(4_000 + (year * 37 + i) % 5_000)
            .append('\n');
      }
    }
    Path file = Files.writeString(dir.resolve("milex.csv"), csv);
    Path mapping = Files.writeString(dir.resolve("milex.yaml"), """
        table: spending
        columns: {iso3: iso3, year: year, pct_gdp: milex}
        constants: {source: sipri, vintage: 2025-04}
        """);
    ImportRequest request = new ImportRequest(file, null, mapping, null, null, true, false);
    Map<String, Object> before = StoreCounts.of(store);

    ImportFailedException e = catchThrowableOfType(ImportFailedException.class, () -> service.run(request));

    assertThat(Files.size(file)).isGreaterThan(1 << 20);
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().getFirst().toString()).startsWith(file + ":milex — values look like amounts (median ")
        .endsWith("), not % of GDP: map the column to amount (with currency), not pct_gdp");
    assertThat(StoreCounts.of(store)).isEqualTo(before);
    assertThatThrownBy(() -> new ImportService(store, Countries.standard(), Importers.standard(), BulkPolicy.REQUIRED)
        .run(request)).isInstanceOf(IllegalStateException.class).hasMessageContaining("pct_gdp holds values");
  }

  @Test
  void run_mappingWithOnePctGdpAbove200_isAProblemInItsRow() throws IOException {
    Path file = Files.writeString(dir.resolve("shares.csv"), "iso3,year,share\nDEU,2023,1.57\nFRA,2023,2060\n"
        + "POL,2023,3.83\n");
    Path mapping = Files.writeString(dir.resolve("shares.yaml"), """
        table: spending
        columns: {iso3: iso3, year: year, pct_gdp: share}
        constants: {source: own, vintage: 2025-04}
        """);

    ImportFailedException e = catchThrowableOfType(ImportFailedException.class,
        () -> service.run(new ImportRequest(file, null, mapping, null, null, false, false)));

    assertThat(e.problems()).extracting(ImportProblem::toString).containsExactly(file + ":3:share: '2060' — pct_gdp "
        + "is above 200: not a share of GDP in percent (map the column to amount (with currency), not pct_gdp)");
  }

  /** --format nato skips detection, not the value check: amounts are refused all the same. */
  @Test
  void run_amountsGivenAsNato_isRefusedAsAmounts() {
    Path file = ImportFixtures.resource("amounts/milex_constant_usd_wide.csv");

    ImportFailedException e = catchThrowableOfType(ImportFailedException.class,
        () -> service.run(new ImportRequest(file, ImportFormat.NATO, null, null, "2024-06", true, false)));

    assertThat(e.problems()).extracting(ImportProblem::message).containsExactly("values look like amounts "
        + "(median 6,722), not % of GDP: import with a mapping, see docs/import-mappings.md");
  }
}
