package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * Kiel's relative country summary through a real import into a seeded store: detected without --format or
 * --mapping, the shares stored with the row's provenance, and a value that is no percentage refused whole.
 */
class KielSharesImportTest {
  private static final String RELATIVE = "third_party/kiel_release28/country_summary_relative.csv";
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

  @Test
  void run_relativeWithoutFormatOrMapping_storesEachShareWithItsRelease() {
    // the bundled rows hold 16 donors' totals of the same release: kept beside them, the latest read
    ImportReport report = service.run(new ImportRequest(ImportFixtures.resource(RELATIVE), null, null, null, null,
        false, false), Overlap.ALLOW);

    assertThat(report.format()).isEqualTo(ImportFormat.CSV);
    assertThat(report.rowsWritten()).isEqualTo(42);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM aid WHERE dataset_id = " + report.datasetId()
        + " AND gdp_share_pct IS NOT NULL AND gdp_share_year = 2021 AND vintage = 'Kiel UST Release 28'"
        + " AND source_grade = 'official'")).isEqualTo(42);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM aid WHERE dataset_id = " + report.datasetId()
        + " AND donor = 'Germany' AND gdp_share_pct = 0.7022838634075417")).isEqualTo(1);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM aid WHERE gdp_share_pct IS NOT NULL AND dataset_id <> "
        + report.datasetId())).isZero();
  }

  /**
   * The share column holding Germany's GDP (EUR bn) instead of a percentage: refused whole, naming file,
   * row, column and value; the store as before.
   */
  @Test
  void run_shareColumnHoldingAnAmount_isRefusedNamingRowColumnAndValueAndWritesNothing() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(ImportFixtures.resource(RELATIVE)));
    int germany = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("Germany,")) {
        germany = i;
        lines.set(i, lines.get(i).replace(",0.7022838634075417,", ",3601.7499999999454,"));
      }
    }
    Path file = Files.write(dir.resolve("country_summary_relative.csv"), lines);
    Map<String, Object> before = StoreCounts.of(store);

    ImportFailedException e = catchThrowableOfType(ImportFailedException.class,
        () -> service.run(new ImportRequest(file, null, null, null, null, false, false), Overlap.ALLOW));

    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().getFirst().toString()).startsWith(file + ":" + (germany + 1) + ":andel_bnp_pct:"
        + " '3601.7499999999454' — ").contains("is not a percentage of GDP (0 to 100)");
    assertThat(StoreCounts.of(store)).isEqualTo(before);
  }
}
