package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/**
 * The bulk path of generic CSV imports writes exactly what the Java path writes, and leaves every file
 * it cannot vouch for to the Java path: bad rows, duplicate keys, irregular CSV.
 */
class BulkImportTest {
  private static final String SPENDING = """
      table: spending
      columns: {country: country, iso3: iso3, year: year, pct_gdp: pct_gdp, amount: amount, note: note}
      constants: {source: bench, currency: USD million, vintage: 2026-02, source_url: https://example.org/bench}
      """;

  @TempDir Path dir;
  private final Store javaStore = Store.inMemory();
  private final Store bulkStore = Store.inMemory();

  @AfterEach
  void close() {
    javaStore.close();
    bulkStore.close();
  }

  private ImportRequest request(String csv, String mapping, boolean skipBadRows) throws IOException {
    Path file = Files.writeString(dir.resolve("data.csv"), csv);
    return new ImportRequest(file, ImportFormat.CSV, Files.writeString(dir.resolve("mapping.yaml"), mapping), null,
        null, skipBadRows, false);
  }

  private ImportReport run(Store store, BulkPolicy policy, ImportRequest request) {
    return run(store, policy, request, Overlap.REFUSE);
  }

  private ImportReport run(Store store, BulkPolicy policy, ImportRequest request, Overlap overlap) {
    return new ImportService(store, Countries.standard(), Importers.standard(), policy).run(request, overlap);
  }

  /** Imports the file both ways and asserts the stores hold the same dataset and rows; returns the bulk report. */
  private ImportReport importBothWays(ImportRequest request) {
    ImportReport java = run(javaStore, BulkPolicy.NEVER, request);
    ImportReport bulk = run(bulkStore, BulkPolicy.REQUIRED, request);

    assertThat(bulk).isEqualTo(java);
    assertThat(StoredRows.of(bulkStore, bulk.table(), bulk.datasetId()))
        .isEqualTo(StoredRows.of(javaStore, java.table(), java.datasetId()));
    assertThat(StoredRows.temporaryTables(bulkStore)).isZero();
    return bulk;
  }

  /** Country names, codes and aliases, estimates, placeholders, grouped numbers, quoted notes: all valid. */
  private static String spendingRows(int rows) {
    List<Country> countries = Countries.standard().all();
    String[] notes = {"", "revised", "\"incl. pensions, veterans\"", "T\u00fcrkiye's figure", "..", "\"say \"\"hi\"\"\""};
    StringBuilder csv = new StringBuilder("country,iso3,year,pct_gdp,amount,note\n");
    for (int i = 0; i < rows; i++) {
      Country country = countries.get(i % countries.size());
      boolean byName = i % 7 == 0 && !country.name().contains(",");
      csv.append(byName ? country.name() : "").append(',')
          .append(byName ? "" : i % 5 == 0 ? country.iso3().toLowerCase(Locale.ROOT) : country.iso3()).append(',')
          .append(1000 + i / countries.size()).append(i % 1000 == 0 ? "e" : "").append(',')
          .append(i % 13 == 0 ? "n/a" : i % 17 == 0 ? "" : (i % 400) / 100.0 + "").append(',')
          .append(i % 19 == 0 ? "\"1,234.5\"" : i % 23 == 0 ? "-0" : i % 29 == 0 ? "1e3" : i * 37L % 100_003 + "." + i % 10)
          .append(',').append(notes[i % notes.length]).append('\n');
    }
    return csv.toString();
  }

  @Test
  void run_largeSpendingFile_bulkPathWritesTheRowsTheJavaPathWrites() throws IOException {
    ImportReport report = importBothWays(request(spendingRows(100_000), SPENDING, false));

    assertThat(report.rowsWritten()).isEqualTo(100_000);
  }

