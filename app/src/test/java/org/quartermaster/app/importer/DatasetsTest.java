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

/** Removing a dataset: its record, rows and unused provenance in one transaction; bundled ones only by force. */
class DatasetsTest {
  @TempDir Path dir;
  private Store store;

  @BeforeEach
  void open() {
    store = Store.inMemory();
    BundledDataset.seedIfEmpty(store, Countries.standard());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void remove_importedDataset_takesItsRecordRowsAndOnlyProvenanceNoOtherRowUses() throws IOException {
    Map<String, Object> before = StoreCounts.of(store);
    Path file = Files.writeString(dir.resolve("c.csv"), "buyer,agency,item,quantity,value,currency,date,supplier,"
        + "source_url,note\nFrance,,Mistral,10,5,EUR,2024,MBDA,https://example.org/only-here,\n"
        + "Italy,,Aster,10,5,EUR,2024,MBDA,https://example.org/only-here,\n");
    ImportReport report = new ImportService(store, Countries.standard(), Importers.standard())
        .run(new ImportRequest(file, null, null, null, null, false, false));

    Datasets.Removed removed = Datasets.remove(store, report.datasetId(), false);

    assertThat(removed).isEqualTo(new Datasets.Removed(5, file.toString(), "contracts", 2, false));
    assertThat(StoreCounts.of(store)).isEqualTo(before);
  }

  @Test
  void remove_bundledDataset_isRefusedUnlessForced() {
    Map<String, Object> before = StoreCounts.of(store);
    long aidRows = StoreCounts.count(store, "SELECT count(*) FROM aid");

    BundledDatasetException refused = catchThrowableOfType(BundledDatasetException.class,
        () -> Datasets.remove(store, 2, false));
    assertThat(refused.file()).isEqualTo("bundled/aid_to_ukraine.csv");
    assertThat(StoreCounts.of(store)).isEqualTo(before);

    Datasets.Removed removed = Datasets.remove(store, 2, true);

    assertThat(removed.rows()).isEqualTo(aidRows);
    assertThat(removed.bundled()).isTrue();
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM aid")).isZero();
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM defence_spending"))
        .isEqualTo((Long) before.get("defence_spending"));
    // every provenance left is used by a row
    assertThat(StoreCounts.count(store, "SELECT count(*) FROM provenance WHERE provenance_id NOT IN (SELECT"
        + " provenance_id FROM defence_spending_rows UNION SELECT provenance_id FROM production_rows UNION SELECT"
        + " provenance_id FROM contracts_rows UNION SELECT provenance_id FROM transfers_rows)")).isZero();
  }

  @Test
  void remove_unknownId_throwsAndChangesNothing() {
    Map<String, Object> before = StoreCounts.of(store);

    NoSuchDatasetException e = catchThrowableOfType(NoSuchDatasetException.class, () -> Datasets.remove(store, 99,
        true));

    assertThat(e.datasetId()).isEqualTo(99);
    assertThat(StoreCounts.of(store)).isEqualTo(before);
  }
}
