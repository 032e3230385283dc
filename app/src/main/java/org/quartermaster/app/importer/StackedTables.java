package org.quartermaster.app.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Notices a second table stacked under the first one's header, in tables with one row per name
 * (NATO's, wide mappings'): the header line repeats, or a first-column name seen before comes again.
 * Each is one problem at the row where the second table starts ("'Albania' again (first at row 2): a
 * second table seems to start here"); the names then start afresh, so a third table is named too.
 * Not thread-safe: one per file.
 */
public final class StackedTables {
  private static final String SECOND_TABLE = "a second table seems to start here";

  private final int headerRow;
  private final List<String> header;
  private final Map<String, Integer> firstRowByName = new HashMap<>();

  /** The header's cells as written; they are compared trimmed and without case. */
  public StackedTables(int headerRow, List<String> headerCells) {
    this.headerRow = headerRow;
    this.header = normalised(headerCells);
  }

  /**
   * True when this row repeats the header line: a problem at the row (in the first column), and the
   * caller reads no figures from it.
   */
  public boolean headerAgain(int row, List<String> cells, String column, Problems problems) {
    if (!normalised(cells).equals(header)) {
      return false;
    }
    problems.at(row, column, TextFile.clean(cells.getFirst()),
        "repeats the header (row " + headerRow + "): " + SECOND_TABLE);
    firstRowByName.clear();
    return true;
  }

  /** Records the row's name; a name seen before in this table is a problem at the row, in that column. */
  public void name(int row, String name, String column, Problems problems) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    if (key.isEmpty()) {
      return;
    }
    Integer first = firstRowByName.putIfAbsent(key, row);
    if (first != null) {
      problems.at(row, column, name, "again (first at row " + first + "): " + SECOND_TABLE);
      firstRowByName.clear();
      firstRowByName.put(key, row);
    }
  }

  private static List<String> normalised(List<String> cells) {
    List<String> trimmed = cells.stream().map(c -> TextFile.clean(c).toLowerCase(Locale.ROOT)).toList();
    int width = trimmed.size();
    while (width > 1 && trimmed.get(width - 1).isEmpty()) {
      width--;
    }
    return trimmed.subList(0, width);
  }
}
