package org.quartermaster.app.importer.qmcsv;

import java.util.Map;
import org.quartermaster.app.importer.CsvRecords.CsvRecord;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.importer.Problems;

/** Typed cells of one CSV record, each problem recorded with file, row, column and value. */
final class RowCells {
  private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("\\d{4}");
  private final String file;
  private final CsvRecord record;
  private final Map<String, Integer> columns;
  private final Problems problems;
  private final int problemsBefore;

  RowCells(String file, CsvRecord record, Map<String, Integer> columns, Problems problems) {
    this.file = file;
    this.record = record;
    this.columns = columns;
    this.problems = problems;
    this.problemsBefore = problems.count();
  }

  int line() {
    return record.line();
  }

  /** The cell's text, or null when the column is absent or the cell blank. */
  String text(String column, boolean required) {
    Integer index = columns.get(column);
    String value = index == null ? "" : record.cell(index);
    if (value.isEmpty()) {
      if (required) {
        problem(column, null, "is required");
      }
      return null;
    }
    return value;
  }

  Double number(String column, boolean required) {
    String value = text(column, required);
    if (value == null) {
      return null;
    }
    try {
      double x = Double.parseDouble(value.replace(",", ""));
      if (!Double.isFinite(x)) {
        problem(column, value, "must be a finite number");
        return null;
      }
      return x;
    } catch (NumberFormatException e) {
      problem(column, value, "must be a number");
      return null;
    }
  }

  Integer year(String column) {
    String value = text(column, true);
    if (value == null) {
      return null;
    }
    if (!YEAR.matcher(value).matches()) {
      problem(column, value, "must be a year (four digits)");
      return null;
    }
    return Integer.parseInt(value);
  }

  void problem(String column, String value, String message) {
    problems.add(new ImportProblem(file, record.line(), column, value, message));
  }

  /** Whether this row has had no problem so far. */
  boolean ok() {
    return problems.count() == problemsBefore;
  }
}
