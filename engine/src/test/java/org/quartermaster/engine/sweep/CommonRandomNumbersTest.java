package org.quartermaster.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.result.CellResult;
import org.quartermaster.engine.result.SimulationResult;
import org.quartermaster.engine.scenario.ScenarioReader;
import org.quartermaster.engine.scenario.YamlTree;
import org.quartermaster.engine.simulation.SimulationOptions;
import org.quartermaster.engine.simulation.Sm1Simulator;

/** Run i of every variant uses the stream of (seed, i): what that promises, checked. */
class CommonRandomNumbersTest {
  private static final String METRICS = """
      metrics: [months_to_target_p50, months_to_target_p90, shortfall_probability, expected_unmet_demand,
                {reached_by_month: 20}, {closing_stock: {month: 30, quantiles: [0.05, 0.5, 0.95]}}]
      """;

  @TempDir Path dir;

  @Test
  void twoIdenticalVariants_haveIdenticalMetrics() {
    Sweep sweep = SweepFixtures.sweep(dir, SweepFixtures.RANDOM, """
        runs: 500
        seed: 7
        parameters:
          - {path: "lines[shells].surge_per_month", values: [45, 45]}
        """ + METRICS);
    List<SweepRow> rows = SweepRunner.run(sweep, 2, SweepProgress.NONE);
    int cells = sweep.cellCount();
    for (int c = 0; c < cells; c++) {
      assertThat(rows.get(cells + c).metrics()).isEqualTo(rows.get(c).metrics());
    }
    // and they are not trivially equal: the shells cells have a spread
    assertThat(rows.get(0).metrics()[5]).isLessThan(rows.get(0).metrics()[7]);
  }

  @Test
  void changingOneLinesSurge_leavesTheOtherItemsCellsIdentical_andChangesItsOwn() {
    Sweep sweep = SweepFixtures.sweep(dir, SweepFixtures.RANDOM, """
        runs: 500
        seed: 7
        parameters:
          - {path: "lines[shells].surge_per_month", values: [40, 60, 90]}
        """ + METRICS);
    List<SweepRow> rows = SweepRunner.run(sweep, 3, SweepProgress.NONE);

    List<SweepRow> rockets = SweepFixtures.cell(rows, "USA", "rocket");
    assertThat(rockets).hasSize(3);
    assertThat(rockets.get(1).metrics()).isEqualTo(rockets.get(0).metrics());
    assertThat(rockets.get(2).metrics()).isEqualTo(rockets.get(0).metrics());

    List<SweepRow> shells = SweepFixtures.cell(rows, "USA", "shell");
    // more surge: the median stock at month 30 grows, and (same streams) never falls in any variant
    assertThat(shells.get(1).metrics()[7]).isGreaterThan(shells.get(0).metrics()[7]);
    assertThat(shells.get(2).metrics()[7]).isGreaterThan(shells.get(1).metrics()[7]);
    assertThat(shells.get(2).metrics()[3]).isLessThanOrEqualTo(shells.get(0).metrics()[3]);
  }

  /**
   * A variant equals a plain simulation of the scenario with its values written into the file: same
   * runs, same seed, same numbers to the last bit. This checks the patches (demand rates, transfer
   * quantities, delays) against the validated, compiled-from-scratch path.
   */
  @Test
  void eachVariant_equalsASimulationOfThePatchedScenarioFile() throws Exception {
    Sweep sweep = SweepFixtures.sweep(dir, SweepFixtures.RANDOM, """
        runs: 300
        seed: 11
        design: {type: sobol, points: 4}
        parameters:
          - {path: "lines[*].ramp_delay_months.max", range: {low: 8, high: 14}}
          - {path: "stocks[USA/shell].demand[1].per_month", range: {low: 10, high: 40}}
          - {path: "transfers[0].quantity", range: {low: 50, high: 400}}
          - {path: "stocks[UKR/shell].target", range: {low: 100, high: 300}}
        """ + METRICS);
    List<SweepRow> rows = SweepRunner.run(sweep, 2, SweepProgress.NONE);
    JsonNode base = YamlTree.read(SweepFixtures.RANDOM);
    for (int v = 0; v < sweep.variantCount(); v++) {
      JsonNode tree = base.deepCopy();
      for (int p = 0; p < sweep.parameters().size(); p++) {
        for (ParameterTarget target : sweep.parameters().get(p).targets()) {
          target.write(tree, sweep.value(v, p));
        }
      }
      Scenario scenario = ScenarioReader.validate(tree, "variant " + v);
      SimulationResult result = Sm1Simulator.run(scenario, SimulationOptions.stochastic(300, 11).withThreads(1));
      for (int c = 0; c < result.cells().size(); c++) {
        CellResult cell = result.cells().get(c);
        double[] metrics = rows.get(v * sweep.cellCount() + c).metrics();
        same(metrics[0], cell.monthsToTarget().orElseThrow().p50().orElse(Double.NaN));
        same(metrics[1], cell.monthsToTarget().orElseThrow().p90().orElse(Double.NaN));
        same(metrics[2], cell.shortfall().probabilityAny());
        same(metrics[3], cell.shortfall().expectedTotal());
        same(metrics[4], cell.monthsToTarget().orElseThrow().reachedByMonth()[20]);
        same(metrics[5], cell.closingStock().p5()[30]);
        same(metrics[6], cell.closingStock().p50()[30]);
        same(metrics[7], cell.closingStock().p95()[30]);
      }
    }
  }

