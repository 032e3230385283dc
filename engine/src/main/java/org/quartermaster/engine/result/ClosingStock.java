package org.quartermaster.engine.result;

/**
 * Closing stock of one cell by month t = 0 … T−1 over all runs: mean, sample standard deviation
 * (n − 1; 0 for one run) and type-7 quantiles (exact up to 10,000 runs, within 0.39% above).
 * The arrays are owned by this record: do not modify them.
 */
public record ClosingStock(double[] mean, double[] std, double[] p5, double[] p50, double[] p95) {}
