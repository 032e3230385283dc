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
  void run_tenMegabyteValue_isCutToTwoHundredCharactersWithItsLength() {
    String huge = "9".repeat(5_000_000) + "x" + "9".repeat(5_000_000);
    Path file = ImportFixtures.write(dir, "huge.csv",
        AID_HEADER + "Germany,military,unspecified," + huge + ",EUR,billion,2024-07-09,https://example.org/a\n");

    ImportFailedException failed = catchThrowableOfType(ImportFailedException.class,
        () -> service.run(ImportFixtures.request(file, ImportFormat.QM_CSV, null, null)));

    ImportProblem problem = failed.problems().getFirst();
    assertThat(problem.value()).startsWith("9".repeat(ImportProblem.VALUE_CHARS) + "…")
        .endsWith("(10,000,001 characters)").hasSizeLessThan(ImportProblem.VALUE_CHARS + 40);
    assertThat(problem.toString()).hasSizeLessThan(1000);
  }
}
