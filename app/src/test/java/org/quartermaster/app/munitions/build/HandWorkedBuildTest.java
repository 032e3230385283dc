package org.quartermaster.app.munitions.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.store.Store;
import org.quartermaster.engine.scenario.ScenarioReader;

/**
 * A small store worked by hand: one producer (USA) of Javelins with a rate history, a target that slipped
 * twice, three contracts and a running total of transfers to Ukraine. Built for USA and UKR from 2025-01
 * over 24 months:
 * <ul>
 *   <li>base: the latest actual rate dated by 2025-01 is 150/month (2024-06, row 3);</li>
 *   <li>surge: the latest target announced by then and due after it is 300/month by 2025-12 (announced
 *       2024-03, row 7): ramp_months = 2025-01 → 2025-12 = 11;</li>
 *   <li>slips: earlier targets at least as high and due earlier: 400/month by 2024-06 (2022-06, row 4),
 *       18 months, and 300/month by 2025-06 (2023-06, row 5), 6 months; 250/month (row 6) is lower and
 *       does not count. Delay: min 0, mode 6 (the most recent), max 18;</li>
 *   <li>shares: the US order of 600 (two rows of one contract, counted once) and Ukraine's 200; the
 *       German-Polish order has no holder among its buyers;</li>
 *   <li>transfers: running totals 1,000 by 2024-10 and 1,500 by 2025-04: 500 in 2025-04, month 3.</li>
 * </ul>
 */
class HandWorkedBuildTest {
  static final String PRODUCTION = SmallStore.PRODUCTION_HEADER
      + "FGM-148 Javelin,Maker,USA,2024-01,120,month,missiles,actual,,https://example.org/a,Rate A,Pub A,press,,\n"
      + "FGM-148 Javelin,Maker,USA,2024-06,150,month,missiles,actual,,https://example.org/b,Rate B,Pub B,press,,\n"
      + "FGM-148 Javelin,Maker,USA,2022-06,400,month,missiles,target,2024-06,https://example.org/c,Plan C,Pub C,press,,\n"
      + "FGM-148 Javelin,Maker,USA,2023-06,300,month,missiles,target,2025-06,https://example.org/d,Plan D,Pub D,press,,\n"
      + "FGM-148 Javelin,Maker,USA,2023-01,250,month,missiles,target,2024-12,https://example.org/e,Plan E,Pub E,press,,\n"
      + "FGM-148 Javelin,Maker,USA,2024-03,300,month,missiles,target,2025-12,https://example.org/f,Plan F,Pub F,press,,\n"
      + "FGM-148 Javelin,US stocks,USA->UKR,2024-10,1000,cumulative,missiles,transferred,,https://example.org/g,"
      + "Total G,Pub G,press,,\n"
      + "FGM-148 Javelin,US stocks,USA->UKR,2025-04,1500,cumulative,missiles,transferred,,https://example.org/h,"
      + "Total H,Pub H,press,,\n";
  static final String CONTRACTS = SmallStore.CONTRACTS_HEADER
      + "US-1,United States,US Army,FGM-148 Javelin,600,,,2024-05-01,Maker,https://example.org/k,Contract K,US Army,"
      + "official,,\n"
      + "US-1,United States,US Army,FGM-148 Javelin,600,90000000,USD,2024-05-01,Maker,https://example.org/k2,"
      + "Contract K copy,Paper,press,,\n"
      + "UA-1,Ukraine,MoD,FGM-148 Javelin,200,,,2024-08-01,Maker,https://example.org/l,Contract L,MoD,official,,\n"
      + "EU-1,Germany; Poland,,FGM-148 Javelin,300,,,2024-09-01,Maker,https://example.org/m,Contract M,Pub M,press,,\n";
  static final BuildRequest REQUEST = new BuildRequest("javelin", List.of("USA", "UKR"), "2025-01", 24, "actual",
      Map.of());

  static Store handWorkedStore(Path dir) {
    Store store = SmallStore.withCountries();
    SmallStore.load(store, dir, "production.csv", PRODUCTION);
    SmallStore.load(store, dir, "contracts.csv", CONTRACTS);
    return store;
  }

