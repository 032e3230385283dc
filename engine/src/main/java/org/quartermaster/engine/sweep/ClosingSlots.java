package org.quartermaster.engine.sweep;

import java.util.List;
import java.util.TreeSet;

/** The distinct months and probabilities (ascending) that a sweep's closing-stock metrics ask for. */
record ClosingSlots(int[] months, double[] probabilities) {

  static ClosingSlots of(List<SweepMetric> metrics) {
    TreeSet<Integer> months = new TreeSet<>();
    TreeSet<Double> probabilities = new TreeSet<>();
    for (SweepMetric metric : metrics) {
      if (metric instanceof SweepMetric.ClosingStock closing) {
        months.add(closing.month());
        probabilities.addAll(closing.probabilities());
      }
    }
    return new ClosingSlots(months.stream().mapToInt(Integer::intValue).toArray(),
        probabilities.stream().mapToDouble(Double::doubleValue).toArray());
  }

  int monthSlot(int month) {
    return java.util.Arrays.binarySearch(months, month);
  }

  int probabilitySlot(double probability) {
    return java.util.Arrays.binarySearch(probabilities, probability);
  }
}
