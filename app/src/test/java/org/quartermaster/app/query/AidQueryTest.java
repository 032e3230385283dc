package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.query.AidQuery.By;
import org.quartermaster.app.store.Store;

/**
 * {@link AidQuery} on the bundled dataset: the latest release by data-through date, sums that never add
 * releases, bases, currencies, units, overlapping categories or measures. The rule itself is checked
 * over random stores in {@link AidTotalsPropertyTest}.
 */
class AidQueryTest {
  private static Store store;

  @BeforeAll
  static void load() {
    store = BundledSample.store();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static QueryResult run(By by, String donor, String category, String measure, String release) {
    return AidQuery.run(store, new AidQuery.Options(by, donor, category, measure, release, null));
  }

  /** Regression: the README's own example added 17 overlapping US records into EUR 934.67 bn. */
  @Test
  void run_byDonorWithoutCategoryAndMeasure_isRefusedNamingBothOptions() {
    assertThatThrownBy(() -> run(By.DONOR, null, null, null, null))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("a sum by donor would add, within one release, several categories")
        .hasMessageContaining("choose one with --category")
        .hasMessageContaining("choose one with --measure");
  }

  /** Regression: US military allocations were EUR 215 bn, five releases summed; Kiel Release 28 says 64.62. */
  @Test
  void run_usMilitaryAllocations_areKielRelease28s64_62() {
    QueryResult result = run(By.DONOR, "United States", "military", "allocation", null);

    assertThat(result.rows()).singleElement().satisfies(row -> {
      assertThat(row.subList(0, 7)).containsExactly("United States", "Kiel UST Release 28", "cumulative", "EUR",
          "billion", 64.62, 1L);
    });
    assertThat(result.vintages()).singleElement().satisfies(v -> assertThat(v.name())
        .isEqualTo("Kiel UST Release 28 (Kiel Institute for the World Economy, data to 2026-02-28)"));
    assertThat(result.sources()).singleElement().satisfies(source -> {
      assertThat(source.publisher()).isEqualTo("Kiel Institute for the World Economy");
      assertThat(source.grade()).isEqualTo(SourceGrade.OFFICIAL);
      assertThat(source.readAt()).contains("github.com/marhip97/ukrainastotte");
      assertThat(source.describe()).contains("Release 28").contains("official");
    });
    assertThat(result.notes()).anySatisfy(note -> assertThat(note).contains("Kiel UST Release 30v2")
        .contains("data-through date is not stated"));
  }

  @Test
  void run_releaseAll_keepsEveryReleaseOnLinesOfItsOwn() {
    QueryResult result = run(By.DONOR, "United States", "military", "allocation", "all");

    List<Object> releases = result.column("release");
    assertThat(releases).doesNotHaveDuplicates().hasSizeGreaterThan(2).contains("Kiel UST Release 28");
    assertThat(result.column("records")).containsOnly(1L);
  }

  @Test
  void run_oneReleaseByName_readsOnlyThatRelease() {
    QueryResult result = run(By.DONOR, "United States", "military", "allocation", "kiel ust release 30v2");

    assertThat(result.rows()).singleElement().satisfies(row -> assertThat(row.subList(0, 6))
        .containsExactly("United States", "Kiel UST Release 30v2", "cumulative", "USD", "billion", 73.645));
  }

  @Test
  void run_unknownRelease_isRefusedListingTheReleases() {
    assertThatThrownBy(() -> run(null, "Germany", null, null, "Release 99"))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("no aid figures of release 'Release 99'")
        .hasMessageContaining("Kiel UST Release 28 (Kiel Institute for the World Economy, data to 2026-02-28)");
  }

  @Test
  void run_byDonorGroup_givesKielsGroupsAndEuropeAgainstTheUnitedStates() {
    QueryResult result = run(By.DONOR_GROUP, null, "military", "allocation", null);

    assertThat(result.column("donor-group")).containsExactly("EU member states", "EU institutions", "other Europe",
        "United States", "others", AidSums.EUROPE);
    double europe = 0;
    for (List<Object> row : result.rows()) {
      if (List.of("EU member states", "EU institutions", "other Europe").contains(row.getFirst())) {
        europe += (Double) row.get(result.columnIndex("amount"));
      }
    }
    assertThat((Double) result.rows().getLast().get(result.columnIndex("amount")))
        .isCloseTo(europe, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(result.column("release")).containsOnly("Kiel UST Release 28");
  }

  @Test
  void run_byCategory_leavesGroupsOfDonorsOutAndSaysSo() {
    QueryResult result = run(By.CATEGORY, null, null, "unspecified", "all");

    assertThat(result.notes()).anySatisfy(note -> assertThat(note)
        .startsWith("Left out of sums across donors, as groups of donors that overlap their members:")
        .contains("Other NATO members and partners (excl. US)"));
  }

  @Test
  void run_withoutBy_listsTheLatestReleasesRecordsWithReleaseAndBasis() {
    QueryResult result = run(null, null, null, null, null);

    assertThat(result.columns()).extracting(Column::name)
        .containsSubsequence("amount", "currency", "unit", "data_through", "release", "basis", "source_grade");
    assertThat(result.column("release")).contains("Kiel UST Release 28").doesNotContain("Kiel UST Release 30v2",
        "Kiel UST update 2024-02 (data to 2024-01-15)");
    assertThat(run(null, null, null, null, "all").rows()).hasSize(BundledSample.AID_ROWS);
  }

  @Test
  void run_periodFigures_areNeverAddedToRunningTotals() {
    QueryResult result = run(By.RELEASE, null, "military", "allocation",
        "Kiel UST update 2024-04-25 (data to 2024-02-29)");

    // Germany's and Sweden's Jan-Feb 2024 windows are not added to the US running total; Europe, a group of
    // donors, is left out of a sum across donors
    assertThat(result.rows()).extracting(row -> row.get(1) + " " + row.get(4) + " " + row.get(5)).containsExactly(
        "period 3.1 2", "cumulative 43.1 1");
  }

  @Test
  void run_minGrade_keepsOnlyFiguresCitedAtThatGradeOrBetter() {
    QueryResult result = AidQuery.run(store, new AidQuery.Options(null, null, null, null, "all", SourceGrade.OFFICIAL));

    assertThat(result.column("source_grade")).isNotEmpty().containsOnly("official");
    assertThat(result.notes()).anySatisfy(note -> assertThat(note).contains("graded official or better"));
  }

  @Test
  void run_donorByIsoCode_matchesTheDonorsCountry() {
    QueryResult result = run(null, "DEU", null, null, "all");

    assertThat(result.column("donor")).isNotEmpty().containsOnly("Germany");
  }
}
