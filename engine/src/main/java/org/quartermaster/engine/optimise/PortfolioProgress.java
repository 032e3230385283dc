package org.quartermaster.engine.optimise;

/**
 * Told how many portfolios an optimisation has simulated, called on the caller's thread with
 * {@code simulated} increasing. {@code feasible} is the number of feasible portfolios within the
 * budget ({@link Optimiser#feasiblePortfolios}): what enumeration simulates at most; branch and bound
 * usually simulates fewer, and may also simulate the relaxed portfolios it bounds with. A callback may
 * throw (an unchecked exception) to stop the optimisation.
 */
@FunctionalInterface
public interface PortfolioProgress {
  PortfolioProgress NONE = (simulated, feasible) -> {};

  void portfoliosDone(long simulated, long feasible);
}
