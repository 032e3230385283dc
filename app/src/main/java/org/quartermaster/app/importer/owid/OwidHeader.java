package org.quartermaster.app.importer.owid;

import java.util.List;
import java.util.Locale;
import org.quartermaster.app.importer.Problems;
import org.quartermaster.app.importer.TextFile;

/**
 * An OWID grapher header resolved to column indices once.
 *
 * @param row   the header's row (line of the file, 1-based)
 * @param value the index of the value column: the first column other than Entity, Code and Year
 */
record OwidHeader(int row, List<String> cells, int entity, int code, int year, int value) {

  OwidHeader {
    cells = List.copyOf(cells);
  }

  /** The header these cells make, or null when they lack Entity, Code, Year or a value column. */
  static OwidHeader of(int row, List<String> cells) {
    List<String> names = cells.stream().map(c -> TextFile.clean(c).toLowerCase(Locale.ROOT)).toList();
    int entity = names.indexOf("entity");
    int code = names.indexOf("code");
    int year = names.indexOf("year");
    int value = -1;
    for (int i = 0; i < names.size() && value < 0; i++) {
      if (i != entity && i != code && i != year && !names.get(i).isEmpty()) {
        value = i;
      }
    }
    return entity < 0 || code < 0 || year < 0 || value < 0 ? null
        : new OwidHeader(row, cells, entity, code, year, value);
  }

  String valueTitle() {
    return name(value);
  }

  /** The header of a column as written. */
  String name(int index) {
    return TextFile.clean(cells.get(index));
  }

  /** Checks the row has the header's number of cells; false (with a problem) when it does not. */
  boolean checkWidth(List<String> rowCells, int row, Problems problems) {
    if (rowCells.size() < cells.size()) {
      problems.at(row, name(rowCells.size()), null,
          "is missing: the row has " + rowCells.size() + " cells, the header " + cells.size());
      return false;
    }
    if (rowCells.size() > cells.size()) {
      problems.at(row, TextFile.columnLetter(cells.size()), TextFile.clean(rowCells.get(cells.size())),
          "is beyond the last column: the row has " + rowCells.size() + " cells, the header " + cells.size()
              + " (a value with a comma needs quotes)");
      return false;
    }
    return true;
  }
}
