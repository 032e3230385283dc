package org.quartermaster.engine.model;

/**
 * Triangular distribution of the delay, in months, before a line's ramp starts.
 * {@code 0 ≤ min ≤ mode ≤ max}; {@link #NONE} when the scenario gives none.
 */
public record RampDelay(double min, double mode, double max) {
  public static final RampDelay NONE = new RampDelay(0, 0, 0);

  public RampDelay {
    if (!(0 <= min && min <= mode && mode <= max)) {
      throw new IllegalArgumentException("need 0 <= min <= mode <= max, got " + min + ", " + mode + ", " + max);
    }
  }

  /** The expectation (a + b + c) / 3, evaluated left to right as MODEL.md fixes it. */
  public double mean() {
    return (min + mode + max) / 3;
  }
}
