package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/** The rules of every import: all or nothing, every problem, duplicates, re-import, dry run, rejects. */
class ImportServiceTest {
  private static final String CONTRACTS_HEADER =
      "buyer,agency,item,quantity,value,currency,date,supplier,source_url,note\n";

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

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static ImportRequest request(Path file) {
    return new ImportRequest(file, null, null, null, null, false, false);
  }

  @Test
  void run_goodFile_addsRowsWithProvenanceAndADataset() throws IOException {
    Path file = file("contracts.csv", CONTRACTS_HEADER
        + "Poland,,CAMM missiles,~1000,1900000000,GBP,2023-11-07,MBDA UK,https://example.org/camm,sample\n");

    ImportReport report = service.run(request(file));

    assertThat(report.format()).isEqualTo(ImportFormat.QM_CSV);
    assertThat(report.table()).isEqualTo(Table.CONTRACTS);
    assertThat(report.rowsWritten()).isEqualTo(1);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM contracts WHERE dataset_id = " + report.datasetId()
        + " AND quantity = 1000 AND quantity_qualifier = 'about' AND quantity_text = '~1000'"
        + " AND source_url = 'https://example.org/camm' AND file_row = 2")).isEqualTo(1);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM datasets WHERE dataset_id = " + report.datasetId()
        + " AND format = 'qm-csv' AND row_count = 1 AND length(sha256) = 64 AND NOT bundled")).isEqualTo(1);
  }

  @Test
  void run_fileWithBadRows_writesNothingAndReportsEveryProblemWithRowColumnAndValue() throws IOException {
    Map<String, Object> before = StoreCounts.of(store);
    Path file = file("bad.csv", CONTRACTS_HEADER
        + "Poland,,CAMM,1000,lots,GBP,2023,MBDA,,\n"
        + ",,Piorun,500,100,PLN,2022,Mesko,,\n"
        + "Estonia,,Mistral,100,50,EUR,2023,MBDA,,\n");

    ImportFailedException e = catchThrowableOfType(ImportFailedException.class, () -> service.run(request(file)));

    assertThat(e.problems()).extracting(ImportProblem::toString).containsExactly(
        file + ":2:value: 'lots' — must be a number",
        file + ":3:buyer — is required");
    assertThat(StoreCounts.of(store)).isEqualTo(before);
  }

  @Test
  void run_sameKeyTwice_namesBothRows() throws IOException {
    Path file = file("dup.csv", CONTRACTS_HEADER
        + "France,,Mistral,10,5,EUR,2024,MBDA,,\n"
        + "Poland,,Piorun,500,100,PLN,2022,Mesko,,\n"
        + "France,,Mistral,10,5,EUR,2024,MBDA,,\n");

    ImportFailedException e = catchThrowableOfType(ImportFailedException.class, () -> service.run(request(file)));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(4);
      assertThat(p.message()).contains("repeats row 2");
    });
  }

  @Test
  void run_identicalFileAgain_isANoOpThatSaysSo() throws IOException {
    Path file = file("once.csv", CONTRACTS_HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,,\n");
    ImportReport first = service.run(request(file));
    Map<String, Object> after = StoreCounts.of(store);

    ImportReport again = service.run(request(file));

    assertThat(again.alreadyImported()).isTrue();
    assertThat(again.datasetId()).isEqualTo(first.datasetId());
    assertThat(StoreCounts.of(store)).isEqualTo(after);
  }

  @Test
  void run_dryRun_saysWhatWouldBeAddedAndWritesNothing() throws IOException {
    Map<String, Object> before = StoreCounts.of(store);
    Path file = file("dry.csv", CONTRACTS_HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,,\n"
        + "Poland,,Piorun,500,100,PLN,2022,Mesko,,\n");

    ImportReport report = service.run(new ImportRequest(file, null, null, null, null, false, true));

    assertThat(report.dryRun()).isTrue();
    assertThat(report.rowsWritten()).isEqualTo(2);
    assertThat(StoreCounts.of(store)).isEqualTo(before);
  }

  @Test
  void run_skipBadRows_writesGoodRowsAndARejectsFileBesideTheInput() throws IOException {
    Path file = file("mixed.csv", CONTRACTS_HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,,\n"
        + "Poland,,Piorun,500,many,PLN,2022,Mesko,,\n");

    ImportReport report = service.run(new ImportRequest(file, null, null, null, null, true, false));

    assertThat(report.rowsWritten()).isEqualTo(1);
    assertThat(report.rejectsFile()).isEqualTo(dir.resolve("mixed.csv.rejects.csv"));
    assertThat(Files.readAllLines(report.rejectsFile()))
        .containsExactly("row,column,value,problem", "3,value,many,must be a number");
  }

  @Test
  void run_unknownFormatAndMissingFile_areWholeFileProblems() throws IOException {
    Path prose = file("notes.csv", "just,some,words\n1,2,3\n");

    assertThat(catchThrowableOfType(ImportFailedException.class, () -> service.run(request(prose))).problems())
        .singleElement().satisfies(p -> assertThat(p.message()).contains("cannot tell the file's format"));
    assertThat(catchThrowableOfType(ImportFailedException.class,
        () -> service.run(request(dir.resolve("missing.csv")))).problems())
        .singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("no such file"));
  }

  @Test
  void run_spendingWithUnknownCode_namesTheCodeAndTheCountry() throws IOException {
    Path file = file("spending.csv", "country,iso3,year,pct_gdp,estimate,as_of,vintage,source_url,note,source\n"
        + "Poland,PLX,2025,4.48,true,2025-08-28,Aug 2025 release,https://example.org,,nato\n");

    ImportFailedException e = catchThrowableOfType(ImportFailedException.class, () -> service.run(request(file)));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(2);
      assertThat(p.column()).isEqualTo("iso3");
      assertThat(p.value()).isEqualTo("PLX");
      assertThat(p.message()).contains("unknown ISO 3166 alpha-3 code").contains("'Poland' is POL");
    });
  }

  private static final String SPENDING_HEADER = "country,iso3,year,pct_gdp,estimate,as_of,vintage,source_url,note,source\n";

  @Test
  void run_sameBytesWithAnotherVintageOrMapping_isANewImport() throws IOException {
    Path file = file("own.csv", "Land;Jahr;Anteil\nPOL;2031;4,5\n");
    Path mappingA = file("a.yaml", "table: spending\ncolumns: {iso3: Land, year: Jahr, pct_gdp: Anteil}\n"
        + "constants: {source: own-a, source_url: https://example.org/own}\n");
    Path mappingB = file("b.yaml", "table: spending\ncolumns: {iso3: Land, year: Jahr, pct_gdp: Anteil}\n"
        + "constants: {source: own-b, source_url: https://example.org/own}\n");

    ImportReport first = service.run(new ImportRequest(file, null, mappingA, null, "2031-01", false, false));
    ImportReport otherVintage = service.run(new ImportRequest(file, null, mappingA, null, "2031-02", false, false));
    ImportReport otherMapping = service.run(new ImportRequest(file, null, mappingB, null, "2031-01", false, false));
    ImportReport again = service.run(new ImportRequest(file, null, mappingA, null, "2031-01", false, false));

    assertThat(otherVintage.alreadyImported()).isFalse();
    assertThat(otherMapping.alreadyImported()).isFalse();
    assertThat(again.alreadyImported()).isTrue();
    assertThat(again.datasetId()).isEqualTo(first.datasetId());
    assertThat(StoreCounts.count(store, "SELECT count(DISTINCT dataset_id) FROM defence_spending WHERE year = 2031"))
        .isEqualTo(3);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM datasets WHERE mapping = 'b.yaml'"
        + " AND length(mapping_sha256) = 64 AND vintage = '2031-01'")).isEqualTo(1);
  }

  @Test
  void run_noRowsLeft_registersNoDatasetAndSaysSo() throws IOException {
    Map<String, Object> before = StoreCounts.of(store);
    Path empty = file("empty.csv", CONTRACTS_HEADER);
    Path allBad = file("bad.csv", CONTRACTS_HEADER + "Poland,,CAMM,1000,lots,GBP,2023,MBDA,,\n");

    ImportFailedException none = catchThrowableOfType(ImportFailedException.class, () -> service.run(request(empty)));
    ImportFailedException skipped = catchThrowableOfType(ImportFailedException.class,
        () -> service.run(new ImportRequest(allBad, null, null, null, null, true, false)));

    assertThat(none.problems()).first().satisfies(p -> assertThat(p.message()).contains("no data rows"));
    assertThat(skipped.problems()).extracting(ImportProblem::toString).containsExactly(
        allBad + " — none of the 1 data rows can be imported: nothing to import (no dataset recorded)",
        allBad + ":2:value: 'lots' — must be a number");
    assertThat(StoreCounts.of(store)).isEqualTo(before);
  }

  @Test
  void run_noSourceUrlAnywhere_isAcceptedAndMarkedUnsourced() throws IOException {
    Path bare = file("bare.csv", CONTRACTS_HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,,\n");
    Path given = file("given.csv", CONTRACTS_HEADER + "Italy,,Aster,10,5,EUR,2024,MBDA,,\n");

    ImportReport unsourced = service.run(request(bare));
    ImportReport sourced = service.run(new ImportRequest(given, null, null, "https://example.org/c", null, false,
        false));

    assertThat(unsourced.unsourced()).isTrue();
    assertThat(sourced.unsourced()).isFalse();
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM datasets WHERE unsourced")).isEqualTo(1);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM datasets WHERE bundled AND NOT unsourced"))
        .isEqualTo(4);
  }

  @Test
  void run_figuresAlreadyStored_areRefusedWithWhereTheyAre() throws IOException {
    Path first = file("first.csv", SPENDING_HEADER
        + "Poland,POL,2031,4.1,false,2031-06,June 2031,https://example.org/a,,nato\n"
        + "Estonia,EST,2031,3.1,false,2031-06,June 2031,https://example.org/a,,nato\n");
    Path again = file("again.csv", SPENDING_HEADER
        + "Latvia,LVA,2031,3.3,false,2031-06,June 2031,https://example.org/b,,nato\n"
        + "Poland,POL,2031,4.2,false,2031-06,June 2031,https://example.org/b,,nato\n");
    ImportReport stored = service.run(request(first));
    Map<String, Object> before = StoreCounts.of(store);

    ImportFailedException e = catchThrowableOfType(ImportFailedException.class, () -> service.run(request(again)));

    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems().get(0).row()).isZero();
    assertThat(e.problems().get(0).message()).startsWith("1 figure is already in the store for the same series and"
        + " release (dataset " + stored.datasetId() + " " + first + ": 1); give --replace " + stored.datasetId()
        + " to replace that dataset, or --allow-duplicates to keep both");
    assertThat(e.problems().get(1)).satisfies(p -> {
      assertThat(p.row()).isEqualTo(3);
      assertThat(p.value()).isEqualTo("nato 2031-06 POL 2031");
      assertThat(p.message()).isEqualTo("already in the store: dataset " + stored.datasetId() + ", row 2");
    });
    assertThat(StoreCounts.of(store)).isEqualTo(before);
  }

  @Test
  void run_figuresAlreadyStored_allowedKeepsBoth_replaceSwapsTheDatasetInOneTransaction() throws IOException {
    Path first = file("first.csv", SPENDING_HEADER
        + "Poland,POL,2031,4.1,false,2031-06,June 2031,https://example.org/a,,nato\n");
    Path second = file("second.csv", SPENDING_HEADER
        + "Poland,POL,2031,4.2,false,2031-06,June 2031,https://example.org/b,,nato\n");
    Path third = file("third.csv", SPENDING_HEADER
        + "Poland,POL,2031,4.3,false,2031-06,June 2031,https://example.org/c,,nato\n");
    ImportReport a = service.run(request(first));

    ImportReport b = service.run(request(second), Overlap.replace(a.datasetId()));

    assertThat(b.replaced()).isEqualTo(new Datasets.Removed(a.datasetId(), first.toString(), "defence_spending", 1,
        false));
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM datasets WHERE dataset_id = " + a.datasetId())).isZero();
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM provenance WHERE source_url = 'https://example.org/a'"))
        .isZero();

    ImportReport c = service.run(request(third), Overlap.ALLOW);

    assertThat(StoreCounts.count(store, "SELECT count(*) FROM defence_spending WHERE year = 2031 AND dataset_id IN ("
        + b.datasetId() + ", " + c.datasetId() + ")")).isEqualTo(2);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM defence_spending WHERE year = 2031")).isEqualTo(2);
  }

  @Test
  void run_replaceOfAnUnknownDataset_writesNothing() throws IOException {
    Path file = file("c.csv", CONTRACTS_HEADER + "France,,Mistral,10,5,EUR,2024,MBDA,,\n");
    Map<String, Object> before = StoreCounts.of(store);

    ImportFailedException e = catchThrowableOfType(ImportFailedException.class,
        () -> service.run(request(file), Overlap.replace(99)));

    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message())
        .isEqualTo("--replace 99: no dataset 99 in the store (qm datasets list lists them)"));
    assertThat(StoreCounts.of(store)).isEqualTo(before);
  }

  @Test
  void run_wideTableOfAReleaseAlreadyBundled_countsEveryFigureNotEveryRow() {
    Path nato = Path.of("src/test/resources/third_party/nato_2024/nato_defense_spending_clean.csv");
    long bundled = 31 * 11; // every figure of the file (31 allies, 2014-2024) is in the bundled June 2024 release

    ImportFailedException e = catchThrowableOfType(ImportFailedException.class,
        () -> service.run(new ImportRequest(nato, null, null, null, "2024-06", false, false)));

    assertThat(e.problems().getFirst().message()).startsWith(bundled + " figures are already in the store for the"
        + " same series and release (dataset 1 bundled/nato_defence_pct_gdp.csv (bundled): " + bundled + "); give"
        + " --replace 1 to replace that dataset");
  }

  @Test
  void run_blankEstimateFlags_areStoredAsUnknownNotFalse() {
    Path sipri = Path.of("src/test/resources/sipri_transfers/trade_register_stinger.csv");

    ImportReport report = service.run(new ImportRequest(sipri, null, null, "https://armstransfers.sipri.org/", null,
        false, false));

    assertThat(StoreCounts.count(store, "SELECT count(*) FROM deliveries WHERE dataset_id = " + report.datasetId()
        + " AND record_id = '65267' AND order_year_estimate IS NULL AND number_delivered_estimate = false"
        + " AND delivery_year_estimate IS NULL")).isEqualTo(1);
  }

  @Test
  void run_dryRunOfFiguresAlreadyStored_isRefusedAsTheImportWouldBe_andWritesNothing() throws IOException {
    Path first = file("first.csv", SPENDING_HEADER
        + "Poland,POL,2031,4.1,false,2031-06,June 2031,https://example.org/a,,nato\n");
    Path copy = file("copy.csv", SPENDING_HEADER
        + "Poland,POL,2031,4.2,false,2031-06,June 2031,https://example.org/b,,nato\n");
    ImportReport stored = service.run(request(first));
    Map<String, Object> before = StoreCounts.of(store);
    ImportRequest dryRun = new ImportRequest(copy, null, null, null, null, false, true);

    ImportFailedException refused = catchThrowableOfType(ImportFailedException.class, () -> service.run(dryRun));
    ImportReport replacing = service.run(dryRun, Overlap.replace(stored.datasetId()));
    ImportReport allowed = service.run(dryRun, Overlap.ALLOW);

    assertThat(refused.problems().getFirst().message()).startsWith("1 figure is already in the store");
    assertThat(replacing.dryRun()).isTrue();
    assertThat(replacing.rowsWritten()).isEqualTo(1);
    assertThat(allowed.rowsWritten()).isEqualTo(1);
    assertThat(StoreCounts.of(store)).isEqualTo(before);
  }
}
