package org.quartermaster.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.BundledDataset;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ImportReport;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ImportService;
import org.quartermaster.app.importer.Importers;
import org.quartermaster.app.importer.StorageFailures;

/**
 * Issue 10: an import whose commit fails because the disk is full is reported in one plain sentence
 * ("no space left on the device holding …"), leaves the store exactly as before, and the same import
 * succeeds, whole, once there is space again.
 */
class ImportOnAFullDiskTest {
  @TempDir Path dir;

  @Test
  void import_commitFailsForAFullDisk_isSaidPlainly_storeAsBefore_andTheSameImportWorksLater() throws IOException {
    AtomicBoolean diskFull = new AtomicBoolean();
    Store.Transactions transactions = new Store.Transactions() {
      @Override
      public void commit(Connection connection) throws SQLException {
        if (diskFull.get()) {
          throw new SQLException("IO Error: Could not write file \"store.duckdb.wal\": No space left on device");
        }
        connection.commit();
      }

      @Override
      public void rollback(Connection connection) throws SQLException {
        connection.rollback();
      }
    };
    Path file = Files.writeString(dir.resolve("contracts.csv"),
        "buyer,agency,item,quantity,value,currency,date,supplier,source_url,note\n"
            + "Poland,,Full-disk item,1000,1900000000,GBP,2023-11-07,MBDA UK,https://example.org/camm,sample\n");
    ImportRequest request = new ImportRequest(file, ImportFormat.QM_CSV, null, null, null, false, false);
    try (Store store = Store.inMemory(transactions)) {
      BundledDataset.seedIfEmpty(store, Countries.standard());
      ImportService imports = new ImportService(store, Countries.standard(), Importers.standard());
      Map<String, Object> before = StoreCounts.of(store);

      diskFull.set(true);
      assertThatThrownBy(() -> imports.run(request))
          .isInstanceOf(StoreException.class)
          .satisfies(e -> assertThat(StorageFailures.storeMessage(e, "/data/qm.duckdb")).contains(
              "no space left on the device holding /data/qm.duckdb: nothing was imported; free some space and"
                  + " import again"));
      assertThat(StoreCounts.of(store)).isEqualTo(before);

      diskFull.set(false);
      ImportReport report = imports.run(request);
      assertThat(report.rowsWritten()).isEqualTo(1);
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM contracts WHERE item = 'Full-disk item'")).isEqualTo(1);
    }
  }
}