  @Test
  void build_handWorkedStore_givesTheHandWorkedValues_eachCitingItsRows(@TempDir Path dir) {
    try (Store store = handWorkedStore(dir)) {
      BuiltScenario built = ScenarioBuild.build(store, Catalogue.bundled(), Countries.standard(), REQUEST);

      ScenarioReader.parse(built.yaml(), "hand-worked");
      String line = "lines[usa-javelin].";
      assertThat(ScenarioNumbers.of(built.yaml())).containsExactly(
          entry("horizon_months", 24.0), entry("runs", 10000.0), entry("seed", 42.0),
          entry(line + "base_per_month", 150.0), entry(line + "surge_per_month", 300.0),
          entry(line + "ramp_start_month", 0.0), entry(line + "ramp_months", 11.0),
          entry(line + "ramp_delay_months.min", 0.0), entry(line + "ramp_delay_months.mode", 6.0),
          entry(line + "ramp_delay_months.max", 18.0),
          entry(line + "disruption.probability", 0.0), entry(line + "disruption.cut", 0.0),
          entry(line + "shares.USA", 600.0), entry(line + "shares.UKR", 200.0),
          entry("stocks[USA/javelin].initial", 0.0), entry("stocks[USA/javelin].demand[0].from", 0.0),
          entry("stocks[USA/javelin].demand[0].per_month", 0.0),
          entry("stocks[UKR/javelin].initial", 0.0), entry("stocks[UKR/javelin].demand[0].from", 0.0),
          entry("stocks[UKR/javelin].demand[0].per_month", 0.0),
          entry("transfers[0].month", 3.0), entry("transfers[0].quantity", 500.0));
      assertThat(rows(built, line + "base_per_month")).containsExactly("d1:r3");
      assertThat(rows(built, line + "surge_per_month")).containsExactly("d1:r7");
      assertThat(rows(built, line + "ramp_months")).containsExactly("d1:r7");
      assertThat(rows(built, line + "ramp_delay_months.mode")).containsExactly("d1:r4", "d1:r5", "d1:r7");
      assertThat(rows(built, line + "shares.USA")).containsExactly("d2:r2", "d2:r3");
      assertThat(rows(built, line + "shares.UKR")).containsExactly("d2:r4");
      assertThat(rows(built, "transfers[0].quantity")).containsExactly("d1:r9", "d1:r8");
      assertThat(built.yaml()).contains("transfers:\n  - from: USA\n    to: UKR\n    item: javelin\n");
      assertThat(built.notes()).anySatisfy(n -> assertThat(n).contains("EU-1", "no buyer among the holders"));
      assertThat(built.assumptions()).extracting(Figure::path).contains("stocks[USA/javelin].initial",
          line + "ramp_delay_months.min", line + "disruption.probability").doesNotContain(line + "base_per_month");
    }
  }

  @Test
  void rebuild_afterANewerRate_changesOnlyTheBase_andCitesTheNewRow(@TempDir Path dir) {
    try (Store store = handWorkedStore(dir)) {
      BuildRequest asked = new BuildRequest("FGM-148 Javelin", List.of("USA", "UKR"), "2025-01", 24, null,
          Map.of("stocks[USA/javelin].initial", "900"));
      String saved = ScenarioBuild.build(store, Catalogue.bundled(), Countries.standard(), asked).yaml();
      SmallStore.load(store, dir, "newer.csv", SmallStore.PRODUCTION_HEADER
          + "FGM-148 Javelin,Maker,USA,2024-12,200,month,missiles,actual,,https://example.org/n,Rate N,Pub N,press,,\n");

      BuildRequest recorded = ScenarioBuild.recorded(saved, "saved");
      BuiltScenario rebuilt = ScenarioBuild.build(store, Catalogue.bundled(), Countries.standard(), recorded);
      List<Rebuild.Change> changes = Rebuild.diff(saved, rebuilt);

      assertThat(recorded).isEqualTo(new BuildRequest("javelin", List.of("USA", "UKR"), "2025-01", 24, "actual",
          Map.of("stocks[USA/javelin].initial", "900")));
      assertThat(changes).singleElement().satisfies(c -> {
        assertThat(c.path()).isEqualTo("lines[usa-javelin].base_per_month");
        assertThat(c.before()).isEqualTo(150.0);
        assertThat(c.after()).isEqualTo(200.0);
        assertThat(c.source()).startsWith("SOURCED:").contains("[d3:r2]", "https://example.org/n");
      });
      assertThat(ScenarioNumbers.of(rebuilt.yaml())).containsEntry("stocks[USA/javelin].initial", 900.0);
      assertThat(Rebuild.diff(rebuilt.yaml(), ScenarioBuild.build(store, Catalogue.bundled(), Countries.standard(),
          recorded))).isEmpty();
    }
  }

  static List<String> rows(BuiltScenario built, String path) {
    return built.figures().stream().filter(f -> f.path().equals(path)).findFirst()
        .map(f -> ((Provenance.Sourced) f.provenance()).rows()).orElseThrow();
  }
}
