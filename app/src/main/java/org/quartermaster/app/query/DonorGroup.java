package org.quartermaster.app.query;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;

/**
 * The donor groups the Kiel Institute's tracker headlines: EU member states, EU institutions, other
 * European countries, the United States, and everyone else. A donor that is itself a group of donors
 * ("Europe", "All donors", "Other NATO members and partners") belongs to none: it overlaps its members,
 * so sums across donors leave it out and say so.
 */
public enum DonorGroup {
  EU_MEMBER_STATES("EU member states"),
  EU_INSTITUTIONS("EU institutions"),
  OTHER_EUROPE("other Europe"),
  UNITED_STATES("United States"),
  OTHERS("others");

  /** European countries outside the EU that Kiel counts as Europe (ISO 3166 alpha-3). */
  private static final Set<String> OTHER_EUROPEAN = Set.of("GBR", "NOR", "CHE", "ISL", "LIE", "TUR", "ALB", "MKD",
      "MNE", "SRB", "BIH", "MDA", "AND", "MCO", "SMR", "XKX");

  private final String label;

  DonorGroup(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether Kiel's "Europe" total includes this group. */
  public boolean european() {
    return this == EU_MEMBER_STATES || this == EU_INSTITUTIONS || this == OTHER_EUROPE;
  }

  /**
   * The group of a donor on a date (EU membership on that date), or empty for a donor that is a group
   * of donors.
   *
   * @param donorIso3 the donor's country code, or null for an institution or a group
   */
  public static Optional<DonorGroup> of(String donor, String donorIso3, LocalDate on, Countries countries) {
    if (donorIso3 != null) {
      if (donorIso3.equals("USA")) {
        return Optional.of(UNITED_STATES);
      }
      Optional<Country> country = countries.byIso3(donorIso3);
      if (country.isPresent() && country.get().euMemberOn(on)) {
        return Optional.of(EU_MEMBER_STATES);
      }
      return Optional.of(OTHER_EUROPEAN.contains(donorIso3) ? OTHER_EUROPE : OTHERS);
    }
    return isEuInstitution(donor) ? Optional.of(EU_INSTITUTIONS) : Optional.empty();
  }

  /**
   * EU institutions as the tracker names them: "EU (Commission and Council)", "EU institutions",
   * "EU (Commission)", "European Investment Bank", "European Peace Facility" — never "European Union
   * (all: member states + institutions)", which is a group.
   */
  static boolean isEuInstitution(String donor) {
    String name = donor.toLowerCase(Locale.ROOT);
    if (name.contains("member states") || name.contains("all")) {
      return false;
    }
    return name.startsWith("eu (") || name.equals("eu institutions") || name.startsWith("european commission")
        || name.contains("european investment bank") || name.contains("european peace facility")
        || name.equals("eu");
  }
}
