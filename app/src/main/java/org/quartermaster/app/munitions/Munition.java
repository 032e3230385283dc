package org.quartermaster.app.munitions;

import java.util.List;
import java.util.Objects;
import org.quartermaster.app.query.Source;

/**
 * A canonical munition (or launcher, or component) of the catalogue ({@code munitions.csv}).
 *
 * @param id       the canonical id: lower-case letters, digits and hyphens ({@code shell-155})
 * @param name     the name titles and units show ({@code 155 mm artillery round (complete)})
 * @param family   the designation family several munitions share ({@code MIM-104}, {@code 155 mm})
 * @param category missiles, rockets, launchers, artillery ammunition, … as the catalogue says
 * @param unit     what one counts: missiles, rounds, projectiles, charge sets, launchers …
 * @param note     what the id covers and leaves out, or null
 * @param source   where the description comes from (URL, publisher, title, grade), or null when not given
 * @param status   whether it is made, as of when, and the source that says so, or null when not given
 */
public record Munition(String id, String name, String family, String category, String unit, String note,
    Source source, Status status) {

  /** The statuses a munition can have; {@code not established}: no source consulted says. */
  public static final List<String> STATUSES =
      List.of("in production", "out of production", "in development", "not established");

  /**
   * Whether a munition is made.
   *
   * @param value     one of {@link #STATUSES}
   * @param asOf      the date of the statement (YYYY, YYYY-MM or YYYY-MM-DD), or null when the page has none
   * @param sourceUrl the page that says so
   */
  public record Status(String value, String asOf, String sourceUrl) {
    public Status {
      if (!STATUSES.contains(value)) {
        throw new IllegalArgumentException("status '" + value + "': expected one of " + STATUSES);
      }
      Objects.requireNonNull(sourceUrl, "sourceUrl");
    }
  }

  public Munition {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    if (!id.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("munition id '" + id + "': use lower-case letters, digits and hyphens");
    }
  }

  /** A munition without a cited description or status. */
  public Munition(String id, String name, String family, String category, String unit, String note) {
    this(id, name, family, category, unit, note, null, null);
  }
}
