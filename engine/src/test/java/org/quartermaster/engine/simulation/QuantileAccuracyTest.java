package org.quartermaster.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.result.CellResult;
import org.quartermaster.engine.result.SimulationResult;
import org.quartermaster.engine.scenario.ScenarioReader;

/**
 * The quantile machinery: above 10,000 runs the estimated P5/P50/P95 of closing stock are within
 * 0.5% (relative) of the exact type-7 quantiles, tiny stocks included, end to end against
 * {@link ReferenceSm1} (same runs, exact quantiles) and directly through a {@link QuantileSink};
 * {@link TypeSeven#of} equals a sort-based type 7; {@link PoissonTable} has Poisson's mean and
 * variance and leaves out less than 1e-12 of the mass.
 */
class QuantileAccuracyTest {
  private static final double RELATIVE = 0.005;
  /** Only for float noise when the exact quantile is itself 0; buckets are relative everywhere. */
  private static final double ABSOLUTE = 1e-300;
  private static final double[] PROBABILITIES = {0.05, 0.50, 0.95};

  static LongStream randomScenarioSeeds() {
    return LongStream.range(4_000, 4_003);
  }

  static LongStream seeds() {
    return LongStream.range(0, 10);
  }

  static LongStream typeSevenSeeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest(name = "{0} runs")
  @ValueSource(ints = {10_001, 10_240})
  void run_benchLikeAboveTenThousandRuns_estimatesWithinHalfPercentOfExact(int runs) {
    Scenario scenario = RandomScenarios.benchLike();

    SimulationResult engine = Sm1Simulator.run(scenario, SimulationOptions.stochastic(runs, 11).withThreads(2));
    ReferenceSm1.Summary exact = ReferenceSm1.stochastic(scenario, 11, runs);

    ReferenceComparisonTest.assertMatches(scenario, engine, exact, false);
    assertEstimatesClose(engine, exact, RandomScenarios.toYaml(scenario));
  }

