package org.quartermaster.app.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Notices a second table stacked under the first one's header: the header line repeats, or (in tables
 * with one row per name: NATO's, wide mappings') a first-column name seen before comes again. Each is
 * one problem at the row where the second table starts ("'Albania' again (first at row 2): a second
 * table seems to start here"); the names then start afresh, so a third table is named too. The caller
 * records the problem in its own list. Not thread-safe: one per file.
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

  /** The problem when this row repeats the header line (the caller reads no figures from it), else empty. */
  public Optional<String> headerAgain(List<String> cells) {
    if (!normalised(cells).equals(header)) {
      return Optional.empty();
    }
    firstRowByName.clear();
    return Optional.of("repeats the header (row " + headerRow + "): " + SECOND_TABLE);
  }

  /** Records the row's name; the problem when the table already had it, else empty. */
  public Optional<String> nameAgain(int row, String name) {
    String key = TextFile.clean(name).toLowerCase(Locale.ROOT);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Integer first = firstRowByName.putIfAbsent(key, row);
    if (first == null) {
      return Optional.empty();
    }
    firstRowByName.clear();
    firstRowByName.put(key, row);
    return Optional.of("again (first at row " + first + "): " + SECOND_TABLE);
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
