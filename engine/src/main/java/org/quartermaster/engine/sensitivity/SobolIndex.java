package org.quartermaster.engine.sensitivity;

/**
 * One parameter's Sobol indices with their bootstrap percentile intervals. First order S1: the share
 * of the output's variance explained by the parameter alone; total ST: the share it explains with all
 * its interactions. Both are shares of variance (no unit); estimates may stray slightly outside
 * [0, 1] at small samples.
 */
public record SobolIndex(double firstOrder, double firstOrderLow, double firstOrderHigh, double total,
    double totalLow, double totalHigh) {}
