package org.quartermaster.app.importer.tabular;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.importer.tabular.Mapping.ColumnRef;

/**
 * A header row's cells by matching key (without case and surrounding spaces), for resolving a
 * mapping's column references once; each reference it cannot resolve is a problem.
 */
final class HeaderRow {
  private final String file;
  private final int row;
  private final String[] cells;
  private final int count;
  private final Map<String, List<Integer>> columnsByKey = new HashMap<>();
  private final List<ImportProblem> problems;

  HeaderRow(String file, int row, String[] cells, int count, List<ImportProblem> problems) {
    this.file = file;
    this.row = row;
    this.cells = cells;
    this.count = count;
    this.problems = problems;
    for (int c = 0; cells != null && c < count; c++) {
      if (cells[c] != null && !RowValues.trim(cells[c]).isEmpty()) {
        columnsByKey.computeIfAbsent(ColumnPlan.key(cells[c]), k -> new ArrayList<>()).add(c);
      }
    }
  }

  /** The 0-based column of a reference, or -1 with a problem at {@code path}. */
  int find(ColumnRef ref, String path) {
    List<Integer> columns = columnsByKey.get(ColumnPlan.key(ref.text()));
    if (columns != null && columns.size() > 1) {
      problems.add(new ImportProblem(file, row, ref.text(), ref.text(), "the column named in " + path
          + " appears " + columns.size() + " times in the header (columns " + ColumnPlan.letters(columns) + ")"));
      return -1;
    }
    if (columns != null) {
      return columns.getFirst();
    }
    if (!ref.isHeaderOnly()) {
      if (cells != null && ref.position() > count) {
        problems.add(new ImportProblem(file, row, null, ref.text(), "column " + ref.text() + " (" + path
            + ") is beyond the header's " + count + " columns"));
        return -1;
      }
      return ref.position() - 1;
    }
    String hint = Suggestions.closest(ref.text(), headerTexts()).map(h -> "; the closest is '" + h + "'")
        .orElse(cells == null ? "; the file has no header row (header_row: 0)" : "");
    problems.add(new ImportProblem(file, row, null, ref.text(), "no column '" + ref.text() + "' (" + path
        + ") in the header" + hint));
    return -1;
  }

  String label(int column) {
    return cells == null || column >= count || cells[column] == null || RowValues.trim(cells[column]).isEmpty()
        ? ColumnPlan.letters(List.of(column)) : RowValues.trim(cells[column]);
  }

  private List<String> headerTexts() {
    List<String> texts = new ArrayList<>();
    for (int c = 0; cells != null && c < count; c++) {
      if (cells[c] != null && !RowValues.trim(cells[c]).isEmpty()) {
        texts.add(RowValues.trim(cells[c]));
      }
    }
    return texts;
  }
}
