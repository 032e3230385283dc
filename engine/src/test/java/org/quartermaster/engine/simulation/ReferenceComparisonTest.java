package org.quartermaster.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartermaster.engine.model.Cell;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.model.Stock;
import org.quartermaster.engine.result.CellResult;
import org.quartermaster.engine.result.Mode;
import org.quartermaster.engine.result.MonthsToTarget;
import org.quartermaster.engine.result.SimulationResult;
import org.quartermaster.engine.scenario.ScenarioReader;

/**
 * The engine against {@link ReferenceSm1} on {@link RandomScenarios}: deterministic mode on 200
 * scenarios (as generated, and with targets placed exactly on a closing stock), and stochastic mode
 * (the same per-run streams, so the same runs) on 30 scenarios of 300 runs. Values agree to 1e-9,
 * absolute plus relative; only the order of summation over runs differs, so anything beyond rounding
 * is a bug in one of the two. Probabilities (reached, any shortfall) must be equal: they count runs,
 * and each run is computed in the same order by both.
 */
class ReferenceComparisonTest {
  private static final double TOLERANCE = 1e-9;
  /** Standard deviations near 0 are square roots of rounding noise, so they get a looser bound. */
  private static final double STD_TOLERANCE = 1e-6;
  private static final int STOCHASTIC_RUNS = 300;

  static LongStream deterministicSeeds() {
    return LongStream.range(0, 200);
  }

