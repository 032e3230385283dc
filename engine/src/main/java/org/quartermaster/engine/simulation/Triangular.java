package org.quartermaster.engine.simulation;

/** The triangular distribution's inverse CDF, for the ramp delay (MODEL.md "One run"). */
final class Triangular {
  private Triangular() {}

  /** The quantile at {@code u} ∈ [0, 1) of Triangular(min a, mode b, max c), a &lt; c. */
  static double inverseCdf(double u, double a, double b, double c) {
    double width = c - a;
    if (u < (b - a) / width) {
      return a + Math.sqrt(u * width * (b - a));
    }
    return c - Math.sqrt((1 - u) * width * (c - b));
  }
}
