package org.quartermaster.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one holder has of one item at month 0, the level it aims for and what it consumes.
 *
 * @param initial S0 ≥ 0
 * @param target  G ≥ 0, if the cell has one
 * @param demand  piecewise-constant demand, segments with strictly increasing {@code fromMonth};
 *                the rate is 0 before the first segment
 */
public record Stock(String holder, String item, double initial, OptionalDouble target, List<DemandSegment> demand) {
  public Stock {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(target, "target");
    demand = List.copyOf(demand);
  }

  public Cell cell() {
    return new Cell(holder, item);
  }
}
