package org.quartermaster.app.reference;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import org.quartermaster.app.data.SourceGrade;

/**
 * One row of a bundled reference file: a value of one series for one country (or currency pair) and
 * year, with its unit, release and citation.
 */
record ReferenceRow(String fileName, int fileRow, String series, String iso3, String country, int year, double value,
    String unit, String release, String asOf, String sourceUrl, String sourceTitle, String publisher,
    SourceGrade grade, String viaUrl, String note) {

  ReferenceRow {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(unit, "unit");
  }

  /** @throws IllegalStateException naming the file, row, column and value that is missing or wrong */
  static ReferenceRow of(String fileName, int fileRow, Map<String, String> cells) {
    return new ReferenceRow(fileName, fileRow, required(fileName, fileRow, cells, "series"),
        optional(cells, "iso3"), optional(cells, "country"),
        (int) number(fileName, fileRow, cells, "year"), number(fileName, fileRow, cells, "value"),
        required(fileName, fileRow, cells, "unit"), required(fileName, fileRow, cells, "release"),
        optional(cells, "as_of"), required(fileName, fileRow, cells, "source_url"),
        required(fileName, fileRow, cells, "source_title"), required(fileName, fileRow, cells, "publisher"),
        SourceGrade.byName(required(fileName, fileRow, cells, "source_grade")).orElseThrow(() -> bad(fileName, fileRow,
            "source_grade", cells.get("source_grade"), "a grade of the bundled README")),
        optional(cells, "via_url"), optional(cells, "note"));
  }

  void bind(PreparedStatement insert) throws SQLException {
    Object[] values = {fileName, fileRow, series, iso3, country, year, value, unit, release, asOf, sourceUrl,
        sourceTitle, publisher, grade.wireName(), viaUrl, note};
    for (int i = 0; i < values.length; i++) {
      insert.setObject(i + 1, values[i]);
    }
  }

  private static String required(String file, int row, Map<String, String> cells, String column) {
    String value = optional(cells, column);
    if (value == null) {
      throw bad(file, row, column, "", "a value");
    }
    return value;
  }

  private static String optional(Map<String, String> cells, String column) {
    String value = cells.get(column);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static double number(String file, int row, Map<String, String> cells, String column) {
    String text = required(file, row, cells, column);
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw bad(file, row, column, text, "a plain number");
    }
  }

  private static IllegalStateException bad(String file, int row, String column, String value, String wanted) {
    return new IllegalStateException("bundled reference file " + file + ", row " + row + ", column " + column
        + ": '" + value + "' is not " + wanted + "; fix the file in the build");
  }
}
