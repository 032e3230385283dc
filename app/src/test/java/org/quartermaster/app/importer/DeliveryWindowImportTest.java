package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
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
 * A contracts file may state when the order is delivered (delivery_start, delivery_end: YYYY or YYYY-MM), as a
 * qm-csv file or through a mapping. Each rule of the window is a refusal naming the file, row, column and value,
 * the store left as it was; a good window is stored with its row.
 */
class DeliveryWindowImportTest {
  private static final String HEADER = "contract_id,buyer,item,quantity,value,currency,date,delivery_start,delivery_end\n";

  @TempDir Path dir;
  private Store store;
  private ImportService imports;

  @BeforeEach
  void open() {
    store = Store.inMemory();
    imports = new ImportService(store, Countries.standard(), Importers.standard());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private ImportProblem onlyProblem(String row, Path mapping) {
    Map<String, Object> before = StoreCounts.of(store);
    Path file = ImportFixtures.write(dir, "contracts.csv", HEADER + row + "\n");
    ImportFailedException refused = catchThrowableOfType(ImportFailedException.class,
        () -> imports.run(new ImportRequest(file, null, mapping, null, null, false, false)));
    assertThat(refused).as("refused").isNotNull();
    assertThat(StoreCounts.of(store)).isEqualTo(before);
    assertThat(refused.problems()).hasSize(1);
    ImportProblem problem = refused.problems().getFirst();
    assertThat(problem.file()).endsWith("contracts.csv");
    assertThat(problem.row()).isEqualTo(2);
    return problem;
  }

  private ImportProblem onlyProblem(String row) {
    return onlyProblem(row, null);
  }

  @Test
  void import_endBeforeStart_isRefused() {
    ImportProblem p = onlyProblem("C-1,Ukraine,Javelin,100,,,2024-03,2025-07,2025-05");

    assertThat(List.of(p.column(), p.value())).containsExactly("delivery_end", "2025-05");
    assertThat(p.message()).contains("before delivery_start (2025-07)");
  }

  @Test
  void import_startBeforeTheAwardYear_isRefused() {
    ImportProblem p = onlyProblem("C-1,Ukraine,Javelin,100,,,2024-03,2023,2026");

    assertThat(List.of(p.column(), p.value())).containsExactly("delivery_start", "2023");
    assertThat(p.message()).contains("before the award year (2024, from date '2024-03')");
  }

  @Test
  void import_monthThatDoesNotExist_isRefused() {
    ImportProblem p = onlyProblem("C-1,Ukraine,Javelin,100,,,2024-03,2025-13,2026");

    assertThat(List.of(p.column(), p.value())).containsExactly("delivery_start", "2025-13");
    assertThat(p.message()).contains("a year (YYYY) or a month (YYYY-MM)");
  }

  @Test
  void import_endWithoutStart_isRefused() {
    ImportProblem p = onlyProblem("C-1,Ukraine,Javelin,100,,,2024-03,,2026");

    assertThat(p.column()).isEqualTo("delivery_start");
    assertThat(p.message()).contains("give both");
  }

  @Test
  void import_mappedFileWithEndBeforeStart_isRefusedByTheSameRule() {
    Path mapping = ImportFixtures.write(dir, "mapping.yaml", """
        table: contracts
        columns: {contract_id: contract_id, buyers: buyer, item: item, quantity: quantity, date: date,
                  delivery_start: delivery_start, delivery_end: delivery_end}
        """);

    ImportProblem p = onlyProblem("C-1,Ukraine,Javelin,100,,,2024-03,2026,2025", mapping);

    assertThat(List.of(p.column(), p.value())).containsExactly("delivery_end", "2025");
  }

  @Test
  void import_goodWindow_isStoredWithItsRow() {
    Path file = ImportFixtures.write(dir, "contracts.csv", HEADER + "C-1,Ukraine,Javelin,100,,,2024-03,2024-06,2026\n"
        + "C-2,Ukraine,Javelin,50,,,2024-03,,\n");

    imports.run(new ImportRequest(file, null, null, null, null, false, false));

    assertThat(StoreCounts.count(store, "SELECT count(*) FROM contracts WHERE contract_id = 'C-1'"
        + " AND delivery_start = '2024-06' AND delivery_end = '2026'")).isEqualTo(1);
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM contracts WHERE contract_id = 'C-2'"
        + " AND delivery_start IS NULL AND delivery_end IS NULL")).isEqualTo(1);
  }
}
