package org.quartermaster.app.importer.nato;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.data.Estimate;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SpendingRow;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ImportOption;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.Importer;
import org.quartermaster.app.importer.ParsedFile;
import org.quartermaster.app.importer.Problems;
import org.quartermaster.app.importer.SharesOfGdp;
import org.quartermaster.app.importer.StackedTables;
import org.quartermaster.app.importer.Table;
import org.quartermaster.app.importer.TextFile;

/**
 * NATO's defence expenditure tables, wide: {@code Country, 2014, …, 2024}, one row per ally, values
 * in percent of GDP. Gives one {@link SpendingRow} (source {@code nato}) per country and year with a
 * figure.
 *
 * <ul>
 *   <li>The header is the first row whose first cell is Country (or Country name) and that has year
 *       columns; lines before it (titles, notes) are ignored. Its delimiter ({@code ,} {@code ;} or tab)
 *       is the file's. A delimiter at the end of every line, a UTF-8 byte-order mark, decimal commas and
 *       spaces around labels are all accepted.
 *   <li>{@code 2023e} marks the year's figures as estimates: when any year is marked, marked years are
 *       {@link Estimate#TRUE} and the others {@link Estimate#FALSE}; when none is, the file does not say
 *       and every row is {@link Estimate#UNKNOWN}.
 *   <li>A blank cell, {@code .}, {@code ..}, {@code n/a} or a dash is no figure: no row, no problem.
 *   <li>Aggregate rows are skipped without a problem: labels starting with "NATO" (NATO Total, NATO
 *       Europe, NATO Europe and Canada), "Europe and Canada", and labels containing "total", "average"
 *       or "median". Notes after the table (a first cell starting with Note, Source, "e:" or "*", or a
 *       label that is no country with no figures) are skipped too.
 *   <li>The tables do not say which release they are: {@code --vintage YYYY-MM} is required and becomes
 *       the rows' vintage, vintage month and as-of date; {@code --source-url} their source URL.
 *   <li>The values must be shares of GDP ({@link SharesOfGdp}): a cell above 200 is a problem, and a table
 *       whose median is above 40 holds amounts, which refuses the whole file ("values look like amounts
 *       (median 4,512), not % of GDP"), whether the format was detected or given with {@code --format}.
 *   <li>A bad figure is a problem in its cell only: with {@code --skip-bad-rows} the row's other years are
 *       kept. A bad country, a row of the wrong width, or a second table stacked under the header (the
 *       header line again, or a country named again: {@link StackedTables}) costs the whole row.
 *   <li>{@code rowsRead} counts the table's rows of countries and of aggregates, not notes.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class NatoTableImporter implements Importer {
  /** A cell such as 1,234 or 12,500: a comma before exactly three digits. */
  private static final java.util.regex.Pattern THOUSANDS = java.util.regex.Pattern.compile("\\d{1,3}(,\\d{3})+");
  private static final Set<String> MISSING = Set.of("", ".", "..", "...", "…", "n/a", "na", "-", "–", "—");
  private static final Pattern AGGREGATE =
      Pattern.compile("nato\\b.*|europe and canada.*|.*\\b(total|average|median)\\b.*");
  private static final Pattern NOTE = Pattern.compile("(notes?|sources?)\\b.*|e\\s*[:=].*|\\*.*|\\(.*");
  private static final String NUMBER_HINT =
      "expected a share of GDP in percent such as 1.85 (blank, '.', '..' or 'n/a' for no figure)";

  public NatoTableImporter() {}

  @Override
  public ImportFormat format() {
    return ImportFormat.NATO;
  }

  /** True when one of the lines is a NATO table header (Country followed by year columns). */
  public static boolean looksLike(List<String> firstLines) {
    for (String line : firstLines) {
      if (NatoHeader.find(1, line.startsWith("\uFEFF") ? line.substring(1) : line) != null) {
        return true;
      }
    }
    return false;
  }

  @Override
  public ParsedFile read(ImportRequest request, Countries countries) throws IOException {
    Problems problems = new Problems(request.fileName());
    String vintage = problems.vintage(request.vintage());
    if (request.vintage() == null || request.vintage().isBlank()) {
      problems.inFile(null, null,
          "NATO tables do not say which release they are: pass " + ImportOption.VINTAGE.mark("YYYY-MM")
              + " (the release month, e.g. 2024-06)");
    }
    List<String> lines = TextFile.lines(request.file());
    NatoHeader header = null;
    for (int i = 0; i < lines.size() && header == null; i++) {
      header = NatoHeader.find(i + 1, lines.get(i));
    }
    if (header == null) {
      problems.inFile(null, null, lines.stream().allMatch(String::isBlank)
          ? "is empty: expected a NATO table with the header Country, 2014, 2015 … 2024"
          : "has no NATO table header: expected a row whose first cell is Country followed by year columns "
              + "(2014, 2015 … 2024, 'e' marking estimates)");
      return problems.parsed(Table.SPENDING, List.of(), 0);
    }
    List<NatoHeader.YearColumn> years = header.years(problems);
    boolean marked = years.stream().anyMatch(NatoHeader.YearColumn::estimate);
    Provenance provenance = new Provenance(request.sourceUrl(), vintage, vintage, vintage, "NATO");
    StackedTables stacked = new StackedTables(header.row(), header.cells());
    List<SpendingRow> rows = new ArrayList<>();
    List<Double> figures = new ArrayList<>();
    int rowsRead = 0;
    int titleRow = 0; // the row of a title line met after figures, -1 once named
    String title = null;
    for (int i = header.row(); i < lines.size(); i++) {
      int row = i + 1;
      List<String> cells = TextFile.cells(lines.get(i), header.delimiter());
      String label = TextFile.clean(cells.getFirst());
      if (TextFile.blank(cells) || NOTE.matcher(label.toLowerCase(Locale.ROOT)).matches()) {
        continue;
      }
      Optional<String> headerAgain = stacked.headerAgain(cells);
      if (headerAgain.isPresent()) {
        problems.at(row, header.countryColumn(), label, headerAgain.get());
        continue;
      }
      Optional<Country> country = countries.find(label);
      if (country.isEmpty() && TextFile.blank(cells.subList(1, cells.size()))) {
        if (rowsRead > 0 && titleRow == 0) { // a title after figures: named if figures follow it
          titleRow = row;
          title = label;
        }
        continue;
      }
      if (titleRow > 0) {
        problems.at(titleRow, header.countryColumn(), title,
            "a title line between rows of figures: a second table seems to start here");
        titleRow = -1; // named once
      }
      rowsRead++;
      Optional<String> nameAgain = stacked.nameAgain(row, label);
      if (nameAgain.isPresent()) {
        problems.at(row, header.countryColumn(), label, nameAgain.get());
      }
      if (isAggregate(label)) {
        continue;
      }
      header.checkWidth(years, cells, row, problems);
      if (label.isEmpty()) {
        problems.at(row, header.countryColumn(), label, "is blank: every row of figures needs a country");
      } else if (country.isEmpty()) {
        problems.at(row, header.countryColumn(), label,
            "is not a known country: did you mean " + countries.closest(label) + "?");
      }
      boolean rowBad = problems.inRow(row); // a bad country, width or second table: no cell of the row is kept
      for (NatoHeader.YearColumn year : years) {
        String text = year.index() < cells.size() ? TextFile.clean(cells.get(year.index())) : "";
        if (MISSING.contains(text.toLowerCase(Locale.ROOT))) {
          continue;
        }
        if (THOUSANDS.matcher(text).matches()) { // 1,234: a decimal comma, or an amount's thousands?
          problems.at(row, year.header(), text, "is ambiguous: " + text + " reads as " + text.replace(',', '.')
              + " with a decimal comma or as " + text.replace(",", "") + " with a thousands separator; a share of"
              + " GDP is written 1.234, an amount needs a mapping (see docs/import-mappings.md)");
          continue;
        }
        Double pctGdp = TextFile.decimal(text);
        Optional<String> tooLarge = pctGdp == null ? Optional.empty() : SharesOfGdp.cellProblem(pctGdp);
        if (pctGdp != null && pctGdp >= 0) {
          figures.add(pctGdp);
        }
        if (pctGdp == null) {
          problems.at(row, year.header(), text, "is not a number: " + NUMBER_HINT);
        } else if (pctGdp < 0) {
          problems.at(row, year.header(), text, "is negative: " + NUMBER_HINT);
        } else if (tooLarge.isPresent()) {
          problems.at(row, year.header(), text, tooLarge.get());
        } else if (!rowBad) { // a bad cell costs only itself (--skip-bad-rows keeps the row's good years)
          Estimate estimate = marked ? (year.estimate() ? Estimate.TRUE : Estimate.FALSE) : Estimate.UNKNOWN;
          rows.add(new SpendingRow(row, country.get().iso3(), label, year.year(), pctGdp, null, null, estimate,
              "nato", provenance, null));
        }
      }
    }
    Optional<String> amounts = SharesOfGdp.amountsProblem(figures);
    if (amounts.isPresent()) { // the file's only problem: no --vintage or --skip-bad-rows makes it a NATO table
      Problems refused = new Problems(request.fileName());
      refused.inFile(null, null, amounts.get());
      return refused.parsed(Table.SPENDING, List.of(), rowsRead);
    }
    return problems.parsed(Table.SPENDING, rows, rowsRead);
  }

  /** NATO Total, NATO Europe and Canada, … : the rows that sum up allies. */
  private static boolean isAggregate(String label) {
    String words = label.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return AGGREGATE.matcher(words).matches();
  }
}
