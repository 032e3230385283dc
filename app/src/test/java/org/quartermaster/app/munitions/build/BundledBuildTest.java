package org.quartermaster.app.munitions.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.BundledDataset;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.store.Store;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.result.SimulationResult;
import org.quartermaster.engine.scenario.ScenarioReader;
import org.quartermaster.engine.simulation.SimulationOptions;
import org.quartermaster.engine.simulation.Sm1Simulator;

/** Scenarios built from the bundled store, and the requests a build refuses. */
class BundledBuildTest {
  private static Store store;
  static final BuildRequest STINGER = new BuildRequest("stinger", List.of("USA", "UKR"), "2025-01", 60, "actual",
      Map.of());

  @BeforeAll
  static void seed() {
    store = Store.inMemory();
    BundledDataset.seedIfEmpty(store, Countries.standard());
  }

  @AfterAll
  static void close() {
    store.close();
  }

  static BuiltScenario build(BuildRequest request) {
    return ScenarioBuild.build(store, Catalogue.bundled(), Countries.standard(), request);
  }

  @Test
  void stinger_usaUkrFrom2025Over60Months_validatesRuns_andEverySourcedNumberCitesItsRows() {
    BuiltScenario built = build(STINGER);

    Scenario scenario = ScenarioReader.parse(built.yaml(), "stinger");
    SimulationResult result = Sm1Simulator.run(scenario, SimulationOptions.deterministic());
    assertThat(result.cells()).hasSize(2);
    assertThat(scenario.horizonMonths()).isEqualTo(60);
    assertThat(ScenarioNumbers.of(built.yaml())).containsEntry("lines[usa-stinger].base_per_month", 0.0)
        .containsEntry("lines[usa-stinger].shares.USA", 1300.0).containsEntry("stocks[USA/stinger].initial", 0.0)
        .doesNotContainKey("transfers[0].quantity");
    assertThat(HandWorkedBuildTest.rows(built, "lines[usa-stinger].base_per_month")).containsExactly("d3:r24");
    assertThat(HandWorkedBuildTest.rows(built, "lines[usa-stinger].shares.USA")).containsExactly("d4:r11");
    assertThat(built.sourced()).isNotEmpty();
    assertEveryNumberCommented(built);
    assertThat(built.assumptions()).extracting(Figure::path).contains("stocks[USA/stinger].initial",
        "stocks[UKR/stinger].demand[0].per_month");
    assertThat(built.yaml()).contains("# build-parameters: {\"item\":\"stinger\",\"holders\":[\"USA\",\"UKR\"],"
        + "\"start\":\"2025-01\",\"horizon\":60,\"rate_basis\":\"actual\",\"assume\":{}}");
  }

  @Test
  void shell155_from2025_07_startsAtTheChargeSets_rampsToTheSlippedTarget_withTheAnnouncedSlipsAsTheDelay() {
    BuiltScenario built = build(new BuildRequest("155mm shells", List.of("USA", "UKR"), "2025-07", 60, null,
        Map.of("stocks[USA/shell-155].initial", "500000")));

    Map<String, Double> numbers = ScenarioNumbers.of(built.yaml());
    String line = "lines[usa-shell-155].";
    assertThat(numbers).containsEntry(line + "base_per_month", 18000.0).containsEntry(line + "surge_per_month", 100000.0)
        .containsEntry(line + "ramp_months", 8.0).containsEntry(line + "ramp_delay_months.mode", 5.0)
        .containsEntry(line + "ramp_delay_months.max", 5.0).containsEntry("stocks[USA/shell-155].initial", 500000.0);
    assertThat(HandWorkedBuildTest.rows(built, line + "base_per_month")).containsExactly("d3:r15", "d3:r12");
    assertThat(comment(built, line + "base_per_month")).contains("capped by the scarcest component",
        "charge-155 18000/month", "no actual figure of fuze-155 in the store: it may bind too");
    assertThat(comment(built, line + "surge_per_month")).contains("ASSUMPTION: it counts complete rounds");
    assertThat(HandWorkedBuildTest.rows(built, line + "surge_per_month")).containsExactly("d3:r16");
    assertThat(HandWorkedBuildTest.rows(built, line + "ramp_delay_months.max")).containsExactly("d3:r8", "d3:r11",
        "d3:r16");
    assertThat(built.figures()).filteredOn(f -> f.path().equals("stocks[USA/shell-155].initial")).singleElement()
        .satisfies(f -> assertThat(f.provenance().comment()).startsWith("ASSUMPTION:").endsWith("(set by --assume)"));
    assertEveryNumberCommented(built);
    ScenarioReader.parse(built.yaml(), "shell-155");
  }

