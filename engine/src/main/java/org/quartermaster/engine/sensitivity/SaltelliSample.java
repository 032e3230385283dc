package org.quartermaster.engine.sensitivity;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Saltelli's sampling scheme for Sobol indices (Saltelli et al. 2010, "Variance based sensitivity
 * analysis of model output", Comput. Phys. Commun. 181): two matrices A and B of {@code n} points in
 * the unit cube [0, 1)^k, and for each parameter i the matrix A_B^(i), A with its column i taken from
 * B. A and B are the two halves of the first {@code n} points of the Sobol sequence of dimension 2k
 * (Commons Math's {@link SobolSequenceGenerator}, Joe and Kuo's direction numbers), starting at its
 * first point, the origin; powers of two keep the points balanced. Deterministic: no seed.
 *
 * <p>Layout of {@link #unitPoints} (n·(k + 2) rows of k coordinates): rows 0 … n − 1 are A, rows
 * n … 2n − 1 are B, rows (2 + i)·n … (3 + i)·n − 1 are A_B^(i). {@link SobolIndices} reads model
 * outputs in the same order.
 */
public final class SaltelliSample {
  /** The Sobol sequence of Commons Math has direction numbers for this many dimensions (2k). */
  public static final int MAX_PARAMETERS = 500;

  private SaltelliSample() {}

  /** Model evaluations the scheme needs: n·(k + 2). */
  public static long evaluations(int parameters, int n) {
    return (long) n * (parameters + 2);
  }

  /** The n·(k + 2) points, in the layout above. */
  public static double[][] unitPoints(int parameters, int n) {
    if (parameters < 1 || parameters > MAX_PARAMETERS) {
      throw new IllegalArgumentException("parameters must be in 1.." + MAX_PARAMETERS + ", got " + parameters);
    }
    if (n < 2) {
      throw new IllegalArgumentException("n must be at least 2, got " + n);
    }
    int k = parameters;
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * k);
    double[][] out = new double[Math.toIntExact(evaluations(k, n))][];
    for (int j = 0; j < n; j++) {
      double[] u = sobol.nextVector();
      double[] a = java.util.Arrays.copyOfRange(u, 0, k);
      double[] b = java.util.Arrays.copyOfRange(u, k, 2 * k);
      out[j] = a;
      out[n + j] = b;
      for (int i = 0; i < k; i++) {
        double[] ab = a.clone();
        ab[i] = b[i];
        out[(2 + i) * n + j] = ab;
      }
    }
    return out;
  }
}
