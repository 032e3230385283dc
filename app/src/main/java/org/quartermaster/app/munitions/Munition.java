package org.quartermaster.app.munitions;

import java.util.Objects;

/**
 * A canonical munition (or launcher, or component) of the catalogue ({@code munitions.csv}).
 *
 * @param id       the canonical id: lower-case letters, digits and hyphens ({@code shell-155})
 * @param name     the name titles and units show ({@code 155 mm artillery round (complete)})
 * @param family   the designation family several munitions share ({@code MIM-104}, {@code 155 mm})
 * @param category missiles, rockets, launchers, artillery ammunition, … as the catalogue says
 * @param unit     what one counts: missiles, rounds, projectiles, charge sets, launchers …
 * @param note     what the id covers and leaves out, or null
 */
public record Munition(String id, String name, String family, String category, String unit, String note) {
  public Munition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    if (!id.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("munition id '" + id + "': use lower-case letters, digits and hyphens");
    }
  }
}
