package org.quartermaster.engine.model;

/** Demand of {@code perMonth} (≥ 0, a Poisson mean) from month {@code fromMonth} until the next segment. */
public record DemandSegment(int fromMonth, double perMonth) {}