  @Test
  void badRequest_everyProblemAtOnce_namingFieldValueAndFix() {
    BuildRequest bad = new BuildRequest("stingr", List.of("USA", "Ukraine", "XQZ"), "2025-13", 0, "guess", Map.of());

    assertThatThrownBy(() -> build(bad)).isInstanceOfSatisfying(BuildException.class, e -> {
      assertThat(e.problems()).extracting(BuildProblem::field)
          .containsExactly("item", "holders", "holders", "start", "horizon", "rate_basis");
      assertThat(e.problems().get(0).message()).contains("did you mean").contains("(stinger)");
      assertThat(e.problems().get(1).value()).isEqualTo("Ukraine");
      assertThat(e.problems().get(1).message()).contains("did you mean UKR?");
      assertThat(e.problems().get(3).message()).contains("YYYY-MM");
      assertThat(e.problems().get(4).message()).contains("1 to 600");
    });
    assertThatThrownBy(() -> build(new BuildRequest("stinger", List.of("USA"), "2025-01", 601, null, null)))
        .isInstanceOfSatisfying(BuildException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> assertThat(p.field()).isEqualTo("horizon")));
  }

  @Test
  void assume_unknownPathOrBadValue_isRefusedNamingPathValueAndTheValidPaths() {
    Map<String, String> assume = new LinkedHashMap<>();
    assume.put("stocks[USA/stinger].inital", "2000");
    assume.put("stocks[UKR/stinger].demand[0].per_month", "-4");
    assume.put("lines[usa-stinger].disruption.probability", "1.5");

    assertThatThrownBy(() -> build(new BuildRequest("stinger", List.of("USA", "UKR"), "2025-01", 60, null, assume)))
        .isInstanceOfSatisfying(BuildException.class, e -> {
          assertThat(e.problems()).hasSize(3);
          assertThat(e.problems().get(0).value()).isEqualTo("stocks[USA/stinger].inital=2000");
          assertThat(e.problems().get(0).message()).contains("unknown path 'stocks[USA/stinger].inital'",
              "stocks[USA/stinger].initial, stocks[USA/stinger].target");
          assertThat(e.problems().get(1).message()).contains("-4", "0 or more");
          assertThat(e.problems().get(2).message()).contains("a fraction from 0 to 1");
        });
    assertThatThrownBy(() -> build(new BuildRequest("stinger", List.of("USA"), "2025-01", 60, null,
        Map.of("lines[usa-stinger].ramp_delay_months.min", "9")))).isInstanceOfSatisfying(BuildException.class,
            e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("not valid SM-1",
                "ramp_delay_months")));
  }

  private static String comment(BuiltScenario built, String path) {
    return built.figures().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().provenance().comment();
  }

  /**
   * Every number of the YAML has a comment block right above it that is SOURCED (citing each of its rows
   * as [d<dataset>:r<row>]), ASSUMPTION or SETTING, and the comments match the build's figures one for one.
   */
  static void assertEveryNumberCommented(BuiltScenario built) {
    List<CommentedNumbers> numbers = CommentedNumbers.of(built.yaml());
    assertThat(numbers).hasSize(built.figures().size());
    for (CommentedNumbers n : numbers) {
      assertThat(n.comment()).as("comment of %s: %s", n.key(), n.value()).matches("^(SOURCED|ASSUMPTION|SETTING): .*");
      if (n.comment().startsWith("SOURCED")) {
        assertThat(n.comment()).containsPattern("\\[d\\d+:r\\d+\\] ").contains("http");
      }
    }
    List<String> written = numbers.stream().map(n -> n.comment() + " = " + n.value()).sorted().toList();
    List<String> built_ = built.figures().stream().map(f -> CommentedNumbers.normal(f.provenance().comment()) + " = "
        + Numbers.plain(f.value())).sorted().toList();
    assertThat(written).isEqualTo(built_);
    for (Figure f : built.sourced()) {
      for (String row : ((Provenance.Sourced) f.provenance()).rows()) {
        assertThat(CommentedNumbers.normal(f.provenance().comment())).contains("[" + row + "]");
      }
    }
  }
}
