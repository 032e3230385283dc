package org.quartermaster.engine.model;

/**
 * Each month, with {@code probability}, a line loses the fraction {@code cut} of its output.
 * Both in [0, 1]; {@link #NONE} when the scenario gives none.
 */
public record Disruption(double probability, double cut) {
  public static final Disruption NONE = new Disruption(0, 0);

  public Disruption {
    if (!(probability >= 0 && probability <= 1 && cut >= 0 && cut <= 1)) {
      throw new IllegalArgumentException("probability and cut must be in [0, 1], got " + probability + ", " + cut);
    }
  }
}