  static LongStream stochasticSeeds() {
    return LongStream.range(0, 30);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("deterministicSeeds")
  void generate_anySeed_isAValidScenarioFile(long seed) {
    Scenario scenario = RandomScenarios.generate(seed);
    String yaml = RandomScenarios.toYaml(scenario);

    assertThat(ScenarioReader.parse(yaml, "random-" + seed)).as("read back from:%n%s", yaml).isEqualTo(scenario);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("deterministicSeeds")
  void run_deterministicRandomScenario_matchesReference(long seed) {
    Scenario scenario = RandomScenarios.generate(seed);

    SimulationResult engine = Sm1Simulator.run(scenario, SimulationOptions.deterministic().withCheck(true));
    ReferenceSm1.Summary reference = ReferenceSm1.deterministic(scenario);

    assertThat(engine.mode()).isEqualTo(Mode.DETERMINISTIC);
    assertThat(engine.runs()).isEqualTo(1);
    assertMatches(scenario, engine, reference);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("deterministicSeeds")
  void run_targetExactlyAtPeakClosingStock_matchesReference(long seed) {
    Scenario scenario = withTargetsAtPeaks(RandomScenarios.generate(seed));

    SimulationResult engine = Sm1Simulator.run(scenario, SimulationOptions.deterministic().withCheck(true));

    assertMatches(scenario, engine, ReferenceSm1.deterministic(scenario));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("stochasticSeeds")
  void run_stochasticRandomScenario_matchesReferenceRunForRun(long seed) {
    Scenario scenario = RandomScenarios.generate(1_000 + seed);
    long streamSeed = seed * 7919 - 3;

    SimulationResult engine = Sm1Simulator.run(scenario,
        SimulationOptions.stochastic(STOCHASTIC_RUNS, streamSeed).withThreads(2).withCheck(true));
    ReferenceSm1.Summary reference = ReferenceSm1.stochastic(scenario, streamSeed, STOCHASTIC_RUNS);

    assertThat(engine.runs()).isEqualTo(STOCHASTIC_RUNS);
    assertMatches(scenario, engine, reference);
  }

  /**
   * The scenario with the target of every cell whose closing stock rises above its initial stock set
   * to the highest closing stock the reference computes (deterministic mode): the month it is first
   * reached is an exact tie, closing = target, where one bit of difference in the order of evaluation
   * changes months_to_target.
   */
  private static Scenario withTargetsAtPeaks(Scenario scenario) {
    Map<Cell, Stock> stocks = new LinkedHashMap<>();
    for (Stock stock : scenario.stocks()) {
      stocks.put(stock.cell(), stock);
    }
    for (ReferenceSm1.CellSummary cell : ReferenceSm1.deterministic(scenario).cells()) {
      double peak = Arrays.stream(cell.mean()).max().orElseThrow();
      Stock stock = stocks.get(cell.cell());
      double initial = stock == null ? 0.0 : stock.initial();
      if (peak > initial) {
        stocks.put(cell.cell(), new Stock(cell.cell().holder(), cell.cell().item(), initial, OptionalDouble.of(peak),
            stock == null ? List.of() : stock.demand()));
      }
    }
    return new Scenario(scenario.name(), scenario.horizonMonths(), scenario.start(), scenario.runs(),
        scenario.seed(), scenario.items(), scenario.holders(), scenario.lines(), new ArrayList<>(stocks.values()),
        scenario.transfers());
  }

  /** Every reported value of {@code engine} against the reference (exact quantiles: ≤ 10,000 runs). */
  static void assertMatches(Scenario scenario, SimulationResult engine, ReferenceSm1.Summary reference) {
    assertMatches(scenario, engine, reference, true);
  }

  /**
   * Every reported value of {@code engine} against the reference; closing-stock quantiles only when
   * {@code exactQuantiles} (above 10,000 runs they are estimates: see {@code QuantileAccuracyTest}).
   */
  static void assertMatches(Scenario scenario, SimulationResult engine, ReferenceSm1.Summary reference,
      boolean exactQuantiles) {
    String yaml = RandomScenarios.toYaml(scenario);
    List<Cell> cellOrder = reference.cells().stream().map(ReferenceSm1.CellSummary::cell).toList();
    assertThat(engine.cells().stream().map(c -> new Cell(c.holder(), c.item())).toList())
        .as("cell order of%n%s", yaml).isEqualTo(cellOrder);
    for (int c = 0; c < cellOrder.size(); c++) {
      CellResult actual = engine.cells().get(c);
      ReferenceSm1.CellSummary expected = reference.cells().get(c);
      Cell cell = expected.cell();
      for (int t = 0; t < scenario.horizonMonths(); t++) {
        int month = t;
        Supplier<String> where = () -> String.format("cell (%s, %s) month %d of%n%s", cell.holder(), cell.item(),
            month, yaml);
        assertClose(actual.closingStock().mean()[t], expected.mean()[t], TOLERANCE, "closing mean", where);
        assertClose(actual.closingStock().std()[t], expected.std()[t], STD_TOLERANCE, "closing std", where);
        if (exactQuantiles) {
          assertClose(actual.closingStock().p5()[t], expected.p5()[t], TOLERANCE, "closing p5", where);
          assertClose(actual.closingStock().p50()[t], expected.p50()[t], TOLERANCE, "closing p50", where);
          assertClose(actual.closingStock().p95()[t], expected.p95()[t], TOLERANCE, "closing p95", where);
        }
      }
      Supplier<String> where = () -> String.format("cell (%s, %s) of%n%s", cell.holder(), cell.item(), yaml);
      assertMonthsToTarget(actual, expected, where);
      assertClose(actual.shortfall().expectedTotal(), expected.shortfallExpectedTotal(), TOLERANCE,
          "shortfall expected_total", where);
      assertClose(actual.shortfall().stdTotal(), expected.shortfallStdTotal(), STD_TOLERANCE,
          "shortfall std_total", where);
      assertThat(actual.shortfall().probabilityAny()).as(() -> "shortfall probability_any, " + where.get())
          .isEqualTo(expected.shortfallProbabilityAny());
    }
    assertThat(engine.lines()).hasSameSizeAs(scenario.lines());
    for (int l = 0; l < scenario.lines().size(); l++) {
      String id = scenario.lines().get(l).id();
      assertThat(engine.lines().get(l).id()).isEqualTo(id);
      assertClose(engine.lines().get(l).expectedDeliveredTotal(), reference.expectedDeliveredByLine().get(id),
          TOLERANCE, "expected_delivered_total", () -> "line " + id + " of\n" + yaml);
    }
    assertThat(engine.transfers()).hasSameSizeAs(scenario.transfers());
    for (int j = 0; j < scenario.transfers().size(); j++) {
      int index = j;
      assertThat(engine.transfers().get(j).index()).isEqualTo(j);
      assertClose(engine.transfers().get(j).expectedShortfall(), reference.expectedShortfallByTransfer().get(j),
          TOLERANCE, "transfer expected_shortfall", () -> "transfer " + index + " of\n" + yaml);
    }
  }

  private static void assertMonthsToTarget(CellResult actual, ReferenceSm1.CellSummary expected,
      Supplier<String> where) {
    if (expected.reachedProbability() == null) {
      assertThat(actual.monthsToTarget()).as(() -> "months_to_target of a cell without target, " + where.get())
          .isEmpty();
      return;
    }
    assertThat(actual.monthsToTarget()).as(() -> "months_to_target, " + where.get()).isPresent();
    MonthsToTarget months = actual.monthsToTarget().orElseThrow();
    assertThat(months.reachedProbability()).as(() -> "reached_probability, " + where.get())
        .isEqualTo(expected.reachedProbability());
    assertOptionalClose(months.p50(), expected.monthsP50(), "months_to_target p50", where);
    assertOptionalClose(months.p90(), expected.monthsP90(), "months_to_target p90", where);
  }

  private static void assertOptionalClose(OptionalDouble actual, Double expected, String what,
      Supplier<String> where) {
    if (expected == null) {
      assertThat(actual).as(() -> what + " (censored: null), " + where.get()).isEmpty();
    } else {
      assertThat(actual).as(() -> what + ", " + where.get()).isPresent();
      assertClose(actual.getAsDouble(), expected, TOLERANCE, what, where);
    }
  }

  /** |actual − expected| ≤ tolerance · (1 + max(|actual|, |expected|)). */
  static void assertClose(double actual, double expected, double tolerance, String what, Supplier<String> where) {
    double allowed = tolerance * (1 + Math.max(Math.abs(actual), Math.abs(expected)));
    assertThat(actual).as(() -> what + ", " + where.get()).isCloseTo(expected, within(allowed));
  }
}
