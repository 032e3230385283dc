package org.quartermaster.engine.result;

/**
 * Unserved demand of one cell over the horizon.
 *
 * @param expectedTotal  mean over runs of the total unserved demand
 * @param stdTotal       its sample standard deviation over runs
 * @param probabilityAny share of runs in which some month's demand was not fully served
 */
public record Shortfall(double expectedTotal, double stdTotal, double probabilityAny) {}
