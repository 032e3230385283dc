package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.ImportFailedException;
import org.quartermaster.app.importer.ImportFixtures;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ImportService;
import org.quartermaster.app.importer.Importers;
import org.quartermaster.app.importer.Overlap;
import org.quartermaster.app.query.AidQuery.By;
import org.quartermaster.app.store.Store;

/**
 * Regression (issue 9): importing Kiel's Release 28 country summary beside the bundled copy of the same
 * release switched the headline from "EUR 339 bn, release 2026-04" to "EUR 350 bn, release 2026-02":
 * one release under two labels, both then summed. Now the shipped mapping cites the release as the
 * bundled rows do, the import is refused as figures already stored unless the user keeps both, and the
 * totals read each figure of the release once, from its latest import.
 */
class AidReleaseIdentityTest {
  private static final Path SUMMARY = ImportFixtures.resource("third_party/kiel_release28/country_summary.csv");
  /** The file's total allocations, its 42 donors added (EUR billion). */
  private static final double FILE_TOTAL = 349.92637645241996;

  private static QueryResult totalAllocations(Store store) {
    return AidQuery.run(store, new AidQuery.Options(By.RELEASE, null, "total", "allocation", null, null));
  }

  @Test
  void import_release28Summary_isOneReleaseWithTheBundledCopyAndNeverSummedTwice() {
    try (Store store = Store.inMemory()) {
      org.quartermaster.app.importer.BundledDataset.seedIfEmpty(store, Countries.standard());
      QueryResult before = totalAllocations(store);
      assertThat(before.rows()).singleElement().satisfies(row -> assertThat((Double) row.get(4))
          .isCloseTo(338.79, offset(1e-9)));
      ImportService service = new ImportService(store, Countries.standard(), Importers.standard());
      ImportRequest request = new ImportRequest(SUMMARY, null, null, null, null, false, false);

      assertThatThrownBy(() -> service.run(request)).isInstanceOf(ImportFailedException.class)
          .hasMessageContaining("already in the store for the same series and release");
      service.run(request, Overlap.ALLOW);

      QueryResult after = totalAllocations(store);
      assertThat(after.rows()).as("one release, one line").singleElement().satisfies(row -> {
        assertThat(row.getFirst()).isEqualTo("Kiel UST Release 28");
        assertThat((Double) row.get(4)).isCloseTo(FILE_TOTAL, offset(1e-6));
        assertThat(row.get(5)).isEqualTo(42L);
      });
      assertThat(after.vintages()).singleElement().satisfies(v -> assertThat(v.name())
          .startsWith("Kiel UST Release 28 (Kiel Institute for the World Economy, data to 2026-02-28)"));
      assertThat(after.notes()).anySatisfy(note -> assertThat(note).contains("is in 2 datasets: each figure")
          .contains("is read from the latest import that holds it"));
    }
  }
}
