package org.quartermaster.engine.model;

import java.util.Objects;

/** The weight (> 0) of one holder in a production line's output; weights are normalised per line. */
public record Share(String holder, double weight) {
  public Share {
    Objects.requireNonNull(holder, "holder");
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("share weight must be finite and > 0, got " + weight);
    }
  }
}
