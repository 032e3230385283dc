package org.quartermaster.app.query;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.query.SpendingQuery.Figure;

/**
 * Which countries a NATO guideline check is about: the allies, that is the NATO members on the date
 * of the vintage the figure comes from (its {@code as_of} when that is a full date, else the last day
 * of its vintage month). Figures of non-members are left out (and named in a note); an ally with no
 * figure for the year in the store gets a "no figure" row, so that a missing figure is never a silent
 * gap in the count.
 */
final class Allies {
  private Allies() {}

  /**
   * @param iso3        the only country asked for, or null
   * @param memberDates filled: per year, the date whose membership the year's check used
   * @param notes       gets a note when figures of non-members were left out
   */
  static List<Figure> of(List<Figure> figures, SpendingQuery.Options options, String iso3, Countries countries,
      Map<Integer, LocalDate> memberDates, List<String> notes) {
    List<Figure> kept = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    Set<String> present = new HashSet<>();
    for (Figure f : figures) {
      LocalDate date = vintageDate(f.asOf(), f.vintageMonth());
      boolean member = date == null
          || countries.byIso3(f.iso3()).map(c -> c.natoMemberOn(date)).orElse(false);
      if (!member) {
        leftOut.add(f.country() + " " + f.year() + " (vintage " + f.vintageMonth() + ")");
        continue;
      }
      kept.add(f);
      present.add(f.year() + "|" + f.iso3());
      if (date != null) {
        memberDates.merge(f.year(), date, (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    if (options.year() != null && options.vintage() != null) {
      memberDates.putIfAbsent(options.year(), YearMonth.parse(options.vintage()).atEndOfMonth());
    }
    for (Map.Entry<Integer, LocalDate> year : memberDates.entrySet()) {
      for (Country ally : countries.natoMembersOn(year.getValue())) {
        if ((iso3 == null || iso3.equals(ally.iso3())) && !present.contains(year.getKey() + "|" + ally.iso3())) {
          kept.add(new Figure(ally.name(), ally.iso3(), year.getKey(), null, null, "nato", options.vintage(), null,
              null, null, "no figure in the store for this ally and year"
                  + Optional.ofNullable(options.vintage()).map(v -> " in vintage " + v).orElse(""),
              List.of(), false));
        }
      }
    }
    if (!leftOut.isEmpty()) {
      notes.add("Left out, not NATO members on their vintage's date: " + String.join(", ", leftOut) + ".");
    }
    kept.sort(SpendingQuery.ORDER);
    return kept;
  }

  /** The as_of date when it is a full date, else the last day of the vintage month; null when neither says. */
  static LocalDate vintageDate(String asOf, String vintageMonth) {
    if (asOf != null && asOf.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return LocalDate.parse(asOf);
    }
    if (vintageMonth != null && vintageMonth.matches("\\d{4}-\\d{2}")) {
      return YearMonth.parse(vintageMonth).atEndOfMonth();
    }
    return null;
  }
}
