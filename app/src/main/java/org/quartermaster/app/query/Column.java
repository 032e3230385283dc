package org.quartermaster.app.query;

import java.util.Objects;

/**
 * One column of a {@link QueryResult}.
 *
 * @param name     the name exactly as CSV headers and JSON keys give it ({@code pct_gdp})
 * @param unit     the unit of every value in the column ({@code % of GDP}), or null when it has none or
 *                 when it differs by row (then a neighbouring column such as {@code currency} names it)
 * @param display  how the text table shows it
 * @param decimals digits after the point in the text table, or -1 to show numbers as they are
 */
public record Column(String name, String unit, Display display, int decimals) {

  /** How the text table shows a column; CSV and JSON always carry every column, unchanged. */
  public enum Display {
    /** Left-aligned text (long values shortened in the table only). */
    TEXT,
    /** Right-aligned number. */
    NUMBER,
    /** A source URL: shown as {@code [n]}, the URL listed under the table. */
    SOURCE,
    /** Left out of the text table (long or secondary); present in CSV and JSON. */
    DETAIL
  }

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(display, "display");
    if (decimals < -1) {
      throw new IllegalArgumentException("decimals must be -1 or more, got " + decimals);
    }
  }

  public static Column text(String name) {
    return new Column(name, null, Display.TEXT, -1);
  }

  public static Column number(String name, String unit) {
    return new Column(name, unit, Display.NUMBER, -1);
  }

  public static Column number(String name, String unit, int decimals) {
    return new Column(name, unit, Display.NUMBER, decimals);
  }

  /** The {@code source_url} column. */
  public static Column source() {
    return new Column("source_url", null, Display.SOURCE, -1);
  }

  public static Column detail(String name) {
    return new Column(name, null, Display.DETAIL, -1);
  }

  /** The table header: the name, and the unit in brackets when there is one. */
  public String header() {
    return unit == null ? name : name + " (" + unit + ")";
  }
}
