package org.quartermaster.app.query;

import java.util.List;
import java.util.stream.Collectors;

/**
 * OWASP's rule against CSV injection, in one place for every CSV Quartermaster writes (query answers,
 * {@code qm export}; the dashboard's downloads follow the same rule in {@code common.js}): a text cell
 * that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written
 * with a leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula
 * ({@code =HYPERLINK(…)}). Numbers are left alone: only text cells are changed.
 */
final class FormulaCells {
  /** The characters a spreadsheet may read as the start of a formula. */
  static final String FORMULA_LEADS = "=+-@\t\r";

  private FormulaCells() {}

  /** {@code value} as it goes into a CSV cell: text with a formula lead gets an apostrophe before it. */
  static Object neutralise(Object value) {
    return value instanceof String text && startsLikeAFormula(text) ? "'" + text : value;
  }

  static boolean startsLikeAFormula(String text) {
    return !text.isEmpty() && FORMULA_LEADS.indexOf(text.charAt(0)) >= 0;
  }

  /**
   * The same rule in DuckDB's SQL, as the select list of an export: {@code columns} are the table's
   * (name, is-text) pairs; text columns are wrapped, others selected as they are.
   */
  static String sqlSelectList(List<TableColumn> columns) {
    return columns.stream().map(FormulaCells::sqlCell).collect(Collectors.joining(", "));
  }

  private static String sqlCell(TableColumn column) {
    String name = '"' + column.name().replace("\"", "\"\"") + '"';
    if (!column.text()) {
      return name;
    }
    return "CASE WHEN list_contains(['=', '+', '-', '@', chr(9), chr(13)], left(" + name + ", 1)) THEN '''' || "
        + name + " ELSE " + name + " END AS " + name;
  }

  /** A column of a store table: its name and whether it holds text. */
  record TableColumn(String name, boolean text) {}
}
