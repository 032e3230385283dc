package org.quartermaster.engine.optimise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartermaster.engine.simulation.VariantSimulator;
import org.quartermaster.engine.simulation.VariantStatistics;

/** Monte Carlo portfolios on {@link OptimiseFixtures#RANDOM}: common random numbers, threads, search methods. */
class OptimiserSimulationTest {
  @TempDir Path dir;

  private Optimisation optimisation(String objective) {
    return OptimiseFixtures.read(dir, OptimiseFixtures.RANDOM,
        OptimiseFixtures.RANDOM_OPTIONS.replace("objective: {minimise: expected_unmet_demand}", objective));
  }

  private static Optimisation withLimit(Optimisation o, int limit) {
    return new Optimisation(o.source(), o.baseLabel(), o.scenario(), o.budget(), o.currency(), o.options(),
        o.objective(), o.runs(), o.batches(), o.seed(), o.deterministic(), limit, o.frontierSteps());
  }

  @Test
  void report_isIdenticalForOneThreadAndThree() {
    Optimisation optimisation = optimisation("objective: {minimise: expected_unmet_demand}");
    assertThat(Optimiser.run(optimisation, 3)).usingRecursiveComparison()
        .isEqualTo(Optimiser.run(optimisation, 1));
  }

  @Test
  void portfoliosSimulatedElsewhere_giveTheSameReport_byEnumerationAndByBranchAndBound() {
    for (Optimisation optimisation : List.of(optimisation("objective: {minimise: expected_unmet_demand}"),
        withLimit(optimisation("objective: {minimise: expected_unmet_demand}"), 1))) {
      List<List<Long>> requests = new java.util.ArrayList<>();
      PortfolioEvaluations elsewhere = portfolios -> {
        requests.add(portfolios);
        return Optimiser.evaluate(optimisation, portfolios, 2);
      };

      OptimisationReport report = Optimiser.run(optimisation, elsewhere, PortfolioProgress.NONE);

      assertThat(report).usingRecursiveComparison().isEqualTo(Optimiser.run(optimisation, 1));
      assertThat(requests).isNotEmpty().allSatisfy(request -> assertThat(request).doesNotHaveDuplicates());
      assertThat(requests.stream().mapToInt(List::size).sum()).isEqualTo(report.evaluations());
    }
  }

  @Test
  void branchAndBound_findsTheEnumeratedOptimum_forEachObjective() {
    for (String objective : List.of("objective: {minimise: expected_unmet_demand}",
        "objective: {maximise: reached_by_month, month: 24}",
        "objective: {minimise: months_to_target_p50, cells: [USA/shell]}")) {
      Optimisation optimisation = optimisation(objective);
      OptimisationReport enumerated = Optimiser.run(optimisation, 2);
      OptimisationReport searched = Optimiser.run(withLimit(optimisation, 1), 2);
      assertThat(enumerated.method()).as(objective).startsWith("enumeration");
      assertThat(searched.method()).as(objective).startsWith("branch and bound");
      assertThat(searched.chosen()).as(objective).isEqualTo(enumerated.chosen());
      assertThat(searched.runnerUp()).as(objective).isEqualTo(enumerated.runnerUp());
      assertThat(searched.frontier()).as(objective).isEqualTo(enumerated.frontier());
    }
  }

  @Test
  void commonRandomNumbers_makeThePairedIntervalNarrowerThanTheSpreadOfEitherPortfolio() {
    Optimisation optimisation = optimisation("objective: {minimise: expected_unmet_demand}");
    OptimisationReport report = Optimiser.run(optimisation, 2);
    OptimisationReport.Difference d = report.difference();
    assertThat(d.batches()).isEqualTo(4);
    assertThat(d.low()).isLessThanOrEqualTo(d.high());
    assertThat(d.estimate()).isEqualTo(report.chosen().value() - report.runnerUp().value());
    assertThat(report.chosen().value()).isLessThanOrEqualTo(report.runnerUp().value());
    // The empty portfolio (frontier at 0) leaves more unmet than the chosen one.
    assertThat(report.frontier().get(0).best().value()).isGreaterThan(report.chosen().value());
  }

  @Test
  void pooledMedian_ofOneBatch_isTheBatchMedian_andOfTwoIsTheMedianOfAllRuns() {
    Optimisation optimisation = optimisation("objective: {minimise: expected_unmet_demand}");
    VariantSimulator simulator = new VariantSimulator(optimisation.scenario());
    int usa = optimisation.scenario().cells().indexOf(new org.quartermaster.engine.model.Cell("USA", "shell"));
    for (int runs : new int[] {1, 2, 7, 100, 101}) {
      VariantStatistics stats = simulator.run(List.of(), runs, 3, new int[0], new double[0]);
      double expected = stats.monthsToTarget(usa).orElseThrow().p50().orElse(99);
      assertThat(PooledMedian.monthsToTarget(List.of(stats), usa, runs, 99)).as("runs %d", runs).isEqualTo(expected);
    }
  }

  @Test
  void progress_countsEverySimulatedPortfolio_upToTheFeasibleOnes_andAStopEndsTheRun() {
    Optimisation optimisation = optimisation("objective: {minimise: expected_unmet_demand}");
    List<long[]> told = new java.util.ArrayList<>();

    OptimisationReport report = Optimiser.run(optimisation, 2, (simulated, feasible) ->
        told.add(new long[] {simulated, feasible}));

    assertThat(told).hasSize(report.evaluations());
    assertThat(told).extracting(t -> t[0]).isSorted().endsWith((long) report.evaluations());
    assertThat(told).extracting(t -> t[1]).containsOnly(Optimiser.feasiblePortfolios(optimisation));
    assertThat(report.evaluations()).isLessThanOrEqualTo((int) Optimiser.feasiblePortfolios(optimisation));
    assertThat(report).usingRecursiveComparison().isEqualTo(Optimiser.run(optimisation, 1));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Optimiser.run(optimisation, 2, (simulated, feasible) -> {
      throw new java.util.concurrent.CancellationException("stop at " + simulated);
    })).isInstanceOf(java.util.concurrent.CancellationException.class).hasMessage("stop at 1");
  }
}
