package org.quartermaster.app.munitions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.BundledDataset;
import org.quartermaster.app.importer.Datasets;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/** The bundled production file's transferred rows are transfers, in a new store and in one seeded before. */
class BundledTransfersTest {
  private static final String TRANSFERRED_IN_PRODUCTION =
      "SELECT count(*) FROM production WHERE kind LIKE 'transferred%'";

  @Test
  void seed_newStore_putsTheTransferredRowsInTransfers_withTheirItemIds() {
    try (Store store = Store.inMemory()) {
      BundledDataset.seedIfEmpty(store, Countries.standard());
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM transfers")).isEqualTo(58);
      assertThat(StoreCounts.count(store, TRANSFERRED_IN_PRODUCTION)).isZero();
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM transfers WHERE item_id IS NULL")).isZero();
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM transfers WHERE supplier_iso3 IS NULL"
          + " OR recipient_iso3 <> 'UKR' OR publisher IS NULL OR source_grade IS NULL")).isZero();
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM transfers WHERE status = 'pledged'")).isEqualTo(4);
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM transfers WHERE basis = 'cumulative'")).isEqualTo(11);
    }
  }

  @Test
  void seedOrRefresh_storeSeededBeforeTransfers_movesItsTransferredRows_andRemovingTheDatasetRemovesThem() {
    try (Store store = Store.inMemory()) {
      BundledDataset.seedIfEmpty(store, Countries.standard());
      store.write(c -> c.createStatement().execute("""
          INSERT INTO production_rows SELECT dataset_id, 999, item, supplier, supplier_country || '->UKR', date,
            quantity_low, quantity_high, quantity_text, period, unit, 'transferred', NULL, provenance_id, note
          FROM transfers_rows WHERE file_row = 77"""));
      assertThat(StoreCounts.count(store, TRANSFERRED_IN_PRODUCTION)).isEqualTo(1);

      BundledDataset.seedOrRefresh(store, Countries.standard());

      assertThat(StoreCounts.count(store, TRANSFERRED_IN_PRODUCTION)).isZero();
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM transfers WHERE file_row = 999 AND item_id = 'javelin'"))
          .isEqualTo(1);
      int dataset = (int) StoreCounts.count(store, "SELECT dataset_id FROM transfers WHERE file_row = 999");
      Datasets.remove(store, dataset, true);
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM transfers")).isZero();
      assertThat(StoreCounts.count(store, "SELECT count(*) FROM transfers_rows t WHERE NOT EXISTS"
          + " (SELECT 1 FROM provenance p WHERE p.provenance_id = t.provenance_id)")).isZero();
    }
  }
}
