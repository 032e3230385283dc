package org.quartermaster.engine.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Ranks one-at-a-time swings. A pure function of arrays. */
public final class Tornado {
  private Tornado() {}

  /**
   * The bars, widest swing first; ties keep the parameters' order; a bar whose swing is NaN (an
   * output missing) comes last.
   */
  public static List<TornadoBar> bars(double[] lowValues, double[] highValues, double[] outputsAtLow,
      double[] outputsAtHigh) {
    List<TornadoBar> bars = new ArrayList<>();
    for (int p = 0; p < lowValues.length; p++) {
      bars.add(new TornadoBar(p, lowValues[p], highValues[p], outputsAtLow[p], outputsAtHigh[p]));
    }
    bars.sort(Comparator.comparingDouble((TornadoBar b) -> Double.isNaN(b.swing()) ? Double.NEGATIVE_INFINITY
        : b.swing()).reversed());
    return bars;
  }
}
