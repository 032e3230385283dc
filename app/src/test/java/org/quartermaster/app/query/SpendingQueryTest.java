package org.quartermaster.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartermaster.app.store.Store;

/** {@link SpendingQuery} on the bundled NATO figures: the published facts, the vintage rule, the gap. */
class SpendingQueryTest {
  private static final List<String> MEETING_2024 = List.of("ALB", "BGR", "CZE", "DNK", "EST", "FIN", "FRA", "DEU",
      "GRC", "HUN", "LVA", "LTU", "MNE", "NLD", "MKD", "NOR", "POL", "ROU", "SVK", "SWE", "TUR", "GBR", "USA");
  private static final List<String> BELOW_2024 = List.of("BEL", "CAN", "HRV", "ITA", "LUX", "PRT", "SVN", "ESP");

  private static Store store;

  @BeforeAll
  static void load() {
    store = BundledSample.store();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static QueryResult spending(Integer year, String country, Double threshold, String source, String vintage) {
    return SpendingQuery.run(store, new SpendingQuery.Options(year, country, threshold, source, vintage));
  }

  private static Map<String, String> meetsByIso3(QueryResult result) {
    Map<String, String> meets = new TreeMap<>();
    for (List<Object> row : result.rows()) {
      meets.put((String) row.get(result.columnIndex("iso3")), (String) row.get(result.columnIndex("meets")));
    }
    return meets;
  }

  private static List<String> iso3Where(Map<String, String> meets, String value) {
    List<String> iso3 = new ArrayList<>();
    meets.forEach((code, meetsValue) -> {
      if (meetsValue.equals(value)) {
        iso3.add(code);
      }
    });
    return iso3;
  }

  @Test
  void run_june2024VintageTwoPercentNato_shows31AlliesWith23Meeting() {
    QueryResult result = spending(2024, null, 2.0, "nato", "2024-06");

    Map<String, String> meets = meetsByIso3(result);
    assertThat(result.rows()).hasSize(32);
    assertThat(iso3Where(meets, "yes")).containsExactlyInAnyOrderElementsOf(MEETING_2024).hasSize(23);
    assertThat(iso3Where(meets, "no")).containsExactlyInAnyOrderElementsOf(BELOW_2024);
    assertThat(iso3Where(meets, "no figure")).containsExactly("ISL");
    assertThat(result.notes()).anySatisfy(note -> assertThat(note)
        .isEqualTo("2024: 23 of 31 allies with a figure meet 2% of GDP (release nato 2024-06; allies: the NATO members"
            + " on 2024-12-31, 32 in all)."));
    assertThat(result.notes()).contains("2024: counted from one release, nato 2024-06 (NATO Defence Expenditure of"
        + " NATO Countries (2014-2024), June 2024 release), as asked for.");
    assertThat(result.title()).endsWith("; release nato 2024-06");
    assertThat(result.notes()).anySatisfy(note -> assertThat(note)
        .contains("no figure, so not counted as failing: Iceland (Iceland has no armed forces"));
    assertThat(result.vintages()).singleElement().satisfies(v -> {
      assertThat(v.month()).isEqualTo("2024-06");
      assertThat(v.name()).contains("June 2024 release");
      assertThat(v.rows()).isEqualTo(32);
    });
    assertThat(result.sources()).extracting(Source::url).containsExactly(
        "https://www.nato.int/nato_static_fl2014/assets/pdf/2024/6/pdf/240617-def-exp-2024-en.pdf");
  }

  @Test
  void run_icelandWithThreshold_isNoFigureWithoutGapNotFailing() {
    QueryResult result = spending(2024, "Iceland", 2.0, "nato", "2024-06");

    assertThat(result.rows()).singleElement().satisfies(row -> {
      assertThat(row.get(result.columnIndex("pct_gdp"))).isNull();
      assertThat(row.get(result.columnIndex("meets"))).isEqualTo("no figure");
      assertThat(row.get(result.columnIndex("gap_pct"))).isNull();
    });
  }

  @Test
  void run_threshold_gapIsTheShortfallInPercentagePointsAndZeroWhenMet() {
    QueryResult result = spending(2024, null, 2.0, "nato", "2024-06");

    Map<String, Object> gaps = new TreeMap<>();
    result.rows().forEach(row -> gaps.put((String) row.get(1), row.get(result.columnIndex("gap_pct"))));
    assertThat(gaps).containsEntry("BEL", 0.70).containsEntry("CAN", 0.63).containsEntry("HRV", 0.19)
        .containsEntry("ITA", 0.51).containsEntry("LUX", 0.71).containsEntry("PRT", 0.45)
        .containsEntry("SVN", 0.71).containsEntry("ESP", 0.72)
        .containsEntry("SVK", 0.0).containsEntry("POL", 0.0);
    assertThat(result.columns().get(result.columnIndex("gap_pct")).unit()).isEqualTo("pp of GDP");
  }

  @Test
  void run_threeAndAHalfPercent_countsOnlyThoseAtOrAboveIt() {
    QueryResult result = spending(2024, null, 3.5, "nato", "2024-06");

    assertThat(iso3Where(meetsByIso3(result), "yes")).containsExactly("POL");
    assertThat(result.notes()).anySatisfy(note -> assertThat(note).startsWith("2024: 1 of 31 allies"));
  }

  @Test
  void run_polandWithoutVintage_showsTheLatestAndSaysSo() {
    QueryResult result = spending(2023, "POL", null, null, null);

    assertThat(result.rows()).singleElement().satisfies(row -> {
      assertThat(row.get(result.columnIndex("pct_gdp"))).isEqualTo(3.26);
      assertThat(row.get(result.columnIndex("vintage_month"))).isEqualTo("2024-06");
    });
    assertThat(result.notes()).contains(
        "Poland 2023: 3.26 from vintage 2024-06 (the latest of 3); other vintages: 2024-03 gives 3.92,"
            + " 2023-07 gives 3.90.");
    assertThat(result.notes().getFirst()).contains("latest vintage");
  }

  @ParameterizedTest
  @CsvSource({"2023-07, 3.90", "2024-03, 3.92", "2024-06, 3.26"})
  void run_polandWithEachVintage_showsThatVintagesFigure(String vintage, double pctGdp) {
    QueryResult result = spending(2023, "Poland", null, "nato", vintage);

    assertThat(result.column("pct_gdp")).containsExactly(pctGdp);
    assertThat(result.column("vintage_month")).containsExactly(vintage);
    assertThat(result.vintages()).extracting(VintageUsed::month).containsExactly(vintage);
    assertThat(result.notes().getFirst()).isEqualTo("Vintage " + vintage + " only, as asked for.");
  }

  @Test
  void run_everyVintage_showsEachReleasesFigureAsItsOwnRow() {
    QueryResult result = spending(2023, "POL", null, "nato", SpendingQuery.ALL_VINTAGES);

    assertThat(result.column("vintage_month")).containsExactly("2023-07", "2024-03", "2024-06");
    assertThat(result.column("pct_gdp")).containsExactly(3.90, 3.92, 3.26);
    assertThat(result.vintages()).extracting(VintageUsed::month).containsExactly("2023-07", "2024-03", "2024-06");
    assertThat(result.title()).endsWith("; every vintage");
    assertThat(result.notes().getFirst()).startsWith("Every vintage, as asked for");
  }

  @Test
  void run_everyVintage_hasOneRowPerFigureInTheStore() {
    QueryResult result = spending(null, null, null, null, SpendingQuery.ALL_VINTAGES);

    long inStore = store.read(connection -> {
      try (var statement = connection.createStatement();
          var rows = statement.executeQuery("SELECT count(*) FROM defence_spending")) {
        rows.next();
        return rows.getLong(1);
      }
    });
    assertThat((long) result.rows().size()).isEqualTo(inStore);
  }

  @Test
  void run_everyVintageWithAThreshold_isRefusedBecauseItWouldCountAlliesTwice() {
    assertThatThrownBy(() -> spending(2024, null, 2.0, "nato", SpendingQuery.ALL_VINTAGES))
        .isInstanceOf(QueryException.class).hasMessageContaining("cannot count who meets a guideline");
  }

  @Test
  void run_noVintage_everyFigureIsFromTheLatestVintageCoveringIt() {
    QueryResult result = spending(null, null, null, "nato", null);

    Map<String, String> latest = store.read(connection -> {
      Map<String, String> months = new TreeMap<>();
      try (var statement = connection.createStatement(); var rows = statement.executeQuery(
          "SELECT iso3 || ' ' || year, max(vintage_month) FROM defence_spending GROUP BY ALL")) {
        while (rows.next()) {
          months.put(rows.getString(1), rows.getString(2));
        }
      }
      return months;
    });
    Map<String, String> shown = new TreeMap<>();
    result.rows().forEach(row -> shown.put(row.get(1) + " " + row.get(2), (String) row.get(
        result.columnIndex("vintage_month"))));
    assertThat(shown).isEqualTo(latest);
    assertThat(result.vintages().size()).isGreaterThan(1);
  }

  @Test
  void run_allyMissingFromTheVintage_isReportedAsNoFigure() {
    try (Store partial = BundledSample.store()) {
      partial.write(connection -> {
        try (var statement = connection.createStatement()) {
          return statement.executeUpdate("DELETE FROM defence_spending_rows WHERE iso3 = 'BEL' AND year = 2024");
        }
      });

      QueryResult result = SpendingQuery.run(partial, new SpendingQuery.Options(2024, null, 2.0, "nato", "2024-06"));

      assertThat(result.rows()).hasSize(32);
      assertThat(iso3Where(meetsByIso3(result), "no figure")).containsExactly("BEL", "ISL");
      assertThat(result.notes()).anySatisfy(note -> assertThat(note).startsWith("2024: 23 of 30 allies"));
    }
  }

  @Test
  void run_countWithoutVintage_usesOneReleaseTheLatestCoveringTheYearAndNamesIt() {
    QueryResult result = spending(2024, null, 2.0, "nato", null);

    assertThat(new java.util.HashSet<>(result.column("vintage_month"))).containsExactly("2025-04");
    assertThat(result.vintages()).extracting(VintageUsed::month).containsExactly("2025-04");
    assertThat(result.rows()).hasSize(32);
    assertThat(result.column("iso3")).doesNotHaveDuplicates();
    assertThat(result.notes()).anySatisfy(note -> assertThat(note).startsWith(
        "2024: counted from one release, nato 2025-04 (NATO SG Annual Report 2024 (published April 2025)), the"
            + " latest release of nato that covers 2024: figures for 30 countries, at least half as many as the"
            + " fullest release (31)"));
    assertThat(result.notes()).contains("2024: 22 of 30 allies with a figure meet 2% of GDP (release nato 2025-04;"
        + " allies: the NATO members on 2024-12-31, 32 in all).");
    assertThat(result.title()).endsWith("; release nato 2025-04");
  }

  @Test
  void run_countWhereTheReleaseLacksAnAlly_showsNoFigureRatherThanAnotherReleasesFigure() {
    QueryResult result = spending(2024, null, 2.0, "nato", null);

    Map<String, String> meets = meetsByIso3(result);
    assertThat(iso3Where(meets, "no figure")).containsExactlyInAnyOrder("HRV", "ISL");
    assertThat(result.notes()).anySatisfy(note -> assertThat(note)
        .contains("Croatia (no figure for this ally in release nato 2025-04)"));
  }

  @Test
  void run_countWithoutSourceWhenTheStoreAlsoHoldsSipri_countsNatoAlliesEachOnce() {
    try (Store both = BundledSample.store()) {
      SpendingFixtures.add(both, 90, List.of(
          new SpendingFixtures.Figure("sipri", null, "BEL", 2024, 1.3),
          new SpendingFixtures.Figure("sipri", null, "CAN", 2024, 1.4),
          new SpendingFixtures.Figure("sipri", null, "DEU", 2024, 1.9),
          new SpendingFixtures.Figure("sipri", null, "AUT", 2024, 0.8),
          new SpendingFixtures.Figure("sipri", null, "CHE", 2024, 0.7)));

      QueryResult result = SpendingQuery.run(both, new SpendingQuery.Options(2024, null, 2.0, null, null));

      assertThat(result.column("iso3")).doesNotHaveDuplicates().hasSize(32).doesNotContain("AUT", "CHE");
      assertThat(new java.util.HashSet<>(result.column("source"))).containsExactly("nato");
      assertThat(meetsByIso3(result)).containsEntry("DEU", "yes");
      assertThat(result.notes()).anySatisfy(note -> assertThat(note).startsWith("Source nato, the default for a"
          + " count").contains("the store also holds sipri"));
    }
  }

  @Test
  void run_countOfTwoSources_isRefusedNamingSource() {
    assertThatThrownBy(() -> spending(2024, null, 2.0, "nato,sipri", null))
        .isInstanceOf(QueryException.class)
        .hasMessageStartingWith("a guideline count uses one source, so it cannot count nato and sipri together")
        .hasMessageContaining("choose one with --source");
  }

  @Test
  void run_count2021_alliesAreTheMembersOn31December() {
    QueryResult result = spending(2021, null, 2.0, "nato", null);

    assertThat(result.rows()).hasSize(30);
    assertThat(result.column("iso3")).doesNotContain("FIN", "SWE");
    assertThat(iso3Where(meetsByIso3(result), "yes")).hasSize(6);
    assertThat(result.notes()).contains("2021: 6 of 29 allies with a figure meet 2% of GDP (release nato 2024-06;"
        + " allies: the NATO members on 2021-12-31, 30 in all).");
    assertThat(result.notes()).anySatisfy(note -> assertThat(note)
        .startsWith("Left out, not NATO members on 31 December of the figure's year: Finland 2021, Sweden 2021"));
  }

  @Test
  void run_sipriLimitedToAllies_keepsTheAlliesOfTheYearOnly() {
    try (Store both = BundledSample.store()) {
      SpendingFixtures.add(both, 90, List.of(
          new SpendingFixtures.Figure("sipri", null, "POL", 2021, 2.2),
          new SpendingFixtures.Figure("sipri", null, "FIN", 2021, 1.3),
          new SpendingFixtures.Figure("sipri", null, "AUT", 2021, 0.7),
          new SpendingFixtures.Figure("sipri", null, "FIN", 2024, 2.3)));

      QueryResult counted = SpendingQuery.run(both, new SpendingQuery.Options(2021, null, 2.0, "sipri", null, true));
      QueryResult listed = SpendingQuery.run(both, new SpendingQuery.Options(null, null, null, "sipri", null, true));

      assertThat(iso3Where(meetsByIso3(counted), "yes")).containsExactly("POL");
      assertThat(counted.column("iso3")).hasSize(30).doesNotContain("FIN", "AUT");
      assertThat(counted.notes()).anySatisfy(note -> assertThat(note).startsWith("2021: 1 of 1 allies with a"
          + " figure meet 2% of GDP (release sipri (no release month); allies: the NATO members on 2021-12-31, 30"));
      assertThat(listed.rows()).extracting(row -> row.get(1) + " " + row.get(2))
          .containsExactly("POL 2021", "FIN 2024");
    }
  }

  @Test
  void run_countOfANonAlly_isEmptyAndSaysWhy() {
    QueryResult result = spending(2021, "FIN", 2.0, "nato", null);

    assertThat(result.rows()).isEmpty();
    assertThat(result.notes()).contains("Finland is not a NATO ally in the years counted, so a count of allies"
        + " leaves it out; its figures from another source: --source without --allies.");
  }

  @Test
  void run_countWithAVintageLackingTheYear_throwsNamingTheReleasesThatHaveIt() {
    assertThatThrownBy(() -> spending(2025, null, 2.0, "nato", "2024-06"))
        .isInstanceOf(QueryException.class)
        .hasMessage("release 2024-06 of source 'nato' has no figures for 2025; releases with figures for 2025:"
            + " 2026-03, 2025-08");
  }

  @Test
  void run_unknownVintage_throwsListingTheVintagesInTheStore() {
    assertThatThrownBy(() -> spending(2024, null, null, "nato", "2024-05"))
        .isInstanceOf(QueryException.class)
        .hasMessage("no spending figures of vintage 2024-05 from source 'nato'; vintages in the store: 2018-06,"
            + " 2023-03, 2023-07, 2024-03, 2024-06, 2025-04, 2025-08, 2026-03");
  }

  @Test
  void run_badVintageSourceCountryOrThreshold_throwsSayingWhatIsWrong() {
    assertThatThrownBy(() -> spending(null, null, null, null, "June 2024")).hasMessageContaining("YYYY-MM");
    assertThatThrownBy(() -> spending(null, null, null, "sipri", null))
        .hasMessage("no spending figures from source 'sipri'; sources in the store: nato");
    assertThatThrownBy(() -> spending(null, "Polnd", null, null, null)).hasMessageContaining("did you mean Poland?");
    assertThatThrownBy(() -> spending(null, null, -2.0, null, null)).isInstanceOf(QueryException.class);
  }
}