  /** Equal to the last bit, NaN (a missing value) equal to NaN. */
  private static void same(double actual, double expected) {
    assertThat(Double.valueOf(actual)).isEqualTo(Double.valueOf(expected));
  }

  @Test
  void results_areIdenticalForAnyThreadCount() {
    Sweep sweep = SweepFixtures.sweep(dir, SweepFixtures.RANDOM, """
        runs: 200
        design: {type: latin-hypercube, points: 7}
        parameters:
          - {path: "lines[rockets].surge_per_month", range: {low: 10, high: 30}}
          - {path: "lines[shells].disruption.probability", distribution: {type: triangular, min: 0, mode: 0.1, max: 0.3}}
        """ + METRICS);
    List<SweepRow> one = SweepRunner.run(sweep, 1, SweepProgress.NONE);
    List<SweepRow> three = SweepRunner.run(sweep, 3, SweepProgress.NONE);
    assertThat(three).hasSameSizeAs(one);
    for (int k = 0; k < one.size(); k++) {
      assertThat(three.get(k).variant()).isEqualTo(one.get(k).variant());
      assertThat(three.get(k).metrics()).isEqualTo(one.get(k).metrics());
      assertThat(three.get(k).parameterValues()).isEqualTo(one.get(k).parameterValues());
    }
  }

  @Test
  void variantRanges_giveTheRowsOfTheWholeSweep() {
    Sweep sweep = SweepFixtures.sweep(dir, SweepFixtures.RANDOM, """
        runs: 100
        design: {type: sobol, points: 9}
        parameters:
          - {path: "lines[rockets].surge_per_month", range: {low: 10, high: 30}}
        """ + METRICS);
    List<SweepRow> whole = SweepRunner.run(sweep, 2, SweepProgress.NONE);
    List<SweepRow> pieces = new java.util.ArrayList<>();
    for (int[] range : new int[][] {{0, 4}, {4, 4}, {4, 8}, {8, 9}}) {
      pieces.addAll(SweepRunner.run(sweep, range[0], range[1], 1, SweepProgress.NONE));
    }
    assertThat(pieces).hasSameSizeAs(whole);
    for (int k = 0; k < whole.size(); k++) {
      assertThat(pieces.get(k).variant()).isEqualTo(whole.get(k).variant());
      assertThat(pieces.get(k).holder() + pieces.get(k).item()).isEqualTo(whole.get(k).holder() + whole.get(k).item());
      assertThat(pieces.get(k).parameterValues()).isEqualTo(whole.get(k).parameterValues());
      assertThat(pieces.get(k).metrics()).isEqualTo(whole.get(k).metrics());
    }
  }

  @Test
  void aRangeOutsideTheSweep_isRefused() {
    Sweep sweep = SweepFixtures.sweep(dir, SweepFixtures.RANDOM, """
        runs: 10
        parameters:
          - {path: "lines[rockets].surge_per_month", values: [10, 20]}
        """);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SweepRunner.run(sweep, 1, 3, 1, SweepProgress.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variants 1..3");
  }

  @Test
  void progress_countsEveryVariantInIncreasingOrder() {
    Sweep sweep = SweepFixtures.sweep(dir, SweepFixtures.RANDOM, """
        runs: 10
        parameters:
          - {path: "lines[rockets].surge_per_month", values: [10, 20, 30, 40, 50]}
        """);
    List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    SweepRunner.run(sweep, 2, (done, total) -> seen.add(done * 100 + total));
    assertThat(seen).containsExactly(105L, 205L, 305L, 405L, 505L);
  }
}
