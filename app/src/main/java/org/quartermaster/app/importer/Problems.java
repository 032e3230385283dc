package org.quartermaster.app.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.quartermaster.app.data.DataRow;

/**
 * The problems an importer finds in one file, collected as it reads (never only the first), and the
 * rows they are in. Not thread-safe: one per {@link Importer#read} call.
 */
public final class Problems {
  private static final Pattern YEAR_MONTH = Pattern.compile("(19|20)\\d\\d-(0[1-9]|1[0-2])");

  private final String file;
  private final List<ImportProblem> problems = new ArrayList<>();
  private final Set<Integer> badRows = new TreeSet<>();

  public Problems(String file) {
    this.file = file;
  }

  /** A problem with the whole file (row 0): no header, no data, a missing {@code --vintage} … */
  public void inFile(String column, String value, String message) {
    problems.add(new ImportProblem(file, 0, column, value, message));
  }

  /** A problem in one row (line of the file, 1-based); the row's data are then not imported. */
  public void at(int row, String column, String value, String message) {
    problems.add(new ImportProblem(file, row, column, value, message));
    badRows.add(row);
  }

  /**
   * The release month given with {@code --vintage}, trimmed, when it is YYYY-MM; null when none was
   * given, and null with a whole-file problem when it is not YYYY-MM.
   */
  public String vintage(String vintage) {
    if (vintage == null || vintage.isBlank()) {
      return null;
    }
    String month = vintage.strip();
    if (!YEAR_MONTH.matcher(month).matches()) {
      inFile(ImportOption.VINTAGE.mark(), vintage, "is not a release month: pass " + ImportOption.VINTAGE.mark("YYYY-MM")
          + ", e.g. " + ImportOption.VINTAGE.mark("2024-06"));
      return null;
    }
    return month;
  }

  /** True when the row has at least one problem. */
  public boolean inRow(int row) {
    return badRows.contains(row);
  }

  public int count() {
    return problems.size();
  }

  /** What was read: the good rows, every problem, the bad rows and the number of data rows read. */
  public ParsedFile parsed(Table table, List<? extends DataRow> rows, int rowsRead) {
    return new ParsedFile(table, rows, problems, badRows, rowsRead);
  }
}
