package org.quartermaster.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A production line (MODEL.md "line"): output per month ramps linearly from {@code basePerMonth} to
 * {@code surgePerMonth} over {@code rampMonths}, starting at {@code rampStartMonth} plus a sampled delay.
 *
 * @param shares the holders that receive its output, in the order written (at least one)
 */
public record ProductionLine(
    String id,
    String item,
    double basePerMonth,
    double surgePerMonth,
    int rampStartMonth,
    double rampMonths,
    RampDelay rampDelayMonths,
    Disruption disruption,
    List<Share> shares) {
  public ProductionLine {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(rampDelayMonths, "rampDelayMonths");
    Objects.requireNonNull(disruption, "disruption");
    shares = List.copyOf(shares);
    if (shares.isEmpty()) {
      throw new IllegalArgumentException("line " + id + " has no share");
    }
  }
}
