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

  /**
   * The user's own copy of a bundled release (imported with --allow-duplicates) must not stop the
   * bundled file from being brought up to date, nor make every command on the store fail.
   */
  @Test
  void refreshIfChanged_besideTheUsersOwnCopyOfARelease_replacesTheBundledOneAndKeepsTheUsers() {
    try (Store store = Store.inMemory()) {
      BundledDataset.seedOrRefresh(store, Countries.standard());
      ImportReport own = new ImportService(store, Countries.standard(), Importers.standard()).run(new ImportRequest(
          ImportFixtures.resource("third_party/kiel_release28/country_summary.csv"), null, null, null, null, false,
          false), Overlap.ALLOW);
      makeAidOld(store);

      assertThat(BundledDataset.refreshIfChanged(store, Countries.standard())).containsExactly("aid_to_ukraine.csv");
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM aid WHERE dataset_id = " + own.datasetId()))
          .isEqualTo(42 * 8);
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM aid WHERE source_url LIKE '%sarabic%'")).isZero();
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
