package org.quartermaster.app.importer;

import java.util.List;
import java.util.Objects;

/**
 * What an importer read from a file, before anything is written: the rows for one table (records of
 * {@code org.quartermaster.app.data}: SpendingRow, AidRow, DeliveryRow, ProductionRow, ContractRow),
 * the problems found, and the number of data rows read (good and bad).
 *
 * @param problems        the first {@link Problems#KEPT} problems found
 * @param problemsNotKept how many more problems were found
 * @param badRows the file rows that have at least one problem. A long table's bad row gives no rows; a wide
 *                table's (one row per value cell) keeps the cells without a problem unless the problem is
 *                with the whole row (its country, its width)
 */
public record ParsedFile(Table table, List<? extends org.quartermaster.app.data.DataRow> rows, List<ImportProblem> problems,
    int problemsNotKept, java.util.Set<Integer> badRows, int rowsRead) {
  public ParsedFile {
    Objects.requireNonNull(table, "table");
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
    badRows = java.util.Set.copyOf(badRows);
  }

  /** A file whose problems were all kept. */
  public ParsedFile(Table table, List<? extends org.quartermaster.app.data.DataRow> rows, List<ImportProblem> problems,
      java.util.Set<Integer> badRows, int rowsRead) {
    this(table, rows, problems, 0, badRows, rowsRead);
  }
}
