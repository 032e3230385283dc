package org.quartermaster.app.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.store.Store;

/**
 * {@code qm query spending --equipment}: each ally's equipment expenditure as a share of its defence
 * expenditure (NATO's table "distribution of defence expenditure by main category", imported with the
 * shipped mapping {@code nato-equipment-share}: spending rows of source {@value #SOURCE}), against the
 * 2014 guideline of 20%, with the count's denominator: the allies of the year, those without a figure
 * named. The latest vintage per ally and year is shown.
 */
public final class EquipmentShareQuery {
  /** The series the shipped mapping writes. */
  public static final String SOURCE = "nato-equipment";
  /** NATO's guideline (Wales, 2014): at least 20% of defence expenditure on major equipment, R&D included. */
  static final BigDecimal GUIDELINE_PCT = BigDecimal.valueOf(20);
  private static final String ROWS = """
      SELECT country, iso3, year, amount AS equipment_pct, estimate, vintage_month, vintage, as_of, source_url, publisher,
             source_title, via_url
      FROM (SELECT *, row_number() OVER (PARTITION BY iso3, year
                                         ORDER BY vintage_month DESC NULLS LAST, dataset_id DESC) AS newest
            FROM defence_spending WHERE source = ? AND (CAST(? AS INTEGER) IS NULL OR year = ?))
      WHERE newest = 1 ORDER BY year, country""";
  private static final List<Column> COLUMNS = List.of(Column.text("country"), Column.text("iso3"),
      Column.text("year"), Column.number("equipment_pct", "% of defence expenditure", 2), Column.text("estimate"),
      Column.text("meets_20"), Column.text("vintage_month"), Column.detail("vintage"), Column.detail("as_of"),
      Column.source(), Column.detail("publisher"), Column.detail("source_title"), Column.detail("via_url"));

  private EquipmentShareQuery() {}

  /** @param year the year, or null for every year imported */
  public static QueryResult run(Store store, Integer year) {
    return run(store, year, Allies.nato());
  }

  static QueryResult run(Store store, Integer year, Allies allies) {
    List<List<Object>> found = store.read(connection -> Rows.query(connection, ROWS, COLUMNS.stream()
        .filter(c -> !c.name().equals("meets_20")).toList(), SOURCE, year, year));
    if (found.isEmpty()) {
      throw new QueryException("no equipment-share figures in the store" + (year == null ? "" : " for " + year)
          + ": import NATO's table with qm import FILE --mapping nato-equipment-share (see docs/normalised.md)");
    }
    TreeMap<Integer, List<List<Object>>> byYear = new TreeMap<>();
    List<String> leftOut = new ArrayList<>();
    for (List<Object> row : found) {
      int y = ((Number) row.get(2)).intValue();
      if (!allies.isAlly((String) row.get(1), y)) {
        leftOut.add(row.get(0) + " " + y);
        continue;
      }
      List<Object> line = new ArrayList<>(row);
      line.add(5, meets((Number) row.get(3)));
      byYear.computeIfAbsent(y, k -> new ArrayList<>()).add(line);
    }
    List<List<Object>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (var entry : byYear.entrySet()) {
      Set<String> present = new HashSet<>();
      int meeting = 0;
      int withFigure = 0;
      for (List<Object> line : entry.getValue()) {
        if (line.get(3) != null) {
          present.add((String) line.get(1));
          withFigure++;
          meeting += "yes".equals(line.get(5)) ? 1 : 0;
        }
      }
      List<String> noFigure = new ArrayList<>();
      for (Country ally : allies.of(entry.getKey())) {
        if (!present.contains(ally.iso3())) {
          noFigure.add(ally.name());
        }
      }
      int alliesOfYear = allies.of(entry.getKey()).size();
      notes.add(entry.getKey() + ": " + meeting + " of " + withFigure + " allies with a figure spend 20% or more of"
          + " their defence expenditure on equipment (" + alliesOfYear + " allies on 31 December " + entry.getKey()
          + (noFigure.isEmpty() ? ")." : "; no figure for " + noFigure.size() + ": " + String.join(", ", noFigure)
          + ")."));
      rows.addAll(entry.getValue().stream().filter(l -> l.get(3) != null).toList());
    }
    notes.add("Guideline: NATO allies agreed in 2014 (Wales) to spend at least 20% of defence expenditure on major"
        + " equipment, including related research and development. Figures as NATO's table gives them, by release"
        + " (the latest vintage per ally and year).");
    if (!leftOut.isEmpty()) {
      notes.add("Left out, not NATO members on 31 December of the figure's year: " + String.join(", ", leftOut) + ".");
    }
    QueryResult cited = QueryResult.withRowProvenance("", COLUMNS, rows, List.of());
    return new QueryResult("Equipment expenditure as % of defence expenditure, against the 20% guideline"
        + (year == null ? "" : ", " + year), COLUMNS, rows, cited.vintages(), cited.sources(), notes);
  }

  private static String meets(Number pct) {
    if (pct == null) {
      return Guideline.NO_FIGURE;
    }
    return new BigDecimal(pct.toString()).compareTo(GUIDELINE_PCT) >= 0 ? Guideline.MEETS : Guideline.BELOW;
  }
}
