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
}
