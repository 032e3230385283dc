package org.quartermaster.app.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.quartermaster.app.data.DataRow;

/**
 * The problems an importer finds in one file, collected as it reads (never only the first), and the
 * rows they are in. At most {@link #KEPT} problems are kept, the rest only counted, so a file of a
 * million bad rows costs the memory of a thousand problems (every bad row is still known). Not
 * thread-safe: one per {@link Importer#read} call.
 */
public final class Problems {
  /** Problems kept in full; more are counted ({@link #notKept()}). */
  public static final int KEPT = 1000;
  private static final Pattern YEAR_MONTH = Pattern.compile("(19|20)\\d\\d-(0[1-9]|1[0-2])");

  private final String file;
  private final List<ImportProblem> kept = new ArrayList<>();
  private final Set<Integer> badRows = new TreeSet<>();
  private int notKept;

  public Problems(String file) {
    this.file = file;
  }

  /** The problems a file was read with, to go on collecting (an import's own checks add to them). */
  public static Problems of(String file, ParsedFile parsed) {
    Problems problems = new Problems(file);
    parsed.problems().forEach(problems::add);
    problems.notKept += parsed.problemsNotKept();
    problems.badRows.addAll(parsed.badRows());
    return problems;
  }

  /** A problem with the whole file (row 0): no header, no data, a missing {@code --vintage} … */
  public void inFile(String column, String value, String message) {
    add(new ImportProblem(file, 0, column, value, message));
  }

  /** A problem in one row (line of the file, 1-based); the row's data are then not imported. */
  public void at(int row, String column, String value, String message) {
    add(new ImportProblem(file, row, column, value, message));
    badRows.add(row);
  }

  /** A problem as found; kept while fewer than {@link #KEPT} are, else counted. Its row is not marked bad. */
  public void add(ImportProblem problem) {
    if (kept.size() < KEPT) {
      kept.add(problem);
    } else {
      notKept++;
    }
  }

  /** Marks a row bad without a problem of its own (its problems were added already). */
  public void badRow(int row) {
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

  /** The rows with at least one problem. */
  public int badRowCount() {
    return badRows.size();
  }

  /** Every problem found, those not kept included. */
  public int count() {
    return kept.size() + notKept;
  }

  /** The problems kept, in the order found. */
  public List<ImportProblem> kept() {
    return List.copyOf(kept);
  }

  /** The problems found beyond the {@link #KEPT} kept. */
  public int notKept() {
    return notKept;
  }

  /** Whether a problem concerns the whole file (row 0); such problems come first in a file, so are kept. */
  public boolean anyInFile() {
    return kept.stream().anyMatch(p -> p.row() == 0);
  }

  public Set<Integer> badRows() {
    return badRows;
  }

  /** The import refused for these problems. */
  public ImportFailedException failure() {
    return new ImportFailedException(kept, notKept);
  }

  /** What was read: the good rows, the problems, the bad rows and the number of data rows read. */
  public ParsedFile parsed(Table table, List<? extends DataRow> rows, int rowsRead) {
    return new ParsedFile(table, rows, kept, notKept, badRows, rowsRead);
  }
}
