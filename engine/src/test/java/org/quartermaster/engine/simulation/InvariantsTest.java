package org.quartermaster.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.OptionalDouble;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartermaster.engine.model.ProductionLine;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.model.Transfer;
import org.quartermaster.engine.result.CellResult;
import org.quartermaster.engine.result.ClosingStock;
import org.quartermaster.engine.result.Mode;
import org.quartermaster.engine.result.MonthsToTarget;
import org.quartermaster.engine.result.SimulationResult;
import org.quartermaster.engine.scenario.ScenarioReader;

/**
 * Properties every SM-1 result has, checked on 100 random scenarios in stochastic mode with the
 * engine's check mode on (stock ≥ 0 and each cell's monthly balance, run by run): quantiles ordered,
 * stocks non-negative, probabilities in [0, 1], and months_to_target's nulls exactly where type 7
 * needs a censored run.
 */
class InvariantsTest {
  private static final int RUNS = 300;

  static LongStream seeds() {
    return LongStream.range(2_000, 2_100);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void run_randomScenarioInCheckMode_keepsEveryInvariant(long seed) {
    Scenario scenario = RandomScenarios.generate(seed);
    String yaml = RandomScenarios.toYaml(scenario);
    SimulationOptions options =
        SimulationOptions.stochastic(RUNS, seed).withThreads(1 + (int) (seed % 2)).withCheck(true);

    SimulationResult result;
    try {
      result = Sm1Simulator.run(scenario, options);
    } catch (InvariantViolationException e) {
      throw new AssertionError("check mode found a broken invariant on\n" + yaml, e);
    }

    assertResultInvariants(scenario, result, yaml);
  }

  @Test
  void run_demandOfABillionPerMonth_runsInStochasticMode() {
    // The largest rate the validator accepts (draws are ints); above a table's size the engine samples
    // with Commons RNG's exact large-mean sampler.
    Scenario scenario = ScenarioReader.parse("""
        horizon_months: 2
        items: [{id: rounds-5.56}]
        holders: [{id: NSPA}]
        stocks: [{holder: NSPA, item: rounds-5.56, initial: 5000000000, demand: [{from: 0, per_month: 1000000000}]}]
        """, "huge-demand");

    assertThatCode(() -> Sm1Simulator.run(scenario, SimulationOptions.stochastic(10, 1).withThreads(1)))
        .as("a valid scenario with the largest demand rate must run in stochastic mode")
        .doesNotThrowAnyException();
  }

  static void assertResultInvariants(Scenario scenario, SimulationResult result, String yaml) {
    int months = scenario.horizonMonths();
    assertThat(result.mode()).isEqualTo(Mode.STOCHASTIC);
    assertThat(result.runs()).isEqualTo(RUNS);
    assertThat(result.horizonMonths()).isEqualTo(months);
    assertThat(result.cells()).hasSameSizeAs(scenario.cells());
    for (CellResult cell : result.cells()) {
      String where = "cell (" + cell.holder() + ", " + cell.item() + ") of\n" + yaml;
      ClosingStock closing = cell.closingStock();
      for (int t = 0; t < months; t++) {
        String at = "month " + t + ", " + where;
        assertThat(closing.p5()[t]).as("p5 >= 0, %s", at).isGreaterThanOrEqualTo(0.0);
        assertThat(closing.p5()[t]).as("p5 <= p50, %s", at).isLessThanOrEqualTo(closing.p50()[t]);
        assertThat(closing.p50()[t]).as("p50 <= p95, %s", at).isLessThanOrEqualTo(closing.p95()[t]);
        assertThat(closing.mean()[t]).as("mean >= 0, %s", at).isGreaterThanOrEqualTo(0.0);
        assertThat(closing.std()[t]).as("std >= 0, %s", at).isGreaterThanOrEqualTo(0.0);
      }
      assertThat(cell.shortfall().expectedTotal()).as("expected shortfall >= 0, %s", where).isGreaterThanOrEqualTo(0.0);
      assertThat(cell.shortfall().stdTotal()).as("shortfall std >= 0, %s", where).isGreaterThanOrEqualTo(0.0);
      assertThat(cell.shortfall().probabilityAny()).as("probability_any in [0, 1], %s", where).isBetween(0.0, 1.0);
      assertThat(cell.shortfall().probabilityAny() == 0).as("probability_any = 0 iff expected_total = 0, %s", where)
          .isEqualTo(cell.shortfall().expectedTotal() == 0);
      assertThat(cell.monthsToTarget().isPresent()).as("months_to_target present iff target, %s", where)
          .isEqualTo(cell.target().isPresent());
      cell.monthsToTarget().ifPresent(m -> assertMonthsToTarget(m, cell.initial() >= cell.target().getAsDouble(),
          months, result.runs(), where));
    }
    for (int l = 0; l < scenario.lines().size(); l++) {
      ProductionLine line = scenario.lines().get(l);
      double most = months * Math.max(line.basePerMonth(), line.surgePerMonth());
      assertThat(result.lines().get(l).expectedDeliveredTotal()).as("delivered of %s in [0, T max(c0, c1)]%n%s",
          line.id(), yaml).isBetween(0.0, most * (1 + 1e-12));
    }
    for (int j = 0; j < scenario.transfers().size(); j++) {
      Transfer transfer = scenario.transfers().get(j);
      // a mean of equal values can round a few ulps above them
      assertThat(result.transfers().get(j).expectedShortfall()).as("transfer %d shortfall in [0, quantity]%n%s", j,
          yaml).isBetween(0.0, transfer.quantity() * (1 + 1e-12));
    }
  }

  /**
   * reached_probability in [0, 1] and consistent with p50 and p90: with m = runs reaching the target,
   * sorted ascending with the n − m censored runs (+∞) last, the type-7 q-quantile interpolates order
   * statistics floor(h) and floor(h) + 1 (h = (n − 1)·q, the second only when h is fractional); it is
   * null exactly when one of those is censored.
   */
  private static void assertMonthsToTarget(MonthsToTarget months, boolean metAtStart, int horizon, long runs,
      String where) {
    assertThat(months.reachedProbability()).as("reached_probability in [0, 1], %s", where).isBetween(0.0, 1.0);
    long reached = Math.round(months.reachedProbability() * runs);
    assertThat((double) reached / runs).as("reached_probability is a count / runs, %s", where)
        .isEqualTo(months.reachedProbability());
    assertThat(months.p50().isEmpty()).as("p50 null iff a censored order statistic is needed, %s", where)
        .isEqualTo(censored(runs, reached, 0.5));
    assertThat(months.p90().isEmpty()).as("p90 null iff a censored order statistic is needed, %s", where)
        .isEqualTo(censored(runs, reached, 0.9));
    for (OptionalDouble p : new OptionalDouble[] {months.p50(), months.p90()}) {
      p.ifPresent(value -> assertThat(value).as("months to target in [0, T], %s", where)
          .isBetween(0.0, (double) horizon));
    }
    if (months.p50().isPresent() && months.p90().isPresent()) {
      assertThat(months.p50().getAsDouble()).as("p50 <= p90, %s", where)
          .isLessThanOrEqualTo(months.p90().getAsDouble());
    }
    double[] byMonth = months.reachedByMonth();
    assertThat(byMonth).as("reached_by_month has one entry per month 0 … T, %s", where).hasSize(horizon + 1);
    assertThat(byMonth[horizon]).as("reached_by_month ends at reached_probability, %s", where)
        .isEqualTo(months.reachedProbability());
    for (int m = 1; m <= horizon; m++) {
      assertThat(byMonth[m]).as("reached_by_month is cumulative, month %d, %s", m, where)
          .isGreaterThanOrEqualTo(byMonth[m - 1]);
    }
    months.p50().ifPresent(p50 -> assertThat(byMonth[(int) Math.ceil(p50)])
        .as("at least half the runs reached the target by ceil(p50), %s", where).isGreaterThanOrEqualTo(0.5));
    if (metAtStart) {
      assertThat(byMonth[0]).as("S0 >= G: reached at month 0 in every run, %s", where).isEqualTo(1.0);
      assertThat(months.reachedProbability()).as("S0 >= G: reached in every run, %s", where).isEqualTo(1.0);
      assertThat(months.p50()).as("S0 >= G: p50 = 0, %s", where).hasValue(0.0);
      assertThat(months.p90()).as("S0 >= G: p90 = 0, %s", where).hasValue(0.0);
    }
  }

  private static boolean censored(long runs, long reached, double q) {
    double h = (runs - 1) * q;
    long lo = (long) Math.floor(h);
    boolean interpolates = h > lo;
    return lo >= reached || interpolates && lo + 1 >= reached;
  }
}
