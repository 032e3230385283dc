package org.quartermaster.engine.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * First-order and total Sobol indices from outputs in {@link SaltelliSample}'s layout, with bootstrap
 * confidence intervals. Pure functions of arrays.
 *
 * <ul>
 *   <li>V: the variance of the 2n outputs of A and B together;
 *   <li>first order (Saltelli et al. 2010, eq. (b) of table 2): S1_i = (1/n) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j) / V,
 *       with f centred on the mean of the A and B outputs (the estimator's expectation is the same, as
 *       the differences have mean 0, but without centring its variance grows with the output's mean:
 *       an output of mean 60,000 and standard deviation 8,000 gave intervals ten times wider);
 *   <li>total (Jansen 1999): ST_i = (1/2n) Σ_j (f(A)_j − f(A_B^(i))_j)² / V.
 * </ul>
 *
 * Intervals: {@code bootstrap} resamples of the n rows (the same rows of A, B and every A_B^(i),
 * with replacement), each estimated as above; the percentile interval at {@code confidence}. The
 * resampling stream comes from {@code seed} only, so a result is reproducible.
 */
public final class SobolIndices {
  /** Keeps the bootstrap's stream apart from the runs' and the designs' streams of the same seed. */
  private static final long BOOTSTRAP_STREAM = 0x5EED_B007_5747_0001L;

  private SobolIndices() {}

  /** Samples, evaluates {@code model} at every point of the unit cube, and estimates. */
  public static List<SobolIndex> of(ToDoubleFunction<double[]> model, int parameters, int n, int bootstrap,
      double confidence, long seed) {
    double[][] points = SaltelliSample.unitPoints(parameters, n);
    double[] outputs = new double[points.length];
    for (int r = 0; r < points.length; r++) {
      outputs[r] = model.applyAsDouble(points[r]);
    }
    return estimate(outputs, parameters, n, bootstrap, confidence, seed);
  }

  /**
   * @param outputs    n·(k + 2) model outputs, in {@link SaltelliSample}'s layout, none NaN
   * @param bootstrap  resamples (0: intervals are NaN)
   * @param confidence the interval's coverage, in (0, 1), e.g. 0.95
   */
  public static List<SobolIndex> estimate(double[] outputs, int parameters, int n, int bootstrap, double confidence,
      long seed) {
    if (outputs.length != SaltelliSample.evaluations(parameters, n)) {
      throw new IllegalArgumentException("expected " + SaltelliSample.evaluations(parameters, n) + " outputs for "
          + parameters + " parameters and n = " + n + ", got " + outputs.length);
    }
    int[] rows = new int[n];
    Arrays.setAll(rows, j -> j);
    double[][] point = indices(outputs, parameters, n, rows);
    double[][][] resampled = new double[2][parameters][bootstrap];
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, BOOTSTRAP_STREAM});
    for (int b = 0; b < bootstrap; b++) {
      for (int j = 0; j < n; j++) {
        rows[j] = rng.nextInt(n);
      }
      double[][] one = indices(outputs, parameters, n, rows);
      for (int i = 0; i < parameters; i++) {
        resampled[0][i][b] = one[0][i];
        resampled[1][i][b] = one[1][i];
      }
    }
    double tail = (1 - confidence) / 2;
    List<SobolIndex> out = new ArrayList<>();
    for (int i = 0; i < parameters; i++) {
      double[] first = resampled[0][i];
      double[] total = resampled[1][i];
      Arrays.sort(first);
      Arrays.sort(total);
      out.add(new SobolIndex(point[0][i], percentile(first, tail), percentile(first, 1 - tail), point[1][i],
          percentile(total, tail), percentile(total, 1 - tail)));
    }
    return out;
  }

  /** [0][i] first order, [1][i] total, from the given rows (with repeats) of every matrix. */
  private static double[][] indices(double[] y, int k, int n, int[] rows) {
    double sum = 0;
    for (int j : rows) {
      sum += y[j] + y[n + j];
    }
    double mean = sum / (2.0 * rows.length);
    double squares = 0;
    for (int j : rows) {
      squares += (y[j] - mean) * (y[j] - mean) + (y[n + j] - mean) * (y[n + j] - mean);
    }
    double variance = squares / (2.0 * rows.length - 1);
    double[][] out = new double[2][k];
    for (int i = 0; i < k; i++) {
      int ab = (2 + i) * n;
      double first = 0;
      double total = 0;
      for (int j : rows) {
        first += (y[n + j] - mean) * (y[ab + j] - y[j]);
        total += (y[j] - y[ab + j]) * (y[j] - y[ab + j]);
      }
      out[0][i] = first / rows.length / variance;
      out[1][i] = total / (2.0 * rows.length) / variance;
    }
    return out;
  }

  /** Type-7 quantile of sorted values; NaN when there are none. */
  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
