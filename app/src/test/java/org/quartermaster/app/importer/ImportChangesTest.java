package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.store.Store;

/**
 * Imports and removals say which tables they change, so the server keeps its answers on saved scenarios
 * while files are imported (issue 10: the answer cache is invalidated per table, not wholesale), and a
 * dry run changes nothing.
 */
class ImportChangesTest {
  private static final Set<Store.Table> SCENARIOS = EnumSet.of(Store.Table.SCENARIOS, Store.Table.SAVED_RUNS);
  private static final Set<Store.Table> CONTRACTS = EnumSet.of(Store.Table.CONTRACTS);
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
  void importAndRemove_changeTheDataTablesButNotTheSavedScenariosOrRuns() throws IOException {
    long scenarios = store.changes(SCENARIOS);
    long contracts = store.changes(CONTRACTS);

    ImportReport report = service().run(request(contracts(), false));
    assertThat(store.changes(CONTRACTS)).isGreaterThan(contracts);
    long imported = store.changes(CONTRACTS);
    Datasets.remove(store, report.datasetId(), false);

    assertThat(store.changes(CONTRACTS)).isGreaterThan(imported);
    assertThat(store.changes(SCENARIOS)).isEqualTo(scenarios);
  }

  @Test
  void dryRun_changesNoTable() throws IOException {
    long every = store.changes(Store.Table.all());

    ImportReport report = service().run(request(contracts(), true));

    assertThat(report.dryRun()).isTrue();
    assertThat(store.changes(Store.Table.all())).isEqualTo(every);
  }

  private ImportService service() {
    return new ImportService(store, Countries.standard(), Importers.standard());
  }

  private static ImportRequest request(Path file, boolean dryRun) {
    return new ImportRequest(file, null, null, null, null, false, dryRun);
  }

  private Path contracts() throws IOException {
    return Files.writeString(dir.resolve("c.csv"), "buyer,agency,item,quantity,value,currency,date,supplier,"
        + "source_url,note\nFrance,,Mistral,10,5,EUR,2024,MBDA,https://example.org/c,\n");
  }
}
