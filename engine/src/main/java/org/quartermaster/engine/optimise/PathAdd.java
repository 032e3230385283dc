package org.quartermaster.engine.optimise;

import org.quartermaster.engine.sweep.ParameterTarget;

/**
 * An amount an option adds to one value of the base scenario, e.g. +20,000 to
 * {@code lines[us-155-total].surge_per_month}.
 *
 * @param target    the value, resolved like a sweep parameter's path
 * @param baseValue its value in the base scenario
 * @param amount    what the option adds (may be negative, e.g. months taken off a delay)
 */
public record PathAdd(ParameterTarget target, double baseValue, double amount) {}
