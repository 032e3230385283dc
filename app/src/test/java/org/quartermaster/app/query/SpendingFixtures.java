package org.quartermaster.app.query;

import java.util.List;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Estimate;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SpendingRow;
import org.quartermaster.app.store.RowWriter;
import org.quartermaster.app.store.Store;

/** Test fixture: hand-made spending figures written to a store as the importers write them. */
final class SpendingFixtures {
  private SpendingFixtures() {}

  /**
   * One figure of one release.
   *
   * @param vintageMonth the release month YYYY-MM, or null for a series without one (Our World in Data's SIPRI)
   */
  record Figure(String source, String vintageMonth, String iso3, int year, Double pctGdp) {}

  /** Writes {@code figures} as one dataset. */
  static void add(Store store, int datasetId, List<Figure> figures) {
    List<SpendingRow> rows = new java.util.ArrayList<>();
    for (int i = 0; i < figures.size(); i++) {
      Figure f = figures.get(i);
      String name = Countries.standard().byIso3(f.iso3()).orElseThrow().name();
      Provenance provenance = new Provenance("https://example.org/" + f.source(), f.vintageMonth(),
          f.vintageMonth() == null ? null : f.source() + " release " + f.vintageMonth(), f.vintageMonth(),
          f.source().toUpperCase(java.util.Locale.ROOT));
      rows.add(new SpendingRow(i + 2, f.iso3(), name, f.year(), f.pctGdp(), null, null, Estimate.FALSE, f.source(),
          provenance, null));
    }
    store.write(connection -> {
      RowWriter.append(connection, "defence_spending_rows", datasetId, rows);
      return null;
    });
  }
}
