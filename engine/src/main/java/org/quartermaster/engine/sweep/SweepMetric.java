package org.quartermaster.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import java.math.BigDecimal;
import java.util.Optional;
import org.quartermaster.engine.result.MonthsToTarget;
import org.quartermaster.engine.simulation.VariantStatistics;

/**
 * A figure a sweep keeps per variant and cell (MODEL.md "Results"), as one or more columns. A value
 * that does not exist (no target; a censored quantile) is NaN, written as an empty (null) cell.
 */
sealed interface SweepMetric {

  /** Months to target, P50 (censored runs as +∞). */
  record MonthsToTargetP50() implements SweepMetric {
    @Override
    public List<String> columns() {
      return List.of("months_to_target_p50");
    }

    @Override
    public void values(VariantStatistics stats, int cell, ClosingSlots slots, double[] out, int at) {
      out[at] = target(stats, cell).map(m -> m.p50().orElse(Double.NaN)).orElse(Double.NaN);
    }
  }

  /** Months to target, P90 (censored runs as +∞). */
  record MonthsToTargetP90() implements SweepMetric {
    @Override
    public List<String> columns() {
      return List.of("months_to_target_p90");
    }

    @Override
    public void values(VariantStatistics stats, int cell, ClosingSlots slots, double[] out, int at) {
      out[at] = target(stats, cell).map(m -> m.p90().orElse(Double.NaN)).orElse(Double.NaN);
    }
  }

  /** Share of runs whose months to target is at most {@code month} (0 … horizon). */
  record ReachedByMonth(int month) implements SweepMetric {
    @Override
    public List<String> columns() {
      return List.of("reached_by_month_" + month);
    }

    @Override
    public void values(VariantStatistics stats, int cell, ClosingSlots slots, double[] out, int at) {
      out[at] = target(stats, cell).map(m -> m.reachedByMonth()[month]).orElse(Double.NaN);
    }
  }

  /** Share of runs with some month's demand not fully served. */
  record ShortfallProbability() implements SweepMetric {
    @Override
    public List<String> columns() {
      return List.of("shortfall_probability");
    }

    @Override
    public void values(VariantStatistics stats, int cell, ClosingSlots slots, double[] out, int at) {
      out[at] = stats.shortfall(cell).probabilityAny();
    }
  }

  /** Mean over runs of the total unserved demand over the horizon (units of the item). */
  record ExpectedUnmetDemand() implements SweepMetric {
    @Override
    public List<String> columns() {
      return List.of("expected_unmet_demand");
    }

    @Override
    public void values(VariantStatistics stats, int cell, ClosingSlots slots, double[] out, int at) {
      out[at] = stats.shortfall(cell).expectedTotal();
    }
  }

  /** Type-7 quantiles of closing stock at the end of month {@code month} (0-based), one column each. */
  record ClosingStock(int month, List<Double> probabilities) implements SweepMetric {
    public ClosingStock {
      probabilities = List.copyOf(probabilities);
    }

    @Override
    public List<String> columns() {
      List<String> columns = new ArrayList<>();
      for (double p : probabilities) {
        columns.add("closing_stock_m" + month + "_p" + percent(p));
      }
      return columns;
    }

    @Override
    public void values(VariantStatistics stats, int cell, ClosingSlots slots, double[] out, int at) {
      for (int k = 0; k < probabilities.size(); k++) {
        out[at + k] = stats.closingQuantile(cell, slots.monthSlot(month), slots.probabilitySlot(probabilities.get(k)));
      }
    }

    /** The quantile in percent as written in a column name: 0.05 → 5, 0.125 → 12_5 (decimal, not binary, arithmetic). */
    static String percent(double p) {
      return new BigDecimal(Double.toString(p)).movePointRight(2).stripTrailingZeros().toPlainString().replace('.', '_');
    }
  }

  /** The metrics kept when a sweep file names none. */
  List<SweepMetric> DEFAULT = List.of(new MonthsToTargetP50(), new MonthsToTargetP90(), new ShortfallProbability(),
      new ExpectedUnmetDemand());

  List<String> columns();

  /** Writes this metric's {@link #columns()} values for one cell into {@code out[at …]}. */
  void values(VariantStatistics stats, int cell, ClosingSlots slots, double[] out, int at);

  private static Optional<MonthsToTarget> target(VariantStatistics stats, int cell) {
    return stats.monthsToTarget(cell);
  }
}