  /** DuckDB reads a file this size in parallel pieces; every row still gets its own line. */
  @Test
  void run_fileOfManyMegabytes_everyRowKeepsItsLine() throws IOException {
    List<Country> countries = Countries.standard().all();
    StringBuilder csv = new StringBuilder("iso3,year,pct_gdp,amount\n");
    for (int i = 0; i < 1_200_000; i++) {
      csv.append(countries.get(i % countries.size()).iso3()).append(',').append(1000 + i / countries.size())
          .append(",1.5,").append(i + 2).append('\n'); // the amount is the line
    }
    ImportRequest request = request(csv.toString(), """
        table: spending
        columns: {iso3: iso3, year: year, pct_gdp: pct_gdp, amount: amount}
        constants: {source: bench}
        """, false);

    ImportReport report = run(bulkStore, BulkPolicy.REQUIRED, request);

    assertThat(Files.size(request.file())).isGreaterThan(20_000_000);
    assertThat(StoreCounts.count(bulkStore, "SELECT count(*) FROM defence_spending WHERE dataset_id = "
        + report.datasetId() + " AND amount = file_row")).isEqualTo(1_200_000);
  }

  @Test
  void run_sameFileAgain_isANoOpThatNamesTheEarlierDataset() throws IOException {
    ImportRequest request = request(spendingRows(5_000), SPENDING, false);
    ImportReport first = run(bulkStore, BulkPolicy.REQUIRED, request);

    ImportReport again = run(bulkStore, BulkPolicy.REQUIRED, request);

    assertThat(again.alreadyImported()).isTrue();
    assertThat(again.datasetId()).isEqualTo(first.datasetId());
    assertThat(StoredRows.of(bulkStore, first.table(), first.datasetId())).hasSize(1 + 5_000);
    assertThat(StoredRows.temporaryTables(bulkStore)).isZero();
  }

  @Test
  void run_aidFile_bulkPathWritesTheRowsTheJavaPathWrites() throws IOException {
    StringBuilder csv = new StringBuilder("donor,recipient,category,amount,unit,item,quantity,date\r\n");
    String[] donors = {"Germany", "EU institutions", "United States", "DEU", "Czech Republic"};
    for (int i = 0; i < 5_000; i++) {
      csv.append(donors[i % donors.length]).append(",Ukraine,").append(i % 3 == 0 ? "Military" : "financial").append(',')
          .append(i % 9 == 0 ? "\"1,250.5\"" : i + ".25").append(',').append(i % 2 == 0 ? "million" : "Billion").append(',')
          .append(i % 4 == 0 ? "" : "\"Leopard 2, A6\"").append(',').append(i % 6 == 0 ? "n/a" : i % 10 == 0 ? "\"1,000\"" : i % 50 + "")
          .append(',').append(i % 8 == 0 ? "2023" : "2024-02-2" + i % 9).append("\r\n");
    }
    ImportReport report = importBothWays(request(csv.toString(), """
        table: aid
        columns: {donor: donor, recipient: recipient, category: category, amount: amount, unit: unit, item: item,
                  quantity: quantity, date: date}
        constants: {measure: commitment, currency: EUR, vintage: June 2024}
        institutions: [EU institutions]
        """, false));

    assertThat(report.rowsWritten()).isEqualTo(5_000);
  }

  @Test
  void run_deliveriesFile_bulkPathWritesTheRowsTheJavaPathWrites() throws IOException {
    StringBuilder csv = new StringBuilder("id;supplier;recipient;order_year;number;tiv;years;status\n");
    for (int i = 0; i < 5_000; i++) {
      csv.append("R").append(i / 2).append(';').append(i % 2 == 0 ? "Russia" : "France").append(";India;")
          .append(i % 10 == 0 ? "2019e" : 1990 + i % 30).append(';').append(i % 7 == 0 ? "" : i % 40).append(';')
          .append(i % 3 == 0 ? "12.5" : "0.75").append(';').append(i % 2 == 0 ? "2020; 2021" : "2022").append(';')
          .append(i % 5 == 0 ? "second-hand" : "new").append('\n');
    }
    importBothWays(request(csv.toString().replace("2020; 2021", "\"2020; 2021\""), """
        table: deliveries
        columns: {record_id: id, supplier: supplier, recipient: recipient, order_year: order_year,
                  number_delivered: number, tiv_unit: tiv, delivery_years: years, status: status}
        """, false));
  }

