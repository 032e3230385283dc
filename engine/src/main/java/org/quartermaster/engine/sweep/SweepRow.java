package org.quartermaster.engine.sweep;

/**
 * One row of a sweep's results: a variant and a cell, the variant's parameter values and the cell's
 * metrics (in {@link Sweep#parameterColumns()} and {@link Sweep#metricColumns()} order). A metric
 * that does not exist for the cell (no target; a censored quantile) is NaN.
 */
public record SweepRow(int variant, double[] parameterValues, String holder, String item, double[] metrics) {}
