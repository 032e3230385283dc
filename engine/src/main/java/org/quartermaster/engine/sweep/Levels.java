package org.quartermaster.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TriangularDistribution;

/**
 * The values a sweep parameter takes. A grid uses {@link #grid()}; the sampled designs map a point
 * u ∈ [0, 1) of the unit interval through {@link #at(double)} (an inverse CDF).
 */
sealed interface Levels {

  /** Listed values: a grid uses each; a sampled design picks the k-th of n when u ∈ [k/n, (k+1)/n). */
  record Values(List<Double> values) implements Levels {
    public Values {
      values = List.copyOf(values);
    }

    @Override
    public double at(double u) {
      return values.get(Math.min(values.size() - 1, (int) Math.floor(u * values.size())));
    }

    @Override
    public List<Double> grid() {
      return values;
    }

    @Override
    public List<Double> extremes() {
      return values;
    }
  }

  /** [low, high]: uniform for a sampled design; {@code steps} evenly spaced values (ends included) for a grid. */
  record Range(double low, double high, int steps) implements Levels {
    /** Steps when none are given (only valid with a sampled design). */
    static final int NO_STEPS = 0;

    @Override
    public double at(double u) {
      return low + u * (high - low);
    }

    @Override
    public List<Double> grid() {
      if (steps == NO_STEPS) {
        return null;
      }
      List<Double> out = new ArrayList<>();
      for (int k = 0; k < steps; k++) {
        out.add(k == steps - 1 ? high : low + (high - low) * k / (steps - 1));
      }
      return out;
    }

    @Override
    public List<Double> extremes() {
      return List.of(low, high);
    }
  }

  /** Triangular(min, mode, max), through Commons Math's inverse CDF; sampled designs only. */
  record Triangular(double min, double mode, double max) implements Levels {
    @Override
    public double at(double u) {
      return min == max ? min : new TriangularDistribution(min, mode, max).inverseCumulativeProbability(u);
    }

    @Override
    public List<Double> grid() {
      return null;
    }

    @Override
    public List<Double> extremes() {
      return List.of(min, max);
    }
  }

  /** The value at u ∈ [0, 1). */
  double at(double u);

  /** The grid's values, or null when this parameter has none (a distribution, or a range without steps). */
  List<Double> grid();

  /** The values to check one by one against the field's own rules (every listed value, or the ends). */
  List<Double> extremes();
}
