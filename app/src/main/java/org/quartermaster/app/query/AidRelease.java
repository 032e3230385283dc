package org.quartermaster.app.query;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One release of aid figures: a publisher's release name ({@code Kiel UST Release 28}) and the date its
 * data run to. A release is identified by publisher and name, never by the month a file was labelled
 * with nor by how many rows it has; "latest" means the latest data-through date.
 *
 * @param publisher   who produced the figures, or null
 * @param name        the release's name (the rows' {@code vintage}), or null
 * @param dataThrough the last day its data cover, or null when none of its rows says (such a release is
 *                    never the latest; ask for it by name)
 */
public record AidRelease(String publisher, String name, LocalDate dataThrough) {

  /** {@code Kiel UST Release 28 (Kiel Institute for the World Economy, data to 2026-02-28)}. */
  public String label() {
    String release = name == null ? "(no release name)" : name;
    return release + " (" + (publisher == null ? "publisher not given" : publisher) + ", data to "
        + (dataThrough == null ? "an unstated date" : dataThrough) + ")";
  }

  /** A data-through text as a date: YYYY-MM-DD as is, YYYY-MM as its last day, anything else null. */
  static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    try {
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(t);
      }
      if (t.matches("\\d{4}-\\d{2}")) {
        return YearMonth.parse(t).atEndOfMonth();
      }
    } catch (java.time.DateTimeException e) {
      return null;
    }
    return null;
  }
}
