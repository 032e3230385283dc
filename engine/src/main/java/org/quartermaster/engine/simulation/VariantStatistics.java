package org.quartermaster.engine.simulation;

import java.util.List;
import java.util.Optional;
import org.quartermaster.engine.result.MonthsToTarget;
import org.quartermaster.engine.result.Shortfall;

/**
 * What one sweep variant keeps, per cell (index as in {@link VariantSimulator#cells()}): months to
 * target (MODEL.md "Results"; empty for a cell without a target), shortfall, and closing-stock
 * quantiles at the months and probabilities the run was asked for. Immutable.
 */
public final class VariantStatistics {
  private final List<Optional<MonthsToTarget>> monthsToTargetByCell;
  private final List<Shortfall> shortfallByCell;
  /** [cell][month slot][probability slot]. */
  private final double[][][] closingQuantiles;

  VariantStatistics(List<Optional<MonthsToTarget>> monthsToTargetByCell, List<Shortfall> shortfallByCell,
      double[][][] closingQuantiles) {
    this.monthsToTargetByCell = List.copyOf(monthsToTargetByCell);
    this.shortfallByCell = List.copyOf(shortfallByCell);
    this.closingQuantiles = closingQuantiles;
  }

  public Optional<MonthsToTarget> monthsToTarget(int cell) {
    return monthsToTargetByCell.get(cell);
  }

  public Shortfall shortfall(int cell) {
    return shortfallByCell.get(cell);
  }

  /** The closing-stock quantile of {@code probabilities[probabilitySlot]} at {@code closingMonths[monthSlot]}. */
  public double closingQuantile(int cell, int monthSlot, int probabilitySlot) {
    return closingQuantiles[cell][monthSlot][probabilitySlot];
  }
}
