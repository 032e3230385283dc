package org.quartermaster.engine.optimise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-worked deterministic cases on {@link OptimiseFixtures#SHORT}: 50 of the 100 demanded each
 * month go unserved, 600 over 12 months with no investment.
 */
class OptimiserGoldenTest {
  @TempDir Path dir;

  /**
   * A: a second shift of +30 a month after a fixed lead time of 4 months serves 30 more in months
   * 4..11: 8 × 30 = 240, unmet 360, cost 100. B: +15 a month of surge from month 0: 12 × 15 = 180,
   * unmet 420, cost 80. The budget of 150 allows one: A wins, B is the runner-up, A − B = −60.
   * Frontier in 3 steps: at 0 and 50 nothing fits (600); at 100 and 150, A (360).
   */
  @Test
  void twoOptions_budgetForOne_theLargerReductionWins_andTheFrontierSteps() {
    Optimisation optimisation = OptimiseFixtures.read(dir, OptimiseFixtures.SHORT, """
        budget: {amount: 150, currency: USD}
        mode: deterministic
        frontier_steps: 3
        objective: {minimise: expected_unmet_demand}
        options:
          - {id: A, name: second shift, cost: {amount: 100, assumption: hand-worked},
             effects: [{second_shift: {line: plant, surge_per_month: 30, lead_time_months: {min: 4, mode: 4, max: 4}}}]}
          - {id: B, name: more surge, cost: {amount: 80, source: hand-worked},
             effects: [{add: {path: "lines[plant].surge_per_month", amount: 15}}]}
        """);

    OptimisationReport report = Optimiser.run(optimisation, 1);

    assertThat(report.chosen()).isEqualTo(new OptimisationReport.Portfolio(List.of("A"), 100, 360));
    assertThat(report.runnerUp()).isEqualTo(new OptimisationReport.Portfolio(List.of("B"), 80, 420));
    assertThat(report.difference()).isEqualTo(new OptimisationReport.Difference(-60, -60, -60, 1));
    assertThat(report.frontier()).containsExactly(
        new OptimisationReport.FrontierLevel(0, new OptimisationReport.Portfolio(List.of(), 0, 600)),
        new OptimisationReport.FrontierLevel(50, new OptimisationReport.Portfolio(List.of(), 0, 600)),
        new OptimisationReport.FrontierLevel(100, new OptimisationReport.Portfolio(List.of("A"), 100, 360)),
        new OptimisationReport.FrontierLevel(150, new OptimisationReport.Portfolio(List.of("A"), 100, 360)));
    assertThat(report.method()).startsWith("enumeration");
    assertThat(report.evaluations()).isEqualTo(3); // {}, {A}, {B}; {A, B} is over budget
    assertThat(report.options().get(0).effects().get(0))
        .isEqualTo("second shift on plant: +30 per month after a lead time of 4/4/4 months (min/mode/max),"
            + " ramping over 0 months (line plant.A)");
    assertThat(report.options().get(1).costBasis()).isEqualTo("source: hand-worked");
  }

  /**
   * A contract delivering 100 in month 2 and 150 in month 5 from a supplier (SUP, not in the base)
   * serves 250 more: each delivery is used up within three months (unmet 350), at a cost of 90. With
   * the shift above (cost 100) from month 4 supply is 80 a month, so the 150 of month 5 is drawn
   * down by 20 a month and 10 is left at the end: unmet 50 + 50 (months 0, 1) + 20 (month 4) = 120
   * for 190 within a budget of 200. Put in one group, only one may be chosen: the contract (350)
   * beats the shift (360).
   */
  @Test
  void deliveriesAndGroups_areHandWorked() {
    String options = """
        budget: {amount: 200, currency: USD}
        mode: deterministic
        objective: {minimise: expected_unmet_demand, cells: [USA/shell]}
        options:
          - {id: A, name: second shift, group: G1, cost: {amount: 100, assumption: hand-worked},
             effects: [{second_shift: {line: plant, surge_per_month: 30, lead_time_months: {min: 4, mode: 4, max: 4}}}]}
          - {id: C, name: contract, group: GROUP, cost: {amount: 90, assumption: hand-worked},
             effects: [{deliveries: {from: SUP, to: USA, item: shell, schedule: [{month: 2, quantity: 100},
                       {month: 5, quantity: 150}]}}]}
        """;
    OptimisationReport apart = Optimiser.run(OptimiseFixtures.read(dir, OptimiseFixtures.SHORT,
        options.replace("GROUP", "G2")), 1);
    assertThat(apart.chosen()).isEqualTo(new OptimisationReport.Portfolio(List.of("A", "C"), 190, 120));
    assertThat(apart.runnerUp()).isEqualTo(new OptimisationReport.Portfolio(List.of("C"), 90, 350));

    OptimisationReport together = Optimiser.run(OptimiseFixtures.read(dir, OptimiseFixtures.SHORT,
        options.replace("GROUP", "G1")), 1);
    assertThat(together.chosen()).isEqualTo(new OptimisationReport.Portfolio(List.of("C"), 90, 350));
    assertThat(together.runnerUp()).isEqualTo(new OptimisationReport.Portfolio(List.of("A"), 100, 360));
  }

  /**
   * Months to target P50 (target 200): with A alone stock never builds (supply 80 < demand 100), so
   * not reached within 12 months: counted as 13. A surge of +60 from month 0 gives 110 a month, 10
   * more than demand: 200 after 20 months, beyond the horizon too; +100 gives 150, 50 a month: 4.
   */
  @Test
  void monthsToTarget_countsNotReachedAsHorizonPlusOne() {
    OptimisationReport report = Optimiser.run(OptimiseFixtures.read(dir, OptimiseFixtures.SHORT, """
        budget: {amount: 100, currency: USD}
        mode: deterministic
        objective: {minimise: months_to_target_p50}
        options:
          - {id: small, name: small, group: g, cost: {amount: 50, assumption: x},
             effects: [{add: {path: "lines[plant].surge_per_month", amount: 60}}]}
          - {id: big, name: big, group: g, cost: {amount: 100, assumption: x},
             effects: [{add: {path: "lines[plant].surge_per_month", amount: 100}}]}
        """), 1);
    assertThat(report.chosen()).isEqualTo(new OptimisationReport.Portfolio(List.of("big"), 100, 4));
    assertThat(report.runnerUp()).isEqualTo(new OptimisationReport.Portfolio(List.of(), 0, 13));
  }

  /**
   * {@code lines[*]} in an add means the base's lines only: +15 on the base line (65) and a new line
   * of 30 give 95 a month, 5 short: 60 unmet over 12 months (not 0, as if the new line got +15 too).
   */
  @Test
  void addToEveryLine_leavesTheOptionsOwnLinesAlone() {
    OptimisationReport report = Optimiser.run(OptimiseFixtures.read(dir, OptimiseFixtures.SHORT, """
        budget: {amount: 100, currency: USD}
        mode: deterministic
        objective: {minimise: expected_unmet_demand}
        options:
          - id: line
            name: new line
            cost: {amount: 50, assumption: x}
            effects: [{line: {id: plant-2, item: shell, base_per_month: 30, surge_per_month: 30, ramp_start_month: 0,
                              ramp_months: 0, shares: {USA: 1}}}]
          - {id: all, name: every line, cost: {amount: 50, assumption: x},
             effects: [{add: {path: "lines[*].surge_per_month", amount: 15}}]}
        """), 1);
    assertThat(report.chosen()).isEqualTo(new OptimisationReport.Portfolio(List.of("line", "all"), 100, 60));
    assertThat(report.runnerUp()).isEqualTo(new OptimisationReport.Portfolio(List.of("line"), 50, 240));
  }
}
