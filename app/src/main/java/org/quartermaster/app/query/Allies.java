package org.quartermaster.app.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.query.SpendingQuery.Figure;

/**
 * Who the allies of a year are: the NATO members on 31 December of that year, from the accession
 * dates of {@code countries.csv} (2021: 30 allies, Finland and Sweden not among them; 2024: 32). One
 * rule for every year and every source, whatever the release's date. Figures of non-members are left
 * out (and named in a note); for a count, an ally the counted release has no figure for gets a "no
 * figure" row, so that a missing figure is never a silent gap in the count.
 */
final class Allies {
  /** Beyond this many figures of non-members, the note names the first ones and counts the rest. */
  private static final int NAMED_LEFT_OUT = 8;
  private final List<Country> countries;

  /** @param countries the countries whose {@code natoSince} dates say who is a member when */
  Allies(List<Country> countries) {
    this.countries = List.copyOf(countries);
  }

  /** The allies by the accession dates of {@link Countries#standard()}. */
  static Allies nato() {
    return new Allies(Countries.standard().all());
  }

  /** 31 December of {@code year}: the date whose membership decides who the allies of the year are. */
  static LocalDate dateOf(int year) {
    return LocalDate.of(year, 12, 31);
  }

  /** The allies of {@code year}, by ISO code. */
  List<Country> of(int year) {
    LocalDate date = dateOf(year);
    return countries.stream().filter(c -> c.natoMemberOn(date)).toList();
  }

  boolean isAlly(String iso3, int year) {
    LocalDate date = dateOf(year);
    return countries.stream().anyMatch(c -> c.iso3().equals(iso3) && c.natoMemberOn(date));
  }

  /**
   * The figures of allies only; with {@code counted}, plus a "no figure" row for each ally of a counted
   * year that the year's release has no figure for.
   *
   * @param iso3    the only country asked for, or null
   * @param counted per year, the release a count uses; empty when nothing is counted
   * @param notes   gets a note when figures of non-members were left out
   */
  List<Figure> keep(List<Figure> figures, String iso3, Map<Integer, CountedRelease> counted, List<String> notes) {
    List<Figure> kept = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    Set<String> present = new HashSet<>();
    for (Figure f : figures) {
      if (!isAlly(f.iso3(), f.year())) {
        leftOut.add(f.country() + " " + f.year());
        continue;
      }
      kept.add(f);
      present.add(f.year() + "|" + f.iso3());
    }
    for (CountedRelease release : counted.values()) {
      for (Country ally : of(release.year())) {
        if ((iso3 == null || iso3.equals(ally.iso3())) && !present.contains(release.year() + "|" + ally.iso3())) {
          kept.add(new Figure(ally.name(), ally.iso3(), release.year(), null, null, release.source(),
              release.vintageMonth(), release.vintage(), null, null,
              "no figure for this ally in release " + release.label(), List.of(), false, Amount.NONE));
        }
      }
    }
    if (!leftOut.isEmpty()) {
      String named = leftOut.size() <= NAMED_LEFT_OUT ? String.join(", ", leftOut)
          : String.join(", ", leftOut.subList(0, NAMED_LEFT_OUT)) + " and " + (leftOut.size() - NAMED_LEFT_OUT)
              + " more";
      notes.add("Left out, not NATO members on 31 December of the figure's year: " + named + ".");
    }
    if (iso3 != null && kept.isEmpty() && !counted.isEmpty()) {
      String name = countries.stream().filter(c -> c.iso3().equals(iso3)).map(Country::name).findFirst().orElse(iso3);
      notes.add(name + " is not a NATO ally in the years counted, so a count of allies leaves it out; its figures"
          + " from another source: --source without --allies.");
    }
    kept.sort(SpendingQuery.ORDER);
    return kept;
  }
}
