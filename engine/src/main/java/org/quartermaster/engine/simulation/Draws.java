package org.quartermaster.engine.simulation;

/**
 * Where a run's random quantities come from. {@link RandomDraws} samples them (stochastic mode);
 * {@link ExpectedDraws} returns their expectations (deterministic mode), so both modes run the very
 * same loop. Each method fills {@code out[r]} for the runs r = 0 … runs − 1 of the current block
 * (one call per line or cell and month, so the sampler is fixed inside the loop). Indices
 * {@code line} and {@code demand} are dense scenario indices. Not thread-safe: one per worker.
 */
sealed interface Draws permits RandomDraws, ExpectedDraws {

  /** Prepares the runs {@code firstRun … firstRun + runs − 1} of a block. */
  void startBlock(long firstRun, int runs);

  /** The ramp delay d of a line, in months. */
  void rampDelays(int line, double[] out, int runs);

  /** The disruption indicator B of a line with p > 0 this month: 0 or 1 (or its expectation p). */
  void disruptions(int line, double[] out, int runs);

  /** The demand D of a cell this month, for the Poisson mean with index {@code demand} (λ > 0). */
  void demands(int demand, double[] out, int runs);
}
