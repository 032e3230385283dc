package org.quartermaster.app.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.quartermaster.app.data.SourceGrade;

/**
 * What a query found: columns (with units), rows, and the provenance of the rows: the vintages they
 * come from and their sources, plus notes a reader needs (which vintage rule was applied, what was
 * not added up). Rendered by {@link ResultFormat}. Immutable; row values may be null.
 *
 * @param title    one line saying what the rows are
 * @param rows     one list per row, values in column order: String, Boolean, Integer, Long, Double,
 *                 BigDecimal or BigInteger, or null
 * @param vintages the vintages the rows come from, oldest first
 * @param sources  the sources the rows cite, each once, in order of first use
 */
public record QueryResult(
    String title, List<Column> columns, List<List<Object>> rows, List<VintageUsed> vintages, List<Source> sources,
    List<String> notes) {

  public QueryResult {
    Objects.requireNonNull(title, "title");
    columns = List.copyOf(columns);
    List<List<Object>> copied = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("a row has " + row.size() + " values for " + columns.size() + " columns");
      }
      copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copied);
    vintages = List.copyOf(vintages);
    sources = List.copyOf(sources);
    notes = List.copyOf(notes);
  }

  /**
   * A result whose vintages and sources are read from its own {@code vintage_month}, {@code vintage},
   * {@code source_url} and citation columns ({@link #CITATION}: those it has).
   */
  public static QueryResult withRowProvenance(
      String title, List<Column> columns, List<List<Object>> rows, List<String> notes) {
    List<String> names = columns.stream().map(Column::name).toList();
    int month = names.indexOf("vintage_month");
    int name = names.indexOf("vintage");
    int[] citation = CITATION.stream().mapToInt(names::indexOf).toArray();
    Map<List<String>, Long> vintages = new LinkedHashMap<>();
    LinkedHashSet<Source> sources = new LinkedHashSet<>();
    for (List<Object> row : rows) {
      if (month >= 0 || name >= 0) {
        List<String> key = java.util.Arrays.asList(text(row, month), text(row, name));
        vintages.merge(key, 1L, Long::sum);
      }
      if (citation[0] >= 0) {
        sources.add(source(row, citation));
      }
    }
    List<VintageUsed> used = new ArrayList<>();
    vintages.forEach((key, count) -> used.add(new VintageUsed(key.get(0), key.get(1), count)));
    used.sort(Comparator.comparing(VintageUsed::month, Comparator.nullsLast(Comparator.naturalOrder())));
    return new QueryResult(title, columns, rows, used, List.copyOf(sources), notes);
  }

  /**
   * The columns a row cites its source with, in {@link Source}'s order: {@code source_url},
   * {@code publisher}, {@code source_title}, {@code as_of}, {@code source_grade}, {@code via_url}.
   */
  public static final List<String> CITATION =
      List.of("source_url", "publisher", "source_title", "as_of", "source_grade", "via_url");

  /** The citation columns, for a query's column list: the URL as a source column, the rest as details. */
  public static List<Column> citationColumns() {
    return List.of(Column.source(), Column.detail("publisher"), Column.detail("source_title"), Column.detail("as_of"),
        Column.detail("source_grade"), Column.detail("via_url"));
  }

  private static Source source(List<Object> row, int[] citation) {
    return new Source(text(row, citation[0]), text(row, citation[1]), text(row, citation[2]), text(row, citation[3]),
        SourceGrade.byName(text(row, citation[4])).orElse(null), text(row, citation[5]));
  }

  /** The index of the column with this name. */
  public int columnIndex(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + name + " in " + columns.stream().map(Column::name).toList());
  }

  /**
   * This result with only the named columns, in the order named; a {@link Column.Display#DETAIL}
   * column named here is shown in the text table too. Vintages, sources and notes are kept.
   *
   * @throws QueryException naming the first unknown column and listing the valid ones
   */
  public QueryResult select(List<String> names) {
    List<String> valid = columns.stream().map(Column::name).toList();
    int[] picked = new int[names.size()];
    List<Column> chosen = new ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      String name = names.get(k).trim();
      picked[k] = valid.indexOf(name);
      if (picked[k] < 0) {
        String near = org.quartermaster.engine.scenario.Suggestions.closest(name, valid)
            .map(s -> "did you mean " + s + "? ").orElse("");
        throw new QueryException("--columns: no column '" + name + "' in this result; " + near + "columns: "
            + String.join(", ", valid));
      }
      Column column = columns.get(picked[k]);
      chosen.add(column.display() == Column.Display.DETAIL
          ? new Column(column.name(), column.unit(), Column.Display.TEXT, column.decimals()) : column);
    }
    List<List<Object>> projected = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      List<Object> values = new ArrayList<>(picked.length);
      for (int index : picked) {
        values.add(row.get(index));
      }
      projected.add(values);
    }
    return new QueryResult(title, chosen, projected, vintages, sources, notes);
  }

  /** The values of one column, in row order. */
  public List<Object> column(String name) {
    int index = columnIndex(name);
    return rows.stream().map(row -> row.get(index)).toList();
  }

  private static String text(List<Object> row, int index) {
    return index < 0 || row.get(index) == null ? null : row.get(index).toString();
  }
}
