package org.quartermaster.app.query;

import java.util.ArrayList;
import java.util.List;
import org.quartermaster.app.data.SourceGrade;

/**
 * One source some rows of a result cite: who produced the figures, the primary document, its date and
 * the grade of the citation, the URL cited and the copy actually read. Shown under every table, in
 * every JSON answer and on every chart's source line.
 *
 * @param url       the best URL seen for the primary document, or null: the figures are unsourced
 * @param publisher the organisation that produced the figures, or null
 * @param title     the primary document, or null
 * @param date      the figures' date (as_of), or null
 * @param grade     the citation's grade, or null when not graded
 * @param readAt    the copy actually read when {@code url} points at the primary, or null
 */
public record Source(String url, String publisher, String title, String date, SourceGrade grade, String readAt) {

  /** A source known by its URL only. */
  public static Source ofUrl(String url) {
    return new Source(url, null, null, null, null, null);
  }

  /**
   * {@code NATO, "Defence Expenditure of NATO Countries (2014-2024)", 2024-06-17, official:
   * https://… (read at https://…)}; a state-media or forum source is marked, an ungraded one says so.
   */
  public String describe() {
    List<String> head = new ArrayList<>();
    if (publisher != null) {
      head.add(publisher);
    }
    if (title != null) {
      head.add("\"" + title + "\"");
    }
    if (date != null) {
      head.add(date);
    }
    head.add(grade == null ? "not graded" : grade.flagged() ? grade.wireName().toUpperCase(java.util.Locale.ROOT)
        + " (not a support for the figure)" : grade.wireName());
    return String.join(", ", head) + ": " + (url == null ? "unsourced (no source URL)" : url)
        + (readAt == null ? "" : " (read at " + readAt + ")");
  }
}
