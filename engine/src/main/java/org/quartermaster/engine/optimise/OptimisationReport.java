package org.quartermaster.engine.optimise;

import java.util.List;

/**
 * What {@code qm optimise} reports: the chosen portfolio, the runner-up and the paired interval of
 * their difference, and the efficient frontier. Objective values are in the objective's own sense
 * and {@link #objectiveUnit}; costs in {@link #currency}.
 *
 * @param method      how the best portfolio was found, in words
 * @param evaluations portfolios simulated
 * @param runnerUp    null when only one portfolio is feasible
 * @param difference  chosen minus runner-up; null without a runner-up
 * @param frontier    the best portfolio for each budget level, cheapest level first
 */
public record OptimisationReport(String source, String baseLabel, String objective, String objectiveUnit,
    boolean minimise,
    String currency, double budget, int runs, int batches, long seed, boolean deterministic, String method,
    int evaluations, List<Option> options, Portfolio chosen, Portfolio runnerUp, Difference difference,
    List<FrontierLevel> frontier) {
  public OptimisationReport {
    options = List.copyOf(options);
    frontier = List.copyOf(frontier);
  }

  /** An option as the report lists it. */
  public record Option(String id, String name, String group, double cost, String costBasis, List<String> effects) {}

  /** A portfolio: its options' ids in file order (empty: invest nothing), cost and objective value. */
  public record Portfolio(List<String> optionIds, double cost, double value) {
    public Portfolio {
      optionIds = List.copyOf(optionIds);
    }
  }

  /**
   * Chosen minus runner-up: the value over all runs and a 95% Student-t interval from the paired
   * batch differences (common random numbers make them paired); exact in deterministic mode.
   */
  public record Difference(double estimate, double low, double high, int batches) {}

  /** The best portfolio whose cost is at most {@code budget}. */
  public record FrontierLevel(double budget, Portfolio best) {}
}
