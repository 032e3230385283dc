package org.quartermaster.engine.simulation;

import java.util.Arrays;

/** Keeps every run's closing stock at a few chosen months only, for exact type-7 quantiles there. */
final class SelectedMonthValues implements QuantileSink {
  private final int runs;
  /** Slot of month t among the chosen months, or -1. */
  private final int[] slotByMonth;
  /** [cell][slot][run]. */
  private final double[][][] valuesByCellSlot;

  SelectedMonthValues(CompiledScenario s, int runs, int[] months) {
    this.runs = runs;
    slotByMonth = new int[s.months];
    Arrays.fill(slotByMonth, -1);
    for (int k = 0; k < months.length; k++) {
      if (months[k] < 0 || months[k] >= s.months) {
        throw new IllegalArgumentException("month " + months[k] + " outside 0.." + (s.months - 1));
      }
      slotByMonth[months[k]] = k;
    }
    valuesByCellSlot = new double[s.cellCount][months.length][runs];
  }

  @Override
  public void record(int cell, int month, double[] values, int from, int n, long firstRun) {
    int slot = slotByMonth[month];
    if (slot >= 0) {
      System.arraycopy(values, from, valuesByCellSlot[cell][slot], (int) firstRun, n);
    }
  }

  /** [slot][k]: the type-7 quantile {@code probabilities[k]} (ascending) at each chosen month. */
  double[][] quantiles(int cell, double[] probabilities, BucketSelect select) {
    double[][] out = new double[valuesByCellSlot[cell].length][];
    for (int slot = 0; slot < out.length; slot++) {
      out[slot] = probabilities.length == 0 ? new double[0]
          : TypeSeven.of(valuesByCellSlot[cell][slot], runs, probabilities, select);
    }
    return out;
  }
}
