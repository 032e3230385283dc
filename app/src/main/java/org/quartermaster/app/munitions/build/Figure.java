package org.quartermaster.app.munitions.build;

import java.util.Objects;

/**
 * One number of a built scenario: its path ({@code lines[usa-stinger].base_per_month},
 * {@code stocks[USA/stinger].initial}, {@code transfers[0].quantity}), its value and where it comes from.
 */
public record Figure(String path, double value, Provenance provenance) {
  public Figure {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(provenance, "provenance");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(path + ": not a finite number: " + value);
    }
  }
}
