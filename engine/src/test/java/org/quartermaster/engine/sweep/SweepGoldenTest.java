package org.quartermaster.engine.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps of a scenario without randomness, whose metrics per variant are worked out by hand. */
class SweepGoldenTest {
  @TempDir Path dir;

  @Test
  void surgePerMonth_monthsToTargetIsTargetOverRateRoundedUp() {
    Sweep sweep = SweepFixtures.sweep(dir, SweepFixtures.EXACT, """
        runs: 3
        parameters:
          - {path: "lines[shells].surge_per_month", values: [10, 20, 25, 30, 4]}
        metrics: [months_to_target_p50, months_to_target_p90, {reached_by_month: 5},
                  {closing_stock: {month: 3, quantiles: [0.5]}}]
        cells: [USA/shell]
        """);
    List<SweepRow> rows = SweepRunner.run(sweep, 1, SweepProgress.NONE);

    // the ramp starts at once with no delay and no length, so the line makes surge_per_month from
    // month 0: closing stock after month t is surge × (t + 1); the target 100 is first reached after
    // ceil(100 / surge) months: 10, 5, 4, 4 (30 × 4 = 120), and never within 24 months at 4 a month (96)
    assertThat(rows).extracting(r -> r.metrics()[0]).containsExactly(10.0, 5.0, 4.0, 4.0, Double.NaN);
    assertThat(rows).extracting(r -> r.metrics()[1]).containsExactly(10.0, 5.0, 4.0, 4.0, Double.NaN);
    // reached within 5 months only where ceil(100 / surge) <= 5
    assertThat(rows).extracting(r -> r.metrics()[2]).containsExactly(0.0, 1.0, 1.0, 1.0, 0.0);
    // closing stock at the end of month 3 (the fourth month): 4 × surge
    assertThat(rows).extracting(r -> r.metrics()[3]).containsExactly(40.0, 80.0, 100.0, 120.0, 16.0);
    assertThat(rows).extracting(SweepRow::variant).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void transferQuantityAndInitialStock_patchTheirCellsExactly() {
    Sweep sweep = SweepFixtures.sweep(dir, SweepFixtures.EXACT, """
        runs: 2
        parameters:
          - {path: "transfers[0].quantity", values: [100, 150]}
          - {path: "stocks[UKR/rocket].initial", values: [500, 120]}
        metrics: [months_to_target_p50, {closing_stock: {month: 0, quantiles: [0.05, 0.95]}}]
        cells: [POL/rocket, UKR/rocket]
        """);
    List<SweepRow> rows = SweepRunner.run(sweep, 1, SweepProgress.NONE);

    // month 0: UKR has initial + 5 (its line), then sends min(quantity, that) to POL
    // POL's target 150: reached at once when 150 arrives, else never (POL has no line)
    List<SweepRow> pol = SweepFixtures.cell(rows, "POL", "rocket");
    assertThat(pol).extracting(r -> r.metrics()[0]).containsExactly(Double.NaN, Double.NaN, 1.0, Double.NaN);
    assertThat(pol).extracting(r -> r.metrics()[1]).containsExactly(100.0, 100.0, 150.0, 125.0);
    List<SweepRow> ukr = SweepFixtures.cell(rows, "UKR", "rocket");
    // UKR after month 0: 505 − 100, 125 − 100, 505 − 150, 125 − 125
    assertThat(ukr).extracting(r -> r.metrics()[2]).containsExactly(405.0, 25.0, 355.0, 0.0);
    assertThat(ukr.get(0).metrics()[0]).isNaN(); // no target
    assertThat(rows.get(0).parameterValues()).containsExactly(100.0, 500.0);
    assertThat(rows.get(4).parameterValues()).containsExactly(150.0, 500.0); // two cells per variant
  }

  @Test
  void rampStartMonth_drawnValuesAreRoundedToWholeMonths() {
    Sweep sweep = SweepFixtures.sweep(dir, SweepFixtures.EXACT.replace(
        "surge_per_month: 10, ramp_start_month: 0, ramp_months: 0", "surge_per_month: 50, ramp_start_month: 0,"
            + " ramp_months: 0"), """
        runs: 1
        design: {type: latin-hypercube, points: 8}
        parameters:
          - {path: "lines[shells].ramp_start_month", range: {low: 0, high: 4}}
        metrics: [months_to_target_p50]
        cells: [USA/shell]
        """);
    List<SweepRow> rows = SweepRunner.run(sweep, 1, SweepProgress.NONE);
    for (SweepRow row : rows) {
      double start = row.parameterValues()[0];
      assertThat(start).isEqualTo(Math.rint(start));
      // 10 a month before the start, 50 from it: the smallest n with 10·min(n, s) + 50·max(0, n − s) >= 100
      int months = 1;
      while (10 * Math.min(months, start) + 50 * Math.max(0, months - start) < 100) {
        months++;
      }
      assertThat(row.metrics()[0]).as("start %s", start).isEqualTo(months);
    }
  }
}
