package org.quartermaster.app.importer.tabular;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.data.SpendingRow;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.importer.ParsedFile;
import org.quartermaster.app.importer.Problems;
import org.quartermaster.app.importer.SharesOfGdp;
import org.quartermaster.app.importer.StackedTables;
import org.quartermaster.app.importer.Table;
import org.quartermaster.app.importer.tabular.Mapping.Layout;

/**
 * The row-conversion core shared by the CSV and XLSX importers: fed a file's rows in order, it finds
 * the header row (the mapping's {@code header_row}, or the first row with every column the mapping
 * names), resolves the columns once, and converts every later row, collecting every problem. Blank
 * rows and rows matching {@code skip_rows_matching} are passed over. Not thread-safe; one per file.
 */
final class RowConverter {
  /** How many non-blank rows are searched for the header before giving up. */
  static final int HEADER_SEARCH_ROWS = 100;
  /** Cell texts that mean "no value", compared without case (blank cells too). */
  static final Set<String> MISSING_VALUES =
      Set.of(".", "..", "...", "n/a", "n.a.", "#n/a", "-", "–", "—", "nan", "null");

  private final String file;
  private final Mapping mapping;
  private final Target target;
  private final Countries countries;
  private final String sourceUrl;
  private final String vintage;
  private final boolean decimalComma;
  private final List<DataRow> rows = new ArrayList<>();
  private final Problems problems;
  private ColumnPlan plan;
  private RowValues values;
  private StackedTables stacked;
  private String firstColumn;
  private int rowsRead;
  private int rowsSearched;
  private int bestRow;
  private String[] bestCells;
  private int bestFound = -1;
  private boolean stopped;

  RowConverter(String file, Mapping mapping, Countries countries, String sourceUrl, String vintage,
      boolean decimalComma) {
    this.file = file;
    this.problems = new Problems(file);
    this.mapping = mapping;
    this.target = Target.of(mapping.table());
    this.countries = countries;
    this.sourceUrl = sourceUrl;
    this.vintage = vintage;
    this.decimalComma = decimalComma;
    if (mapping.headerRow() != null && mapping.headerRow() == 0) {
      start(0, null, 0);
    }
  }

  /**
   * One row of the file ({@code cells[0..count)}, not kept). Returns false when no further rows are
   * wanted: the header was not found or does not fit the mapping.
   */
  boolean accept(int row, String[] cells, int count) {
    if (stopped) {
      return false;
    }
    if (plan == null) {
      findHeader(row, cells, count);
      return !stopped;
    }
    if (blank(cells, count) || skipped(cells, count) || secondTable(row, cells, count)) {
      return true;
    }
    rowsRead++;
    if (mapping.layout() instanceof Layout.Wide && nameAgain(row, cells, count)) {
      return true;
    }
    values.startRow(row, cells, count);
    buildDates(cells, count);
    if (mapping.layout() instanceof Layout.Wide) {
      convertWide(row, cells, count);
    } else {
      DataRow converted = target.build(values);
      if (converted == null) {
        problems.badRow(row);
      } else {
        rows.add(converted);
      }
    }
    return true;
  }

  /** The header line again: a problem at the row, which gives no figures. */
  private boolean secondTable(int row, String[] cells, int count) {
    Optional<String> again = stacked == null ? Optional.empty() : stacked.headerAgain(Arrays.asList(cells).subList(0, count));
    again.ifPresent(message -> rowProblem(row, cells[0] == null ? "" : RowValues.trim(cells[0]), message));
    return again.isPresent();
  }

  /** Wide layout, one row per name: the first column's name again starts a second table; its row gives no figures. */
  private boolean nameAgain(int row, String[] cells, int count) {
    String name = count > 0 && cells[0] != null ? RowValues.trim(cells[0]) : "";
    Optional<String> again = stacked == null ? Optional.empty() : stacked.nameAgain(row, name);
    again.ifPresent(message -> rowProblem(row, name, message));
    return again.isPresent();
  }

  private void rowProblem(int row, String value, String message) {
    problems.add(new ImportProblem(file, row, firstColumn, value, message));
    problems.badRow(row);
  }

  /** Dates built from a year and a month column: the row's text stands in for the field's cell. */
  private void buildDates(String[] cells, int count) {
    for (ColumnPlan.BuiltDate date : plan.builtDates()) {
      String year = date.yearColumn() < count ? cells[date.yearColumn()] : null;
      String month = date.monthColumn() < count ? cells[date.monthColumn()] : null;
      values.override(date.field(), DateFromColumns.text(year, month), date.label());
    }
  }

  /** The rest of the file cannot be read (not valid CSV, a damaged workbook): a problem, and no more rows. */
  void unreadable(int row, String message) {
    problems.add(new ImportProblem(file, row, null, null, message));
    stopped = true;
  }

  /** What was read: the rows without problems, and every problem. */
  ParsedFile finish() {
    if (plan == null && !stopped) {
      headerNotFound();
    }
    if (target.table() == Table.SPENDING && plan != null) {
      String column = plan.binding().labelByField()[SpendingTarget.PCT_GDP.ordinal()];
      Optional<String> amounts = SharesOfGdp.amountsProblem(rows.stream().map(r -> ((SpendingRow) r).pctGdp())
          .filter(Objects::nonNull).toList(), SharesOfGdp.FIELD_HINT);
      if (amounts.isPresent()) { // shares of GDP that are amounts: the whole file, whatever --skip-bad-rows says
        return new ParsedFile(target.table(), List.of(), List.of(new ImportProblem(file, 0, column, null,
            amounts.get())), Set.of(), rowsRead);
      }
      rows.removeIf(row -> notAShare((SpendingRow) row, column));
    }
    return problems.parsed(target.table(), rows, rowsRead);
  }

