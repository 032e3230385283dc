package org.quartermaster.engine.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.sweep.SavedScenarioSource;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepProgress;
import org.quartermaster.engine.sweep.SweepReader;

/**
 * Sensitivity analyses through the real sweep runner, on a scenario without randomness whose
 * outputs are worked out by hand: USA's shell stock starts at {@code initial} and its only line makes
 * {@code surge_per_month} from month 0, so its closing stock at the end of month 3 is
 * 4 × surge + initial; POL's rocket stock is what UKR sends it in month 0 and nothing else.
 */
class SensitivityRunnerTest {
  private static final String SCENARIO = """
      name: exact
      horizon_months: 24
      items: [{id: shell}, {id: rocket}]
      holders: [{id: USA}, {id: UKR}, {id: POL}]
      lines:
        - {id: shells, item: shell, base_per_month: 10, surge_per_month: 10, ramp_start_month: 0, ramp_months: 0,
           shares: {USA: 1}}
        - {id: rockets, item: rocket, base_per_month: 5, surge_per_month: 5, ramp_start_month: 0, ramp_months: 0,
           shares: {UKR: 1}}
      stocks:
        - {holder: USA, item: shell, initial: 0, target: 100}
        - {holder: UKR, item: rocket, initial: 500}
        - {holder: POL, item: rocket, initial: 0, target: 150}
      transfers:
        - {from: UKR, to: POL, item: rocket, month: 0, quantity: 100}
      """;
  private static final String METRICS = """
      runs: 2
      design: {type: sobol, points: 1}
      metrics: [{closing_stock: {month: 3, quantiles: [0.5]}}, months_to_target_p50]
      cells: [USA/shell, POL/rocket, UKR/rocket]
      """;

  @TempDir Path dir;

  private Sweep sweep(String parameters) {
    return sweep(SCENARIO, parameters);
  }

