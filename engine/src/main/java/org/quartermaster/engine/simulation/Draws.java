package org.quartermaster.engine.simulation;

/**
 * Where a run's random quantities come from. {@link RandomDraws} samples them (stochastic mode);
 * {@link ExpectedDraws} returns their expectations (deterministic mode), so both modes run the very
 * same loop. Indices: {@code line} and {@code demand} are dense scenario indices, {@code r} the run's
 * position in the current block. Not thread-safe: one instance per worker thread.
 */
sealed interface Draws permits RandomDraws, ExpectedDraws {

  /** Prepares the runs {@code firstRun … firstRun + runs − 1} of a block. */
  void startBlock(long firstRun, int runs);

  /** The ramp delay d of a line, in months. */
  double rampDelay(int line, int r);

  /** The disruption indicator B of a line this month: 0 or 1 (or its expectation p). */
  double disruption(int line, int r);

  /** The demand D of a cell this month, for the Poisson mean with index {@code demand} (λ > 0). */
  double demand(int demand, int r);
}
