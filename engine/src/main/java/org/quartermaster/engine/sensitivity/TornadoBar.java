package org.quartermaster.engine.sensitivity;

/**
 * One bar of a tornado: parameter {@code parameter} (its index) at its low and high values with every
 * other parameter at base, the output at each, and the swing |high − low| of the output (NaN when
 * either output is missing). In the units of the parameter and of the output.
 */
public record TornadoBar(int parameter, double lowValue, double highValue, double outputAtLow,
    double outputAtHigh) {
  public double swing() {
    return Math.abs(outputAtHigh - outputAtLow);
  }
}
