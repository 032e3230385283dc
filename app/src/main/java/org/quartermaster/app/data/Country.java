package org.quartermaster.app.data;

import java.time.LocalDate;

/**
 * A country: ISO 3166 alpha-3 code, English name, and NATO / EU membership (dates of joining, null
 * when not a member; {@code euUntil} for a member that left).
 */
public record Country(String iso3, String name, LocalDate natoSince, LocalDate euSince, LocalDate euUntil) {

  public boolean natoMemberOn(LocalDate date) {
    return natoSince != null && !date.isBefore(natoSince);
  }

  public boolean euMemberOn(LocalDate date) {
    return euSince != null && !date.isBefore(euSince) && (euUntil == null || date.isBefore(euUntil));
  }
}
