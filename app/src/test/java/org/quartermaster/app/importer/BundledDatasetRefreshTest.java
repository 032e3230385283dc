package org.quartermaster.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/**
 * A store seeded by an earlier build has its bundled datasets brought up to this build's files (issue 9:
 * the re-cited figures must reach existing stores, not only new ones), each in one transaction, and a
 * bundled dataset the user removed stays removed.
 */
class BundledDatasetRefreshTest {

  /** An earlier build's aid dataset: other bytes, and a row citing a state-media relay. */
  private static void makeAidOld(Store store) {
    store.write(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("UPDATE datasets SET sha256 = repeat('0', 64) WHERE file_name = 'bundled/aid_to_ukraine.csv'");
        s.execute("INSERT INTO provenance (provenance_id, source_url) VALUES (9999, 'https://sarabic.ae/x')");
        s.execute("INSERT INTO aid_rows (dataset_id, file_row, donor, recipient, category, measure, amount, currency,"
            + " unit, provenance_id) SELECT dataset_id, 999, 'United States', 'Ukraine', 'military', 'unspecified',"
            + " 50.6, 'USD', 'billion', 9999 FROM datasets WHERE file_name = 'bundled/aid_to_ukraine.csv'");
      }
      return null;
    });
  }

  @Test
  void seedOrRefresh_changedBundledFile_replacesItsDatasetWholeAndSaysWhich() {
    try (Store store = Store.inMemory()) {
      assertThat(BundledDataset.seedOrRefresh(store, Countries.standard())).isEmpty();
      makeAidOld(store);
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM aid")).isEqualTo(226);

      assertThat(BundledDataset.seedOrRefresh(store, Countries.standard())).containsExactly("aid_to_ukraine.csv");

      assertThat(StoreCounts.count(store, "SELECT count(*) FROM aid")).isEqualTo(225);
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM aid WHERE source_url LIKE '%sarabic%'")).isZero();
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM datasets WHERE bundled")).isEqualTo(4);
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM datasets WHERE file_name = 'bundled/aid_to_ukraine.csv'"
          + " AND dataset_id = 2")).as("the old dataset is gone").isZero();
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM provenance WHERE provenance_id = 9999")).isZero();
      assertThat(BundledDataset.seedOrRefresh(store, Countries.standard())).as("nothing left to replace").isEmpty();
    }
  }

  @Test
  void refreshIfChanged_bundledDatasetTheUserRemoved_staysRemoved() {
    try (Store store = Store.inMemory()) {
      BundledDataset.seedOrRefresh(store, Countries.standard());
      makeAidOld(store);
      Datasets.remove(store, 2, true);

      assertThat(BundledDataset.refreshIfChanged(store, Countries.standard())).isEmpty();
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM aid")).isZero();
    }
  }
}
