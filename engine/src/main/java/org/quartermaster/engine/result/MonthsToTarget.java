package org.quartermaster.engine.result;

import java.util.OptionalDouble;

/**
 * Months until a cell's closing stock first reaches its target (0 when it starts there).
 *
 * @param reachedProbability share of runs that reach it within the horizon
 * @param p50                type-7 median counting never-reached runs as +∞; empty when that is +∞
 * @param p90                likewise for the 90th percentile
 * @param reachedByMonth     the distribution as a cumulative share: entry {@code m} (0 … horizon) is the
 *                           share of runs whose months to target is at most {@code m}; the last entry
 *                           equals {@code reachedProbability} (an extra field of result format v1)
 */
public record MonthsToTarget(double reachedProbability, OptionalDouble p50, OptionalDouble p90,
    double[] reachedByMonth) {}
