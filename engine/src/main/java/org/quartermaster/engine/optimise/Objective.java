package org.quartermaster.engine.optimise;

import java.util.List;
import org.quartermaster.engine.model.Cell;
import org.quartermaster.engine.simulation.VariantStatistics;

/**
 * What an optimisation improves, over a set of cells (indices into the cells of the scenario the
 * options are compiled into). Each batch of runs gives one value ({@link #batchValue}); the value of
 * all runs pools the batches ({@link #pooled}), which for the two means equals the mean of the batch
 * values.
 */
public sealed interface Objective {

  /** Minimise the sum over the cells of the expected total unserved demand over the horizon (units). */
  record ExpectedUnmetDemand(List<Cell> cells, int[] cellIndices) implements Objective {
    @Override
    public boolean minimise() {
      return true;
    }

    @Override
    public String unit() {
      return "units";
    }

    @Override
    public String label() {
      return "minimise expected unmet demand (units, sum over " + names(cells) + ")";
    }

    @Override
    public double batchValue(VariantStatistics stats) {
      double sum = 0;
      for (int c : cellIndices) {
        sum += stats.shortfall(c).expectedTotal();
      }
      return sum;
    }
  }

  /** Maximise the mean over the cells of the probability of having reached the target by {@code month}. */
  record ReachedByMonth(List<Cell> cells, int[] cellIndices, int month) implements Objective {
    @Override
    public boolean minimise() {
      return false;
    }

    @Override
    public String unit() {
      return "share of runs";
    }

    @Override
    public String label() {
      return "maximise the probability of reaching the target by month " + month + " (mean over " + names(cells)
          + ")";
    }

    @Override
    public double batchValue(VariantStatistics stats) {
      double sum = 0;
      for (int c : cellIndices) {
        sum += stats.monthsToTarget(c).orElseThrow().reachedByMonth()[month];
      }
      return sum / cellIndices.length;
    }

    /** From the runs counted (not the mean of shares), so that 405 of 1,000 runs reads 0.405 exactly. */
    @Override
    public double pooled(List<VariantStatistics> batches, int runsPerBatch) {
      double sum = 0;
      for (int c : cellIndices) {
        long reached = 0;
        for (VariantStatistics stats : batches) {
          reached += Math.round(stats.monthsToTarget(c).orElseThrow().reachedByMonth()[month] * runsPerBatch);
        }
        sum += (double) reached / ((long) runsPerBatch * batches.size());
      }
      return sum / cellIndices.length;
    }
  }

  /**
   * Minimise the largest months-to-target P50 over the cells (the slowest cell); a median never
   * reached within the horizon counts as horizon + 1.
   */
  record MonthsToTargetP50(List<Cell> cells, int[] cellIndices, int horizonMonths) implements Objective {
    @Override
    public boolean minimise() {
      return true;
    }

    @Override
    public String unit() {
      return "months";
    }

    @Override
    public String label() {
      return "minimise months to target P50 (months, the largest over " + names(cells) + "; not reached = "
          + (horizonMonths + 1) + ")";
    }

    @Override
    public double batchValue(VariantStatistics stats) {
      double worst = 0;
      for (int c : cellIndices) {
        double p50 = stats.monthsToTarget(c).orElseThrow().p50().orElse(horizonMonths + 1);
        worst = Math.max(worst, p50);
      }
      return worst;
    }

    @Override
    public double pooled(List<VariantStatistics> batches, int runsPerBatch) {
      double worst = 0;
      for (int c : cellIndices) {
        worst = Math.max(worst, PooledMedian.monthsToTarget(batches, c, runsPerBatch, horizonMonths + 1));
      }
      return worst;
    }
  }

  boolean minimise();

  /** The unit of the objective's values. */
  String unit();

  /** The objective in words, with its unit and cells. */
  String label();

  /** The objective over one batch of runs. */
  double batchValue(VariantStatistics stats);

  /** The objective over all runs of equally sized batches. */
  default double pooled(List<VariantStatistics> batches, int runsPerBatch) {
    double sum = 0;
    for (VariantStatistics stats : batches) {
      sum += batchValue(stats);
    }
    return sum / batches.size();
  }

  private static String names(List<Cell> cells) {
    return String.join(", ", cells.stream().map(c -> c.holder() + "/" + c.item()).toList());
  }
}
