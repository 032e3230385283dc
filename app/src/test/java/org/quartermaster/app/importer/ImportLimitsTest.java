package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.store.Store;

/** What an import keeps of a hostile file: a bounded number of problems, values cut to a readable length. */
class ImportLimitsTest {
  static final String AID_HEADER = "donor,category,measure,amount,currency,unit,as_of,source_url\n";

  @TempDir Path dir;
  private Store store;
  private ImportService service;

  @BeforeEach
  void open() {
    store = Store.inMemory();
    service = new ImportService(store, Countries.standard(), Importers.standard());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void run_fiveThousandBadRows_keepsAThousandProblemsAndCountsTheRest() throws Exception {
    StringBuilder text = new StringBuilder(AID_HEADER);
    for (int i = 0; i < 5000; i++) {
      text.append("Germany,military,unspecified,lots,EUR,billion,2024-07-09,https://example.org/a\n");
    }
    Path file = ImportFixtures.write(dir, "bad.csv", text.toString());

    ImportFailedException failed = catchThrowableOfType(ImportFailedException.class,
        () -> service.run(ImportFixtures.request(file, ImportFormat.QM_CSV, null, null)));

    assertThat(failed.problems()).hasSize(Problems.KEPT);
    assertThat(failed.total()).isEqualTo(5000);
    assertThat(failed.more(100)).isEqualTo("… and 4,900 more problems");
  }

  @Test
  void run_skipBadRowsOverTheKeptProblems_listsEveryBadRowInTheRejects() throws Exception {
    StringBuilder text = new StringBuilder(AID_HEADER);
    for (int i = 0; i < 1500; i++) {
      text.append("Germany,military,unspecified,lots,EUR,billion,2024-07-09,https://example.org/a\n");
    }
    text.append("Germany,military,unspecified,5,EUR,billion,2024-07-09,https://example.org/a\n");
    Path file = ImportFixtures.write(dir, "bad.csv", text.toString());

    ImportReport report = service.run(new ImportRequest(file, ImportFormat.QM_CSV, null, null, null, true, true));

    assertThat(report.rowsWritten()).isEqualTo(1);
    assertThat(Files.readAllLines(report.rejectsFile())).hasSize(1 + 1500)
        .last().asString().startsWith("1501,,,").contains("not kept");
  }

  @Test
  void run_hugeValue_isCutToTwoHundredCharactersWithItsLength() {
    String huge = "9".repeat(450_000) + "x" + "9".repeat(450_000); // under the line limit
    Path file = ImportFixtures.write(dir, "huge.csv",
        AID_HEADER + "Germany,military,unspecified," + huge + ",EUR,billion,2024-07-09,https://example.org/a\n");

    ImportFailedException failed = catchThrowableOfType(ImportFailedException.class,
        () -> service.run(ImportFixtures.request(file, ImportFormat.QM_CSV, null, null)));

    ImportProblem problem = failed.problems().getFirst();
    assertThat(problem.value()).startsWith("9".repeat(ImportProblem.VALUE_CHARS) + "…")
        .endsWith("(900,001 characters)").hasSizeLessThan(ImportProblem.VALUE_CHARS + 40);
    assertThat(problem.toString()).hasSizeLessThan(1000);
  }

  private static final String AID_ROWS_HEADER = "donor,category,measure,amount,currency,unit,date,data_through,"
      + "as_of,basis,source_url\n";

  private ParsedFile readQmCsv(String name, String text) throws Exception {
    Path file = ImportFixtures.write(dir, name, text);
    return Importers.standard().forFormat(ImportFormat.QM_CSV).orElseThrow()
        .read(ImportFixtures.request(file, ImportFormat.QM_CSV, null, null), Countries.standard());
  }

  @Test
  void read_negativeRunningTotal_isRefusedNamingTheCell() throws Exception {
    ParsedFile parsed = readQmCsv("neg.csv", AID_ROWS_HEADER
        + "Germany,military,unspecified,-5,EUR,billion,2024,2024-06,2024-07-09,cumulative,https://example.org/a\n"
        + "France,military,unspecified,-5,EUR,billion,2024,2024-06,2024-07-09,period,https://example.org/a\n");

    ImportFixtures.onlyProblem(parsed, 2, "amount", "-5", "is negative");
    assertThat(parsed.problems().getFirst().toString()).contains("neg.csv:2:amount: '-5'");
    assertThat(parsed.rows()).hasSize(1); // a period's negative line is a correction
  }

  @Test
  void read_periodAfterItsRelease_isRefusedNamingTheRow() throws Exception {
    ParsedFile parsed = readQmCsv("rel.csv", AID_ROWS_HEADER
        + "Germany,military,unspecified,5,EUR,billion,2026,,2024-06-15,cumulative,https://example.org/a\n");

    ImportFixtures.onlyProblem(parsed, 2, "date", "2026", "starts after the release");
  }

  @Test
  void read_dataThroughAfterItsRelease_isRefused() throws Exception {
    ParsedFile parsed = readQmCsv("through.csv", AID_ROWS_HEADER
        + "Germany,military,unspecified,5,EUR,billion,2024,2024-09,2024-06-15,cumulative,https://example.org/a\n");

    ImportFixtures.onlyProblem(parsed, 2, "data_through", "2024-09", "starts after the release");
  }

  @Test
  void read_quoteNeverClosed_namesTheRowWhereItOpened() throws Exception {
    ParsedFile parsed = readQmCsv("quote.csv", AID_ROWS_HEADER
        + "Germany,military,unspecified,5,EUR,billion,2024,,2024-07-09,cumulative,https://example.org/a\n"
        + "France,military,\"unspecified,5,EUR,billion,2024,,2024-07-09,cumulative,https://example.org/a\n"
        + "Italy,military,unspecified,5,EUR,billion,2024,,2024-07-09,cumulative,https://example.org/a\n");

    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(3);
      assertThat(p.message()).contains("a quote opened in this row is never closed");
    });
  }

  @Test
  void read_lineLongerThanTheLimit_isRefusedNamingTheRow() throws Exception {
    String huge = "x".repeat(UnreadableCsvException.MAX_LINE_CHARS / 4);
    ParsedFile parsed = readQmCsv("long.csv", AID_ROWS_HEADER
        + "Germany,military,unspecified,5,EUR,billion,2024,,2024-07-09,cumulative,https://example.org/a\n"
        + (huge + ",").repeat(5) + "\n");

    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(3);
      assertThat(p.message()).startsWith("line longer than 1 MiB");
    });
  }

  @Test
  void read_nulBytes_areRefusedNamingTheRow() throws Exception {
    ParsedFile parsed = readQmCsv("nul.csv", AID_ROWS_HEADER
        + "Germany,military,unspecified,5,EUR,billion,2024,,2024-07-09,cumulative,https://example.org/a\n"
        + "Fr\0ance,military,unspecified,5,EUR,billion,2024,,2024-07-09,cumulative,https://example.org/a\n");

    assertThat(parsed.problems()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(3);
      assertThat(p.message()).contains("NUL byte");
    });
  }
}