  @Test
  void run_badRows_reportsEveryProblemAsTheJavaPathDoesAndWritesNothing() throws IOException {
    String csv = spendingRows(20_000).replace(",1005,", ",1005x,").replace(",0.25,", ",1/4,")
        .replaceFirst("\nAndorra,", "\nAndorre,");
    ImportRequest request = request(csv, SPENDING, false);
    Map<String, Object> before = StoreCounts.of(bulkStore);

    ImportFailedException java = catchThrowableOfType(ImportFailedException.class,
        () -> run(javaStore, BulkPolicy.NEVER, request));
    ImportFailedException bulk = catchThrowableOfType(ImportFailedException.class,
        () -> run(bulkStore, BulkPolicy.ALWAYS, request));

    assertThat(bulk.problems()).isEqualTo(java.problems()).hasSizeGreaterThan(20);
    assertThat(bulk.problems().getFirst().toString()).matches(".*data\\.csv:\\d+:\\w+: '.*' — .*");
    assertThat(bulk.problems()).anyMatch(p -> p.message().contains("the closest known is 'Andorra'"));
    assertThat(StoreCounts.of(bulkStore)).isEqualTo(before);
    assertThat(StoredRows.temporaryTables(bulkStore)).isZero();
    assertThatThrownBy(() -> run(bulkStore, BulkPolicy.REQUIRED, request)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the rows have problems");
  }

  @Test
  void run_duplicateKeys_bulkPathDeclinesAndTheJavaPathReportsThem() throws IOException {
    String csv = spendingRows(10_000);
    ImportRequest request = request(csv + csv.substring(csv.indexOf('\n') + 1, csv.indexOf('\n', 200)) + "\n",
        SPENDING, false);
    Map<String, Object> before = StoreCounts.of(bulkStore);

    ImportFailedException java = catchThrowableOfType(ImportFailedException.class,
        () -> run(javaStore, BulkPolicy.NEVER, request));
    ImportFailedException bulk = catchThrowableOfType(ImportFailedException.class,
        () -> run(bulkStore, BulkPolicy.ALWAYS, request));

    assertThat(bulk.problems()).isEqualTo(java.problems()).isNotEmpty()
        .allMatch(p -> p.message().startsWith("repeats row "));
    assertThat(StoreCounts.of(bulkStore)).isEqualTo(before);
    assertThatThrownBy(() -> run(bulkStore, BulkPolicy.REQUIRED, request)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("share a key");
    assertThat(StoreCounts.of(bulkStore)).isEqualTo(before);
    assertThat(importBothWays(request(csv, SPENDING, false)).datasetId()).as("no dataset id taken meanwhile")
        .isEqualTo(1);
  }

  @Test
  void run_skipBadRowsWithBadRows_writesWhatTheJavaPathWrites() throws IOException {
    ImportRequest request = request(spendingRows(5_000).replace(",0.25,", ",a quarter,"), SPENDING, true);

    ImportReport java = run(javaStore, BulkPolicy.NEVER, request);
    ImportReport bulk = run(bulkStore, BulkPolicy.ALWAYS, request);

    assertThat(bulk).isEqualTo(java);
    assertThat(bulk.rejected()).isNotEmpty();
    assertThat(StoredRows.of(bulkStore, bulk.table(), bulk.datasetId()))
        .isEqualTo(StoredRows.of(javaStore, java.table(), java.datasetId()));
  }

  @Test
  void run_irregularCsv_isLeftToTheJavaPath() throws IOException {
    String csv = spendingRows(2_000);
    for (String irregular : List.of(csv.replace("\nAruba,", "\n\nAruba,"), csv.replace(",revised\n", ",re\"vised\n"),
        csv.replace(",revised\n", ",\"re\nvised\"\n"), csv.replace("\n", "\r\n").replaceFirst("\r\n", "\n"))) {
      ImportRequest request = request(irregular, SPENDING, false);

      // the same figures each time: both copies kept
      ImportReport java = run(javaStore, BulkPolicy.NEVER, request, Overlap.ALLOW);
      ImportReport bulk = run(bulkStore, BulkPolicy.ALWAYS, request, Overlap.ALLOW);

      assertThat(bulk).isEqualTo(java);
      assertThat(StoredRows.of(bulkStore, bulk.table(), bulk.datasetId()))
          .isEqualTo(StoredRows.of(javaStore, java.table(), java.datasetId()));
      try (Store store = Store.inMemory()) {
        assertThatThrownBy(() -> run(store, BulkPolicy.REQUIRED, request)).hasMessageContaining("not regular CSV");
      }
    }
  }
}
