package org.quartermaster.engine.optimise;

import java.util.List;

/**
 * Simulates portfolios somewhere other than this machine's threads, e.g. on a Spark cluster, for
 * {@link Optimiser#run(Optimisation, PortfolioEvaluations, PortfolioProgress)}. Each portfolio's evaluation
 * depends only on the optimisation file and the portfolio (batch b of every portfolio runs with seed
 * {@code seed + b}), so the report is the one {@link Optimiser#run(Optimisation, int)} gives.
 */
@FunctionalInterface
public interface PortfolioEvaluations {
  /**
   * For each portfolio (a bit set of the options' indices), in order: {@link Optimiser#evaluate}'s values,
   * its objective over all runs, then its value in each batch.
   */
  List<double[]> evaluate(List<Long> portfolios);
}
