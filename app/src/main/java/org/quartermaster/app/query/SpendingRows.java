package org.quartermaster.app.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quartermaster.app.query.SpendingQuery.Figure;

/** The columns, rows and vintage notes of {@code qm query spending}. */
final class SpendingRows {
  static final String PERCENT_OF_GDP = "% of GDP";
  /** Beyond this many figures, the notes count the figures other vintages also give instead of listing them. */
  private static final int DETAILED_FIGURES = 5;

  private SpendingRows() {}

  static QueryResult result(String title, List<Figure> figures, Guideline guideline, List<String> notes) {
    List<Column> columns = new ArrayList<>(List.of(Column.text("country"), Column.text("iso3"),
        Column.number("year", null), Column.number("pct_gdp", PERCENT_OF_GDP, 2), Column.text("estimate")));
    if (guideline != null) {
      columns.add(Column.text("meets"));
      columns.add(Column.number("gap_pct", "pp of GDP", 2));
    }
    // amounts, with what they count, are shown in the table when any figure has one (always in CSV and JSON)
    boolean amounts = figures.stream().anyMatch(f -> f.amount().present());
    columns.addAll(List.of(amounts ? Column.number("amount", null) : Column.detail("amount"),
        amounts ? Column.text("currency") : Column.detail("currency"), amounts ? Column.text("unit") : Column.detail("unit"),
        amounts ? Column.text("price_base") : Column.detail("price_base")));
    columns.addAll(List.of(Column.text("source"), Column.text("vintage_month"), Column.detail("vintage"),
        Column.detail("as_of"), Column.detail("publisher"), Column.detail("source_title"),
        Column.detail("source_grade"), Column.source(), Column.detail("via_url"), Column.detail("note")));
    List<List<Object>> rows = new ArrayList<>();
    List<List<Object>> stored = new ArrayList<>();
    for (Figure f : figures) {
      List<Object> row = new ArrayList<>(List.of(f.country(), f.iso3(), f.year()));
      row.add(f.pctGdp());
      row.add(f.estimate());
      if (guideline != null) {
        row.add(guideline.meets(f.pctGdp()));
        row.add(guideline.gap(f.pctGdp()));
      }
      row.add(f.amount().value());
      row.add(f.amount().currency());
      row.add(f.amount().unit());
      row.add(f.amount().priceBase());
      row.add(f.source());
      row.add(f.vintageMonth());
      row.add(f.vintage());
      row.add(f.asOf());
      Source citation = f.citation();
      row.add(citation == null ? null : citation.publisher());
      row.add(citation == null ? null : citation.title());
      row.add(citation == null || citation.grade() == null ? null : citation.grade().wireName());
      row.add(f.sourceUrl());
      row.add(citation == null ? null : citation.readAt());
      row.add(f.note());
      rows.add(row);
      if (f.inStore()) {
        stored.add(row);
      }
    }
    QueryResult provenance = QueryResult.withRowProvenance(title, columns, stored, notes);
    return new QueryResult(title, columns, rows, provenance.vintages(), provenance.sources(), notes);
  }

  /** Which vintage rule was applied, and what other vintages say (for a handful of figures) or how many there are. */
  static List<String> vintageNotes(List<Figure> figures, String vintage) {
    List<String> notes = new ArrayList<>();
    if (SpendingQuery.ALL_VINTAGES.equals(vintage)) {
      notes.add("Every vintage, as asked for: one row per country, year and release, so revisions show as"
          + " several rows.");
      return notes;
    }
    notes.add(vintage != null
        ? "Vintage " + vintage + " only, as asked for."
        : "No vintage asked for: each country and year shows the latest vintage that covers it; older vintages"
            + " are kept, not overwritten (choose one with --vintage YYYY-MM).");
    notes.addAll(revisionNotes(figures, vintage == null));
    return notes;
  }

  /**
   * What other vintages say, for a handful of figures, or how many figures other vintages also give.
   *
   * @param latest true when each figure is the latest of its country and year
   */
  static List<String> revisionNotes(List<Figure> figures, boolean latest) {
    List<String> notes = new ArrayList<>();
    long revised = figures.stream().filter(f -> !f.others().isEmpty()).count();
    if (revised > 0 && figures.size() <= DETAILED_FIGURES) {
      for (Figure f : figures) {
        if (!f.others().isEmpty()) {
          notes.add(describeVintages(f, latest));
        }
      }
    } else if (revised > 0) {
      notes.add(revised + " of " + figures.size() + " figures also appear in other vintages (with the same or"
          + " other values).");
    }
    return notes;
  }

  private static String describeVintages(Figure f, boolean latest) {
    StringBuilder text = new StringBuilder()
        .append(f.country()).append(' ').append(f.year()).append(": ").append(percent(f.pctGdp()))
        .append(" from vintage ").append(f.vintageMonth());
    if (latest) {
      text.append(" (the latest of ").append(f.others().size() + 1).append(')');
    }
    text.append("; other vintages: ");
    List<String> parts = new ArrayList<>();
    for (Figure other : f.others()) {
      parts.add(other.vintageMonth() + " gives " + percent(other.pctGdp()));
    }
    return text.append(String.join(", ", parts)).append('.').toString();
  }

  /** {@code 3.26} or {@code no figure}. */
  static String percent(Double pctGdp) {
    return pctGdp == null ? Guideline.NO_FIGURE : String.format(Locale.ROOT, "%.2f", pctGdp);
  }
}
