package org.quartermaster.app.importer.sipri;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quartermaster.app.importer.Problems;
import org.quartermaster.app.importer.TextFile;

/**
 * The trade register's header row resolved to column indices once; columns may come in any order,
 * columns Quartermaster does not know are ignored.
 *
 * @param row the header's row (line of the file, 1-based)
 */
record SipriHeader(int row, int width, Map<SipriColumn, Integer> indexByColumn) {

  SipriHeader {
    indexByColumn = Map.copyOf(indexByColumn);
  }

  /** True when the line is the header: its first cell is "SIPRI AT Database ID". */
  static boolean isHeader(String line) {
    List<String> cells = TextFile.cells(SipriLines.withoutEndMark(line), ',');
    return TextFile.clean(cells.getFirst()).equalsIgnoreCase(SipriColumn.ID.header());
  }

  /** The header in this line; a column missing from it is a problem, and the result is then null. */
  static SipriHeader of(int row, String line, Problems problems) {
    List<String> cells = TextFile.cells(SipriLines.withoutEndMark(line), ',');
    List<String> names = cells.stream().map(c -> TextFile.clean(c).toLowerCase(Locale.ROOT)).toList();
    Map<SipriColumn, Integer> indexByColumn = new EnumMap<>(SipriColumn.class);
    for (SipriColumn column : SipriColumn.values()) {
      int index = names.indexOf(column.header().toLowerCase(Locale.ROOT));
      if (index < 0) {
        problems.at(row, column.header(), null,
            "is missing from the header: the trade-register export has the columns SIPRI AT Database ID, Supplier, "
                + "Recipient, … Local production");
      } else {
        indexByColumn.put(column, index);
      }
    }
    return indexByColumn.size() == SipriColumn.values().length ? new SipriHeader(row, cells.size(), indexByColumn)
        : null;
  }

  int index(SipriColumn column) {
    return indexByColumn.get(column);
  }
}
