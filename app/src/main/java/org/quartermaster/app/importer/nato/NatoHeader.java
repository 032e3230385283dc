package org.quartermaster.app.importer.nato;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartermaster.app.importer.Problems;
import org.quartermaster.app.importer.TextFile;

/**
 * The header row of a NATO table: the first row whose first cell is Country (or Country name) and
 * that has at least one year column; its delimiter is the one ({@code ,} {@code ;} or tab) that
 * splits it that way.
 *
 * @param row   the header's row (line of the file, 1-based)
 * @param cells the header's cells as written
 */
record NatoHeader(int row, char delimiter, List<String> cells) {
  private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*(e|\\(e\\))?", Pattern.CASE_INSENSITIVE);
  private static final Set<String> FIRST_CELLS = Set.of("country", "country name", "countries");
  private static final char[] DELIMITERS = {',', ';', '\t'};
  private static final int FIRST_YEAR = 1949;
  private static final int LAST_YEAR = 2100;

  /** One year column: {@code 2023e} is year 2023, an estimate. */
  record YearColumn(int index, String header, int year, boolean estimate) {}

  NatoHeader {
    cells = List.copyOf(cells);
  }

  /** The header in this line, or null when the line is not a NATO header. */
  static NatoHeader find(int row, String line) {
    for (char delimiter : DELIMITERS) {
      List<String> cells = TextFile.cells(line, delimiter);
      if (cells.size() > 1 && FIRST_CELLS.contains(TextFile.clean(cells.getFirst()).toLowerCase(Locale.ROOT))
          && cells.stream().skip(1).anyMatch(c -> YEAR.matcher(TextFile.clean(c)).matches())) {
        return new NatoHeader(row, delimiter, cells);
      }
    }
    return null;
  }

  /** The first column's header as written ("Country"). */
  String countryColumn() {
    return TextFile.clean(cells.getFirst());
  }

  /**
   * The year columns, in file order. A header cell that is not a year, a year out of range and a
   * repeated year are problems at the header row; a blank header cell (as a delimiter at the end of
   * the line leaves) is no column.
   */
  List<YearColumn> years(Problems problems) {
    List<YearColumn> years = new ArrayList<>();
    Map<Integer, String> seen = new HashMap<>();
    for (int i = 1; i < cells.size(); i++) {
      String text = TextFile.clean(cells.get(i));
      String letter = TextFile.columnLetter(i);
      Matcher year = YEAR.matcher(text);
      if (text.isEmpty()) {
        continue;
      }
      if (!year.matches()) {
        problems.at(row, letter, text,
            "is not a year column: NATO tables have one column per year (2014, 2015 …; 2024e: an estimate)");
        continue;
      }
      int value = Integer.parseInt(year.group(1));
      if (value < FIRST_YEAR || value > LAST_YEAR) {
        problems.at(row, letter, text, "is not a year between " + FIRST_YEAR + " and " + LAST_YEAR);
      } else if (seen.containsKey(value)) {
        problems.at(row, letter, text, "repeats the year of column " + seen.get(value));
      } else {
        seen.put(value, letter);
        years.add(new YearColumn(i, text, value, year.group(2) != null));
      }
    }
    return years;
  }

  /** The index after the last non-blank header cell: the row width the header defines. */
  int width() {
    int width = cells.size();
    while (width > 1 && TextFile.clean(cells.get(width - 1)).isEmpty()) {
      width--;
    }
    return width;
  }

  /** Too few cells, or a figure under no column of the header, is a problem. */
  void checkWidth(List<YearColumn> years, List<String> rowCells, int row, Problems problems) {
    int width = width();
    if (rowCells.size() < width) {
      String missing = TextFile.clean(cells.get(rowCells.size()));
      problems.at(row, missing.isEmpty() ? TextFile.columnLetter(rowCells.size()) : missing, null,
          "is missing: the row has " + rowCells.size() + " cells, the header " + width);
    }
    for (int i = 1; i < rowCells.size(); i++) {
      int index = i;
      boolean named = i < width && !TextFile.clean(cells.get(i)).isEmpty();
      boolean yearColumn = years.stream().anyMatch(y -> y.index() == index);
      if (!named && !yearColumn && !TextFile.clean(rowCells.get(i)).isEmpty()) {
        problems.at(row, TextFile.columnLetter(i), TextFile.clean(rowCells.get(i)),
            "is under no column of the header: the row has " + rowCells.size() + " cells, the header " + width);
        return;
      }
    }
  }
}