  @Test
  void run_benchLikeAtTenThousandRuns_quantilesAreExact() {
    Scenario scenario = RandomScenarios.benchLike();

    SimulationResult engine = Sm1Simulator.run(scenario, SimulationOptions.stochastic(10_000, 12).withThreads(2));

    ReferenceComparisonTest.assertMatches(scenario, engine, ReferenceSm1.stochastic(scenario, 12, 10_000), true);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("randomScenarioSeeds")
  void run_randomScenarioAboveTenThousandRuns_estimatesWithinHalfPercentOfExact(long seed) {
    Scenario scenario = RandomScenarios.generate(seed);

    SimulationResult engine = Sm1Simulator.run(scenario, SimulationOptions.stochastic(10_001, seed).withThreads(2));
    ReferenceSm1.Summary exact = ReferenceSm1.stochastic(scenario, seed, 10_001);

    ReferenceComparisonTest.assertMatches(scenario, engine, exact, false);
    assertEstimatesClose(engine, exact, RandomScenarios.toYaml(scenario));
  }

  @Test
  void run_cellWithHugeStockBoundAboveTenThousandRuns_estimatesSmallStocksWithinHalfPercent() {
    // UKR's closing stock is 0.001 × (months without disruption so far); a scheduled transfer of 1e15
    // from an empty holder never moves anything but makes the cell's stock bound huge.
    Scenario scenario = ScenarioReader.parse("""
        horizon_months: 6
        items: [{id: fuel}]
        holders: [{id: USA}, {id: UKR}]
        lines:
          - {id: trickle, item: fuel, base_per_month: 0.001, surge_per_month: 0.001, ramp_start_month: 0,
             ramp_months: 0, disruption: {probability: 0.5, cut: 1}, shares: {UKR: 1}}
        transfers:
          - {from: USA, to: UKR, item: fuel, month: 5, quantity: 1000000000000000}
        """, "huge-bound");

    SimulationResult engine = Sm1Simulator.run(scenario, SimulationOptions.stochastic(10_001, 5).withThreads(1));
    ReferenceSm1.Summary exact = ReferenceSm1.stochastic(scenario, 5, 10_001);

    assertEstimatesClose(engine, exact, "small stocks in a cell that could hold huge ones must still be"
        + " estimated within 0.5% (buckets are relative to each value, with no floor or scale)");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void estimatedClosingQuantiles_mixedValuesThroughTwoSinks_withinHalfPercentOfTypeSeven(long seed) {
    double bound = 1e12;
    CompiledScenario compiled = new CompiledScenario(ScenarioReader.parse("""
        horizon_months: 2
        items: [{id: shell-155}]
        holders: [{id: USA}]
        stocks: [{holder: USA, item: shell-155, initial: 1000000000000}]
        """, "bound"));
    EstimatedClosingQuantiles estimated = new EstimatedClosingQuantiles(compiled);
    QuantileSink[] sinks = {estimated.sinkForWorker(), estimated.sinkForWorker()};
    SplittableRandom random = new SplittableRandom(seed);
    double[][] valuesByMonth = {mixture(random, 20_000, bound), mixture(random, 20_011, bound)};

    for (int month = 0; month < 2; month++) {
      double[] values = valuesByMonth[month];
      for (int from = 0, block = 0; from < values.length; from += Sm1Simulator.BLOCK_RUNS, block++) {
        int n = Math.min(Sm1Simulator.BLOCK_RUNS, values.length - from);
        sinks[block % 2].record(0, month, values, from, n, from);
      }
    }
    estimated.finish();
    double[][] quantiles = estimated.quantiles(0);

    for (int month = 0; month < 2; month++) {
      for (int q = 0; q < PROBABILITIES.length; q++) {
        double exact = ReferenceSm1.typeSeven(valuesByMonth[month], PROBABILITIES[q]);
        assertWithinAllowance(quantiles[q][month], exact,
            "seed " + seed + ", month " + month + ", p" + Math.round(100 * PROBABILITIES[q]));
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("typeSevenSeeds")
  void typeSevenOf_randomArray_equalsSortBasedTypeSeven(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = random.nextInt(8) == 0 ? 1 + random.nextInt(3) : 1 + random.nextInt(3_000);
    double[] values = new double[n];
    int kind = random.nextInt(5);
    for (int k = 0; k < n; k++) {
      values[k] = switch (kind) {
        case 0 -> random.nextInt(5); // many duplicates
        case 1 -> 7.25; // all equal
        case 2 -> k; // already sorted
        case 3 -> n - k; // reversed
        default -> random.nextBoolean() ? 0.0 : random.nextDouble() * Math.pow(10, random.nextInt(-3, 7));
      };
    }
    double[] probabilities = random.nextBoolean() ? PROBABILITIES : randomProbabilities(random);
    double[] sorted = values.clone();
    Arrays.sort(sorted);

    double[] actual = TypeSeven.of(values.clone(), n, probabilities);

    for (int q = 0; q < probabilities.length; q++) {
      assertThat(actual[q]).as("n %d, kind %d, q %s", n, kind, probabilities[q])
          .isEqualTo(numpyTypeSeven(sorted, probabilities[q]));
    }
  }

  @Test
  void typeSevenOf_everySmallSize_equalsSortBasedTypeSeven() {
    // for small n the upper neighbour of one quantile can lie above the lower one of the next
    // (n = 3: ranks 0, 1 | 1, 2 | 1, 2), so order statistics must not be assumed in quantile order
    for (int n = 1; n <= 40; n++) {
      double[] values = new double[n];
      for (int k = 0; k < n; k++) {
        values[k] = 1000.0 * ((k * 7919) % n) + 0.5;
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      double[] actual = TypeSeven.of(values, n, PROBABILITIES);
      for (int q = 0; q < PROBABILITIES.length; q++) {
        assertThat(actual[q]).as("n %d, q %s", n, PROBABILITIES[q]).isEqualTo(numpyTypeSeven(sorted, PROBABILITIES[q]));
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void typeSevenOf_tenThousandValuesAtAnOffset_equalsSortBasedTypeSeven(long seed) {
    // the exact store's layout: one cell's months back to back, each month's runs a slice; at 10,000
    // values a quantile's bucket holds hundreds of values, so the digit passes (not only the final
    // sort) are exercised, on clustered values like closing stocks, with zeros and exact ties
    SplittableRandom random = new SplittableRandom(seed);
    int n = 10_000;
    int months = 3;
    double[] series = new double[months * n];
    for (int k = 0; k < series.length; k++) {
      double stock = 119_000 + 2_500 * random.nextGaussian();
      series[k] = switch (random.nextInt(10)) {
        case 0 -> 0.0;
        case 1 -> 119_000.0;
        default -> Math.max(0.0, stock);
      };
    }
    BucketSelect select = new BucketSelect();
    for (int t = 0; t < months; t++) {
      double[] sorted = Arrays.copyOfRange(series, t * n, (t + 1) * n);
      Arrays.sort(sorted);

      double[] actual = TypeSeven.of(series, t * n, n, PROBABILITIES, select);

      for (int q = 0; q < PROBABILITIES.length; q++) {
        assertThat(actual[q]).as("month %d, q %s", t, PROBABILITIES[q]).isEqualTo(numpyTypeSeven(sorted, PROBABILITIES[q]));
      }
    }
  }

  @ParameterizedTest(name = "λ = {0}")
  @ValueSource(doubles = {0.13, 3.6, 932, 50_578, 2e7})
  void poissonTableUnboundSampler_boundToAGenerator_drawsWhatASamplerBuiltOnItDraws(double lambda) {
    SharedStateDiscreteSampler unbound = PoissonTable.unboundSamplers(new double[] {lambda}, new double[0],
        new SharedStateDiscreteSampler[0])[0];
    DiscreteSampler bound = unbound.withUniformRandomProvider(RunStreams.forRun(11, 3));
    DiscreteSampler direct = PoissonTable.of(lambda).sampler(RunStreams.forRun(11, 3));

    for (int k = 0; k < 10_000; k++) {
      assertThat(bound.sample()).as("draw %d", k).isEqualTo(direct.sample());
    }
    assertThat(catchThrowable(unbound::sample))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("unbound");
  }

  @Test
  void poissonTableUnboundSamplers_earlierMeans_reusesTheSamplerOfAnUnchangedMean() {
    SharedStateDiscreteSampler[] base = PoissonTable.unboundSamplers(new double[] {5, 932}, new double[0],
        new SharedStateDiscreteSampler[0]);

    SharedStateDiscreteSampler[] patched = PoissonTable.unboundSamplers(new double[] {932, 7}, new double[] {5, 932}, base);

    assertThat(patched[0]).isSameAs(base[1]);
    assertThat(patched[1]).isNotIn((Object[]) base);
  }

  @ParameterizedTest(name = "λ = {0}")
  @ValueSource(doubles = {0.13, 3.6, 17.3, 41.3, 932, 20_000, 50_578})
  void poissonTableSampler_200kDraws_meanAndVarianceWithinFiveStandardErrors(double lambda) {
    int n = 200_000;
    PoissonTable table = PoissonTable.of(lambda);
    UniformRandomProvider rng = RunStreams.forRun(Double.doubleToLongBits(lambda), 0);
    DiscreteSampler sampler = table.sampler(rng);
    double[] draws = new double[n];
    for (int k = 0; k < n; k++) {
      int draw = sampler.sample();
      assertThat(draw).as("draw within the table").isBetween(table.lowest(), table.lowest() + table.size() - 1);
      draws[k] = draw;
    }

    double mean = ReferenceSm1.mean(draws);
    double variance = Math.pow(ReferenceSm1.std(draws), 2);

    // Poisson: mean = variance = λ; Var(sample mean) = λ / n, Var(sample variance) ≈ (λ + 2λ²) / n
    assertThat(mean).as("mean of %d draws", n).isCloseTo(lambda, within(5 * Math.sqrt(lambda / n)));
    assertThat(variance).as("variance of %d draws", n)
        .isCloseTo(lambda, within(5 * Math.sqrt((lambda + 2 * lambda * lambda) / n)));
  }

  @ParameterizedTest(name = "λ = {0}")
  @ValueSource(doubles = {0.13, 3.6, 17.3, 41.3, 932, 20_000, 50_578})
  void poissonTableOf_anyMean_leavesOutLessThan1e12OfTheMass(double lambda) {
    PoissonTable table = PoissonTable.of(lambda);
    int highest = table.lowest() + table.size() - 1;

    double below = 0.0;
    for (int k = 0; k < table.lowest(); k++) {
      below += Math.exp(logPmf(k, lambda));
    }
    double above = 0.0;
    for (long k = highest + 1L; k < lambda + 50 * Math.sqrt(lambda) + 100; k++) {
      above += Math.exp(logPmf(k, lambda));
    }

    assertThat(table.lowest()).isGreaterThanOrEqualTo(0);
    assertThat(table.size()).isPositive();
    assertThat(below + above).as("Poisson(%s) mass outside counts %d..%d", lambda, table.lowest(), highest)
        .isLessThanOrEqualTo(1e-12);
  }

  /** Every closing-stock quantile of the engine within the allowance of the reference's exact one. */
  private static void assertEstimatesClose(SimulationResult engine, ReferenceSm1.Summary exact, String context) {
    for (int c = 0; c < exact.cells().size(); c++) {
      CellResult actual = engine.cells().get(c);
      ReferenceSm1.CellSummary expected = exact.cells().get(c);
      double[][] actualByQuantile =
          {actual.closingStock().p5(), actual.closingStock().p50(), actual.closingStock().p95()};
      double[][] expectedByQuantile = {expected.p5(), expected.p50(), expected.p95()};
      for (int q = 0; q < PROBABILITIES.length; q++) {
        for (int t = 0; t < actualByQuantile[q].length; t++) {
          assertWithinAllowance(actualByQuantile[q][t], expectedByQuantile[q][t], String.format(
              "cell (%s, %s) month %d p%d: %s", expected.cell().holder(), expected.cell().item(), t,
              Math.round(100 * PROBABILITIES[q]), context));
        }
      }
    }
  }

  private static void assertWithinAllowance(double estimate, double exact, String what) {
    double allowed = Math.max(RELATIVE * Math.abs(exact), ABSOLUTE);
    assertThat(estimate).as("%s (exact %s)", what, exact).isCloseTo(exact, within(allowed));
  }

  /**
   * Closing stocks as a mix of exact zeros, tiny values (1e-12 … 1e-6), repeated values, a log-uniform
   * body (1e-3 … 1e6) and huge values (1e9 … bound), in random proportions.
   */
  private static double[] mixture(SplittableRandom random, int n, double bound) {
    double zeros = random.nextDouble() * 0.1;
    double tiny = zeros + random.nextDouble() * 0.1;
    double repeated = tiny + random.nextDouble() * 0.1;
    double huge = 1 - random.nextDouble() * 0.1;
    double[] values = new double[n];
    for (int k = 0; k < n; k++) {
      double u = random.nextDouble();
      if (u < zeros) {
        values[k] = 0.0;
      } else if (u < tiny) {
        values[k] = Math.pow(10, random.nextDouble(-12, -6));
      } else if (u < repeated) {
        values[k] = new double[] {1.0, 42.5, 1000.1}[random.nextInt(3)];
      } else if (u < huge) {
        values[k] = Math.pow(10, random.nextDouble(-3, 6));
      } else {
        values[k] = Math.min(bound, Math.pow(10, random.nextDouble(9, 12)));
      }
    }
    return values;
  }

  private static double[] randomProbabilities(SplittableRandom random) {
    double[] probabilities = new double[1 + random.nextInt(5)];
    for (int k = 0; k < probabilities.length; k++) {
      probabilities[k] = switch (random.nextInt(4)) {
        case 0 -> 0.0;
        case 1 -> 1.0;
        default -> random.nextDouble();
      };
    }
    Arrays.sort(probabilities);
    return probabilities;
  }

  /**
   * numpy's type 7 on a sorted array: h = (n − 1)·q, then numpy's lerp between the order statistics
   * floor(h) and floor(h) + 1: a + (b − a)·g below g = 0.5, b − (b − a)·(1 − g) from it.
   */
  private static double numpyTypeSeven(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    double g = h - lo;
    double a = sorted[lo];
    double b = sorted[Math.min(lo + 1, sorted.length - 1)];
    double diff = b - a;
    return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
  }

  /** log P(K = k) for K ~ Poisson(λ): k ln λ − λ − ln k!, with Stirling's series for ln k! above 30. */
  private static double logPmf(long k, double lambda) {
    return k * Math.log(lambda) - lambda - logFactorial(k);
  }

  private static double logFactorial(long k) {
    if (k < 30) {
      double sum = 0.0;
      for (int j = 2; j <= k; j++) {
        sum += Math.log(j);
      }
      return sum;
    }
    double x = k;
    return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x)
        + 1 / (1260 * Math.pow(x, 5));
  }
}
