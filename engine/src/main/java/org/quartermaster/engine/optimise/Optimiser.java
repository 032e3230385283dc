package org.quartermaster.engine.optimise;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Runs an {@link Optimisation}: the best portfolio within the budget and its runner-up
 * ({@link PortfolioSearch}), the paired interval of their difference, and the frontier over budget
 * levels. Portfolios are simulated once each ({@link PortfolioEvaluator} caches them across levels).
 * The report is identical for any number of threads.
 */
public final class Optimiser {
  private static final double CONFIDENCE = 0.95;

  private Optimiser() {}

  /** Feasible portfolios counted at most. */
  static final int COUNT_LIMIT = 1 << 20;

  public static OptimisationReport run(Optimisation optimisation, int threads) {
    return run(optimisation, threads, PortfolioProgress.NONE);
  }

  /** As {@link #run(Optimisation, int)}, telling {@code progress} after each portfolio simulated. */
  public static OptimisationReport run(Optimisation optimisation, int threads, PortfolioProgress progress) {
    return run(optimisation, threads, null, progress);
  }

  /**
   * As {@link #run(Optimisation, int, PortfolioProgress)}, with the portfolios simulated by {@code elsewhere}
   * (a cluster): the same report.
   */
  public static OptimisationReport run(Optimisation optimisation, PortfolioEvaluations elsewhere,
      PortfolioProgress progress) {
    return run(optimisation, 1, elsewhere, progress);
  }

  /**
   * The evaluations of {@code portfolios} (bit sets of the options' indices), each its objective over all
   * runs then its value per batch: what a cluster's executors compute for {@link PortfolioEvaluations}.
   */
  public static List<double[]> evaluate(Optimisation optimisation, List<Long> portfolios, int threads) {
    try (PortfolioEvaluator evaluator = new PortfolioEvaluator(optimisation, threads)) {
      return evaluator.values(portfolios);
    }
  }

  private static OptimisationReport run(Optimisation optimisation, int threads, PortfolioEvaluations elsewhere,
      PortfolioProgress progress) {
    PortfolioSpace space = PortfolioSpace.of(optimisation.options());
    long feasible = feasiblePortfolios(optimisation);
    try (PortfolioEvaluator evaluator = new PortfolioEvaluator(optimisation, threads,
        simulated -> progress.portfoliosDone(simulated, feasible))) {
      if (elsewhere != null) {
        evaluator.simulatingOn(elsewhere);
      }
      PortfolioSearch.Outcome outcome =
          PortfolioSearch.search(space, evaluator, optimisation.budget(), optimisation.enumerationLimit());
      List<OptimisationReport.FrontierLevel> frontier = new ArrayList<>();
      for (int k = 0; k <= optimisation.frontierSteps(); k++) {
        double level = optimisation.budget() * k / optimisation.frontierSteps();
        PortfolioSearch.Outcome atLevel = k == optimisation.frontierSteps() ? outcome
            : PortfolioSearch.search(space, evaluator, level, optimisation.enumerationLimit());
        frontier.add(new OptimisationReport.FrontierLevel(level, portfolio(optimisation, evaluator, atLevel.best())));
      }
      OptimisationReport.Portfolio chosen = portfolio(optimisation, evaluator, outcome.best());
      OptimisationReport.Portfolio runnerUp =
          outcome.runnerUp() == null ? null : portfolio(optimisation, evaluator, outcome.runnerUp());
      OptimisationReport.Difference difference = outcome.runnerUp() == null ? null
          : difference(evaluator.evaluation(outcome.best().portfolio()),
              evaluator.evaluation(outcome.runnerUp().portfolio()));
      String method = outcome.enumerated()
          ? "enumeration of every feasible portfolio (at most " + optimisation.enumerationLimit() + ")"
          : "branch and bound (more than " + optimisation.enumerationLimit() + " feasible portfolios)";
      return new OptimisationReport(optimisation.source(), optimisation.baseLabel(), optimisation.objective().label(),
          optimisation.objective().unit(),
          optimisation.objective().minimise(), optimisation.currency(), optimisation.budget(), optimisation.runs(),
          optimisation.batches(), optimisation.seed(), optimisation.deterministic(), method, evaluator.evaluations(),
          options(optimisation), chosen, runnerUp, difference, frontier);
    }
  }

  /**
   * The feasible portfolios within the optimisation's budget (at most one option per group), counting
   * the empty one; {@value #COUNT_LIMIT} when there are more.
   */
  public static long feasiblePortfolios(Optimisation optimisation) {
    List<Long> feasible = PortfolioSpace.of(optimisation.options()).feasible(optimisation.budget(), COUNT_LIMIT);
    return feasible == null ? COUNT_LIMIT : feasible.size();
  }

  /** Chosen minus runner-up, with a paired Student-t interval over the batches. */
  static OptimisationReport.Difference difference(PortfolioEvaluator.Evaluation chosen,
      PortfolioEvaluator.Evaluation runnerUp) {
    double estimate = chosen.value() - runnerUp.value();
    int n = chosen.valueByBatch().length;
    if (n < 2) {
      return new OptimisationReport.Difference(estimate, estimate, estimate, n);
    }
    double[] d = new double[n];
    double mean = 0;
    for (int b = 0; b < n; b++) {
      d[b] = chosen.valueByBatch()[b] - runnerUp.valueByBatch()[b];
      mean += d[b];
    }
    mean /= n;
    double squares = 0;
    for (double x : d) {
      squares += (x - mean) * (x - mean);
    }
    double halfWidth = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2)
        * Math.sqrt(squares / (n - 1) / n);
    return new OptimisationReport.Difference(estimate, mean - halfWidth, mean + halfWidth, n);
  }

  private static OptimisationReport.Portfolio portfolio(Optimisation optimisation, PortfolioEvaluator evaluator,
      PortfolioSearch.Ranked ranked) {
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < optimisation.options().size(); k++) {
      if ((ranked.portfolio() >>> k & 1) != 0) {
        ids.add(optimisation.options().get(k).id());
      }
    }
    return new OptimisationReport.Portfolio(ids, ranked.cost(), evaluator.evaluation(ranked.portfolio()).value());
  }

  private static List<OptimisationReport.Option> options(Optimisation optimisation) {
    List<OptimisationReport.Option> out = new ArrayList<>();
    for (InvestmentOption o : optimisation.options()) {
      out.add(new OptimisationReport.Option(o.id(), o.name(), o.group(), o.cost(), o.costBasis(), o.effects()));
    }
    return out;
  }
}