  private Sweep sweep(String scenario, String parameters) {
    try {
      Files.writeString(dir.resolve("base.yaml"), scenario);
      Path file = dir.resolve("sweep.yaml");
      Files.writeString(file, "base: base.yaml\n" + METRICS + parameters);
      return SweepReader.read(file, SavedScenarioSource.NONE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Sweep surgeInitialTransfer() {
    return sweep("""
        parameters:
          - {path: "lines[shells].surge_per_month", range: {low: 10, high: 110}}
          - {path: "stocks[USA/shell].initial", range: {low: 0, high: 200}}
          - {path: "transfers[0].quantity", range: {low: 50, high: 100}}
        """);
  }

  @Test
  void tornado_eachParameterAtItsEnds_othersAtBase_rankedBySwing() {
    Sweep sweep = sweep("""
        parameters:
          - {path: "lines[shells].surge_per_month", values: [30, 10, 15]}
          - {path: "stocks[USA/shell].initial", range: {low: 0, high: 200}}
          - {path: "transfers[0].quantity", range: {low: 50, high: 100}}
        """);
    SensitivityOutput usa = SensitivityOutput.of(sweep, "closing_stock_m3_p50", "USA/shell");
    TornadoResult result = SensitivityRunner.tornado(sweep, usa, 2, SweepProgress.NONE);

    // base: surge 10, initial 0 → 4 × 10 + 0 = 40
    assertThat(result.baseOutput()).isEqualTo(40);
    assertThat(result.variants()).isEqualTo(7);
    // initial 0 → 40, 200 → 240 (swing 200); surge 10 → 40, 30 → 120 (80); the transfer cannot reach USA (0)
    assertThat(result.bars()).extracting(TornadoBar::parameter).containsExactly(1, 0, 2);
    assertThat(result.bars()).extracting(TornadoBar::lowValue).containsExactly(0.0, 10.0, 50.0);
    assertThat(result.bars()).extracting(TornadoBar::highValue).containsExactly(200.0, 30.0, 100.0);
    assertThat(result.bars()).extracting(TornadoBar::outputAtLow).containsExactly(40.0, 40.0, 40.0);
    assertThat(result.bars()).extracting(TornadoBar::outputAtHigh).containsExactly(240.0, 120.0, 40.0);
    assertThat(result.bars()).extracting(TornadoBar::swing).containsExactly(200.0, 80.0, 0.0);

    // POL's closing stock is the transfer: 50 or 100 (the base), nothing else moves it
    TornadoResult pol = SensitivityRunner.tornado(sweep, SensitivityOutput.of(sweep, "closing_stock_m3_p50",
        "POL/rocket"), 1, SweepProgress.NONE);
    assertThat(pol.baseOutput()).isEqualTo(100);
    assertThat(pol.bars().get(0).parameter()).isEqualTo(2);
    assertThat(pol.bars()).extracting(TornadoBar::swing).containsExactly(50.0, 0.0, 0.0);
  }

  @Test
  void sobol_additiveOutput_indicesAreTheVarianceShares() {
    Sweep sweep = surgeInitialTransfer();
    SensitivityOutput usa = SensitivityOutput.of(sweep, "closing_stock_m3_p50", "USA/shell");
    SobolResult result = SensitivityRunner.sobol(sweep, usa, 256, 300, 2, SweepProgress.NONE);

    // 4 × surge with surge ~ U(10, 110): variance 400²/12; initial ~ U(0, 200): 200²/12; the transfer: none.
    // Additive, so S1 = ST = 160,000 / 200,000 = 0.8 and 40,000 / 200,000 = 0.2, and 0
    double[] expected = {0.8, 0.2, 0};
    assertThat(result.variants()).isEqualTo(256 * 5);
    assertThat(result.variance()).isCloseTo(200_000.0 / 12, within(200_000.0 / 12 * 0.02));
    for (int i = 0; i < 3; i++) {
      SobolIndex index = result.indices().get(i);
      assertThat(expected[i]).as("S1 %d: %s", i, index).isBetween(index.firstOrderLow(), index.firstOrderHigh());
      assertThat(expected[i]).as("ST %d: %s", i, index).isBetween(index.totalLow(), index.totalHigh());
      assertThat(index.firstOrder()).isCloseTo(expected[i], within(0.03));
      assertThat(index.total()).isCloseTo(expected[i], within(0.03));
    }
    // a parameter that cannot reach the cell: its A_B rows equal A's, so both indices are exactly 0
    assertThat(result.indices().get(2).firstOrder()).isZero();
    assertThat(result.indices().get(2).total()).isZero();
  }

  @Test
  void sobol_outputOfOneParameterOnly_hasAllTheVariance() {
    Sweep sweep = surgeInitialTransfer();
    SobolResult pol = SensitivityRunner.sobol(sweep, SensitivityOutput.of(sweep, "closing_stock_m3_p50",
        "POL/rocket"), 128, 200, 1, SweepProgress.NONE);
    SobolIndex transfer = pol.indices().get(2);
    assertThat(1.0).isBetween(transfer.firstOrderLow(), transfer.firstOrderHigh());
    assertThat(transfer.firstOrder()).isCloseTo(1, within(0.03));
    assertThat(transfer.total()).isCloseTo(1, within(0.03));
    for (int i = 0; i < 2; i++) {
      assertThat(pol.indices().get(i).firstOrder()).isZero();
      assertThat(pol.indices().get(i).total()).isZero();
    }
  }

  @Test
  void morris_linearOutput_muStarIsTheChangeOverEachWholeRange() {
    Sweep sweep = surgeInitialTransfer();
    MorrisResult result = SensitivityRunner.morris(sweep, SensitivityOutput.of(sweep, "closing_stock_m3_p50",
        "USA/shell"), 8, 4, 2, SweepProgress.NONE);
    // 4 × (110 − 10) = 400 across surge's range, 200 across initial's, 0 across the transfer's
    assertThat(result.variants()).isEqualTo(8 * 4);
    assertThat(result.effects()).extracting(ElementaryEffects::muStar)
        .satisfiesExactly(m -> assertThat(m).isCloseTo(400, within(1e-6)), m -> assertThat(m).isCloseTo(200,
            within(1e-6)), m -> assertThat(m).isZero());
    assertThat(result.effects()).extracting(ElementaryEffects::sigma).allSatisfy(s -> assertThat(s).isCloseTo(0,
        within(1e-6)));
  }

  @Test
  void results_doNotDependOnTheThreadCount() {
    Sweep sweep = surgeInitialTransfer();
    SensitivityOutput usa = SensitivityOutput.of(sweep, "closing_stock_m3_p50", "USA/shell");
    assertThat(SensitivityRunner.sobol(sweep, usa, 32, 50, 1, SweepProgress.NONE))
        .isEqualTo(SensitivityRunner.sobol(sweep, usa, 32, 50, 3, SweepProgress.NONE));
  }

  @Test
  void unknownMetricOrCell_namesIt_theClosestAndEveryKnownOne() {
    Sweep sweep = surgeInitialTransfer();
    assertThatThrownBy(() -> SensitivityOutput.of(sweep, "closing_stock_m3_p5", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--metric closing_stock_m3_p5: the sweep keeps no such metric; did you mean"
            + " 'closing_stock_m3_p50'?; its metric columns are closing_stock_m3_p50, months_to_target_p50");
    assertThatThrownBy(() -> SensitivityOutput.of(sweep, null, "USA/shel"))
        .hasMessageContaining("--cell USA/shel: the sweep keeps no such cell; did you mean 'USA/shell'?");
    SensitivityOutput defaults = SensitivityOutput.of(sweep, null, null);
    assertThat(defaults.metric()).isEqualTo("closing_stock_m3_p50");
    assertThat(defaults.cell()).isEqualTo("USA/shell");
  }

  @Test
  void outputMissingInSomeVariants_isRefusedForSobolWithWhatToDo() {
    Sweep sweep = surgeInitialTransfer();
    // UKR/rocket has no target, so months to target is empty in every variant
    SensitivityOutput noTarget = SensitivityOutput.of(sweep, "months_to_target_p50", "UKR/rocket");
    assertThatThrownBy(() -> SensitivityRunner.sobol(sweep, noTarget, 4, 10, 1, SweepProgress.NONE))
        .isInstanceOf(UndefinedOutputException.class)
        .hasMessageContaining("months_to_target_p50 of UKR/rocket is empty in 20 of 20 variants")
        .hasMessageContaining("choose another --metric");
    // a tornado shows it as missing instead
    TornadoResult tornado = SensitivityRunner.tornado(sweep, noTarget, 1, SweepProgress.NONE);
    assertThat(tornado.bars()).allSatisfy(b -> assertThat(b.swing()).isNaN());
  }

  @Test
  void combinationInvalidOnlyTogether_isReportedWithTheSweepFile() {
    // min 3 alone (mode 3) and mode 1 alone (min 0) are valid; min 3 with mode 1 is not
    Sweep sweep = sweep(SCENARIO.replace("shares: {USA: 1}", "ramp_delay_months: {min: 0, mode: 3, max: 6},"
        + " shares: {USA: 1}"), """
        parameters:
          - {path: "lines[shells].ramp_delay_months.min", range: {low: 0, high: 3}}
          - {path: "lines[shells].ramp_delay_months.mode", range: {low: 1, high: 4}}
        """);
    SensitivityOutput usa = SensitivityOutput.of(sweep, null, null);
    assertThatThrownBy(() -> SensitivityRunner.sobol(sweep, usa, 16, 10, 1, SweepProgress.NONE))
        .isInstanceOfSatisfying(InvalidScenarioException.class, e -> {
          assertThat(e.source()).endsWith("sweep.yaml");
          assertThat(e.problems().get(0).toString()).contains("this combination of values makes the base scenario"
              + " invalid");
        });
    // the tornado's variants move one value at a time, each valid alone
    assertThat(SensitivityRunner.tornado(sweep, usa, 1, SweepProgress.NONE).bars()).hasSize(2);
  }

  @Test
  void tooManyVariants_isRefusedBeforeRunning() {
    Sweep sweep = surgeInitialTransfer();
    assertThatThrownBy(() -> SensitivityRunner.sobol(sweep, SensitivityOutput.of(sweep, null, null), 30_000, 10,
        1, SweepProgress.NONE)).hasMessageContaining("--n 30000 with 3 parameters needs 150000 variants, more than"
        + " 100000");
    assertThat(List.of(sweep.low(0), sweep.high(0))).containsExactly(10.0, 110.0);
  }
}