  /** A pct_gdp no share of GDP has is a problem in its row, which is then left out. */
  private boolean notAShare(SpendingRow row, String column) {
    Optional<String> problem = row.pctGdp() == null ? Optional.empty()
        : SharesOfGdp.cellProblem(row.pctGdp(), SharesOfGdp.FIELD_HINT);
    problem.ifPresent(message -> {
      problems.add(new ImportProblem(file, row.fileRow(), column,
          BigDecimal.valueOf(row.pctGdp()).stripTrailingZeros().toPlainString(), "pct_gdp " + message));
      problems.badRow(row.fileRow());
    });
    return problem.isPresent();
  }

  private void findHeader(int row, String[] cells, int count) {
    Integer headerRow = mapping.headerRow();
    if (headerRow != null) {
      if (row == headerRow) {
        start(row, cells, count);
      } else if (row > headerRow) {
        problems.add(new ImportProblem(file, headerRow, null, null, "the header row (header_row: " + headerRow
            + ") is empty or missing"));
        stopped = true;
      }
      return;
    }
    if (blank(cells, count)) {
      return;
    }
    int found = ColumnPlan.headersFound(mapping, cells, count);
    if (found == ColumnPlan.headerNames(mapping).size()) {
      start(row, cells, count);
      return;
    }
    if (found > bestFound) {
      bestFound = found;
      bestRow = row;
      bestCells = Arrays.copyOf(cells, count);
    }
    if (++rowsSearched >= HEADER_SEARCH_ROWS) {
      headerNotFound();
      stopped = true;
    }
  }

  /** Reports the columns missing from the row that came closest to being the header. */
  private void headerNotFound() {
    if (mapping.headerRow() != null) {
      problems.add(new ImportProblem(file, 0, null, null, "the file ends before its header row (header_row: "
          + mapping.headerRow() + ")"));
      return;
    }
    if (bestCells == null) {
      problems.add(new ImportProblem(file, 0, null, null, "the file has no rows"));
      return;
    }
    ColumnPlan closest = ColumnPlan.resolve(file, bestRow, bestCells, bestCells.length, mapping, target, sourceUrl,
        vintage);
    problems.add(new ImportProblem(file, 0, null, null, "no header row: none of the first " + rowsSearched
        + " rows has every column the mapping names; row " + bestRow + " comes closest"));
    closest.problems().forEach(problems::add);
  }

  private void start(int row, String[] header, int count) {
    plan = ColumnPlan.resolve(file, row, header, count, mapping, target, sourceUrl, vintage);
    if (header != null && count > 0) {
      stacked = new StackedTables(row, Arrays.asList(header).subList(0, count));
      firstColumn = header[0] == null || RowValues.trim(header[0]).isEmpty() ? "A" : RowValues.trim(header[0]);
    }
    plan.problems().forEach(problems::add);
    if (!plan.problems().isEmpty()) {
      stopped = true;
      return;
    }
    values = new RowValues(file, plan.binding(), missingValues(mapping), decimalComma, plan.estimatesMarked(),
        new CountryResolver(countries, mapping.institutions()), problems);
    checkConstants();
  }

  /** The cell texts meaning "no value" under this mapping, lower-case (besides blank cells). */
  static Set<String> missingValues(Mapping mapping) {
    Set<String> missing = new LinkedHashSet<>(MISSING_VALUES);
    mapping.missingValues().forEach(m -> missing.add(m.toLowerCase(Locale.ROOT)));
    return missing;
  }

  /** A constant that cannot be read (such as --vintage 2024) is one problem, not one per row. */
  private void checkConstants() {
    int before = problems.count();
    values.startRow(0, new String[0], 0);
    for (TargetField field : target.fields()) {
      if (plan.binding().constantByField()[field.ordinal()] != null) {
        values.check(target, field);
      }
    }
    stopped = problems.count() > before;
  }

  /** Wide layout: one table row per value cell with a value; the header gives the key fields. */
  private void convertWide(int row, String[] cells, int count) {
    boolean rowBad = false;
    int[] keyFields = plan.keyFields();
    for (ColumnPlan.ValueColumn column : plan.valueColumns()) {
      String cell = column.index() < count ? cells[column.index()] : null;
      if (values.isMissing(cell)) {
        continue;
      }
      values.nextRecord();
      for (int k = 0; k < keyFields.length; k++) {
        values.override(keyFields[k], column.keyTexts()[k], column.header());
      }
      values.override(plan.valueField(), cell, column.header());
      DataRow converted = target.build(values);
      if (converted == null) {
        rowBad = true;
      } else {
        rows.add(converted);
      }
    }
    if (rowBad) {
      problems.badRow(row);
    }
  }

  private boolean skipped(String[] cells, int count) {
    if (mapping.skipRowsMatching().isEmpty()) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (cells[i] != null && !RowValues.trim(cells[i]).isEmpty()) {
        String first = RowValues.trim(cells[i]);
        for (Pattern pattern : mapping.skipRowsMatching()) {
          if (pattern.matcher(first).find()) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  /** Whether every cell is empty or white space: such a row is passed over. */
  static boolean blank(String[] cells, int count) {
    for (int i = 0; i < count; i++) {
      String cell = cells[i];
      if (cell != null && !cell.isEmpty() && !RowValues.trim(cell).isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
