package org.quartermaster.app.munitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.BundledDataset;
import org.quartermaster.app.query.QueryException;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;

/** The chain read from the bundled store. */
class ChainReportTest {
  private static Store store;
  private static final ChainReport.Options TO_2022 = new ChainReport.Options(null, 2022, null, Interpolation.STEP, true);

  @BeforeAll
  static void seed() {
    store = Store.inMemory();
    BundledDataset.seedIfEmpty(store, Countries.standard());
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void javelin_to2022_yearsToReplaceOnTheCsisBasisIsSeven_withItsRowsNamed() {
    QueryResult years = ChainReport.run(store, Catalogue.bundled(), "FGM-148 Javelin", TO_2022).get(1);

    List<Object> csis = years.rows().stream().filter(r -> "delivered, cumulative".equals(r.get(1))
        && "actual".equals(r.get(years.columnIndex("rate_basis")))).findFirst().orElseThrow();
    assertThat(csis.get(years.columnIndex("quantity"))).isEqualTo(7000.0);
    assertThat(csis.get(years.columnIndex("rate"))).isEqualTo(1000.0);
    assertThat(csis.get(years.columnIndex("years_min"))).isEqualTo(7.0);
    assertThat((String) csis.get(years.columnIndex("quantity_rows"))).matches("d\\d+:r77");
    assertThat((String) csis.get(years.columnIndex("rate_rows"))).matches("d\\d+:r32");
    assertThat(years.column("years_min")).hasSize(9);
    assertThat(years.sources()).isNotEmpty();
  }

  @Test
  void shell155_components_bindAtTheChargeSets() {
    List<QueryResult> results = ChainReport.run(store, Catalogue.bundled(), "155mm shells", TO_2022_2024());
    QueryResult binding = results.get(2);
    List<Object> binds = binding.rows().stream().filter(r -> "binds".equals(r.get(binding.columnIndex("binding"))))
        .findFirst().orElseThrow();
    assertThat(binds.get(binding.columnIndex("component"))).isEqualTo("charge-155");
    assertThat(binds.get(binding.columnIndex("rounds"))).isEqualTo(216000.0);
    assertThat(binding.column("binding")).contains("no figure");
  }

  private static ChainReport.Options TO_2022_2024() {
    return new ChainReport.Options(2022, 2024, null, Interpolation.STEP, true);
  }

  /**
   * Issue 11: Russia beside the other producers of 155 mm rounds. The store has no Russian figure of 155, 152 or
   * 122 mm rounds, only all-calibre estimates: those are listed as what they are and never compared or added.
   */
  @Test
  void sideBySide_russiaAndShell155_showsTheOthersWithGradesAndListsTheAllCalibreEstimatesApart() {
    Catalogue catalogue = Catalogue.bundled();
    QueryResult table = ChainReport.sideBySide(store, catalogue, ChainReport.munition(catalogue, "shell-155"),
        List.of(ChainReport.munition(catalogue, "shell-152")), "RUS", TO_2022_2024());

    assertThat(table.title()).startsWith("RUS beside the other producers: 155 mm artillery round (complete) and 152 mm"
        + " artillery round (complete), actual production a year, 2022–2024, in rounds");
    assertThat(table.column("side")).containsOnly("others");
    assertThat(table.column("basis")).containsOnly("actual");
    assertThat(table.column("grade")).allSatisfy(g -> assertThat((String) g).isNotBlank());
    assertThat(table.column("calibre")).containsOnly("155 mm");
    assertThat(table.notes()).contains("RUS: no figure of 155 mm artillery round (complete) (shell-155) at the actual"
        + " basis in the store.", "RUS: no figure of 152 mm artillery round (complete) (shell-152) at the actual basis"
        + " in the store.");
    assertThat(table.notes()).anyMatch(n -> n.matches("not compared: d\\d+:r63 RUS 'artillery munitions \\(all"
        + " calibres\\)', 250000 rounds per month .*: All calibres together: no single munition"));
    assertThat(table.sources()).isNotEmpty();
  }

  @Test
  void sideBySide_withAMunitionInAnotherUnit_isRefusedSayingBothUnits() {
    Catalogue catalogue = Catalogue.bundled();
    assertThatThrownBy(() -> ChainReport.sideBySide(store, catalogue, ChainReport.munition(catalogue, "shell-155"),
        List.of(ChainReport.munition(catalogue, "charge-155")), "RUS", TO_2022_2024()))
        .isInstanceOf(QueryException.class)
        .hasMessage("shell-155 counts rounds, charge-155 counts charge sets: not set side by side (figures in different"
            + " units are never compared); give a munition counted in rounds (qm items lists each munition's unit)");
  }

  /** A country whose figures are at another basis only: the message says which, and that bases are not mixed. */
  @Test
  void sideBySide_countryWithFiguresAtAnotherBasisOnly_saysWhichBasisToAskFor() {
    Catalogue catalogue = Catalogue.bundled();
    QueryResult table = ChainReport.sideBySide(store, catalogue, ChainReport.munition(catalogue, "shell-155"),
        List.of(), "DEU", new ChainReport.Options(2025, 2025, RateBasis.ACTUAL, Interpolation.STEP, true));

    assertThat(table.notes()).anyMatch(n -> n.startsWith("DEU: no figure of 155 mm artillery round (complete)"
        + " (shell-155) at the actual basis in the store; it has figures at another basis: target (")
        && n.endsWith("Bases are never mixed: give --rate-basis to compare at that basis."));
  }

  @Test
  void unresolvedOrUnknownItem_isRefusedWithWhyOrTheClosestName() {
    assertThatThrownBy(() -> ChainReport.run(store, Catalogue.bundled(), "artillery shells (all calibres)", TO_2022))
        .isInstanceOf(QueryException.class).hasMessageContaining("names no single munition");
    assertThatThrownBy(() -> ChainReport.run(store, Catalogue.bundled(), "javelins", TO_2022))
        .isInstanceOf(QueryException.class).hasMessageContaining("did you mean").hasMessageContaining("(javelin)");
  }
}
