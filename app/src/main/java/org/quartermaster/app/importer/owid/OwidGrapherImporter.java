package org.quartermaster.app.importer.owid;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.data.Estimate;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SpendingRow;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.Importer;
import org.quartermaster.app.importer.ParsedFile;
import org.quartermaster.app.importer.Problems;
import org.quartermaster.app.importer.SharesOfGdp;
import org.quartermaster.app.importer.Table;
import org.quartermaster.app.importer.TextFile;

/**
 * Our World in Data grapher CSV, long: {@code Entity, Code, Year, <value column>[, extra columns]},
 * one row per entity and year. Gives one {@link SpendingRow} per row with a value.
 *
 * <ul>
 *   <li>The value column is the first after Entity, Code and Year; extra columns are ignored. A title
 *       saying "% of GDP" (or "share of GDP", or a file name with "share-of-gdp") fills
 *       {@code pctGdp}; a title naming a currency in parentheses ("(constant 2023 US$)") fills
 *       {@code amount} with that currency. Any other value column is a problem.
 *   <li>The source is {@code sipri} when the value column's title or the file name says SIPRI
 *       (OWID republishes SIPRI's series), else {@code owid}.
 *   <li>Rows whose Code is not three letters (regions and groups: World, Europe, OWID_WRL, blank) are
 *       skipped without a problem and counted in {@code rowsRead} only; OWID_KOS is Kosovo (XKX). A
 *       three-letter code Quartermaster does not know is a problem naming the closest country.
 *   <li>A blank value is no figure: no row. Estimates are {@link Estimate#UNKNOWN} (the file does not say).
 *   <li>Shares of GDP are checked as {@link SharesOfGdp} says: a value above 200 is a problem, and a
 *       column whose median is above 40 holds amounts, which refuses the whole file.
 *   <li>Provenance: {@code --source-url} and {@code --vintage YYYY-MM} (vintage, vintage month and as-of
 *       date), each null when not given.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class OwidGrapherImporter implements Importer {
  private static final Pattern ISO3 = Pattern.compile("[A-Za-z]{3}");
  private static final Map<String, String> OWID_COUNTRY_CODES = Map.of("OWID_KOS", "XKX");
  private static final Pattern CURRENCY = Pattern.compile(".*\\(([^()]*(US\\$|USD|EUR|€|\\$)[^()]*)\\)\\s*");
  private static final String PUBLISHER = "Our World in Data";

  public OwidGrapherImporter() {}

  @Override
  public ImportFormat format() {
    return ImportFormat.OWID;
  }

  /** True when the first non-blank line is an OWID grapher header: Entity, Code, Year and a value column. */
  public static boolean looksLike(List<String> firstLines) {
    for (String line : firstLines) {
      String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
      if (!text.isBlank()) {
        return OwidHeader.of(1, TextFile.cells(text, ',')) != null;
      }
    }
    return false;
  }

  @Override
  public ParsedFile read(ImportRequest request, Countries countries) throws IOException {
    Problems problems = new Problems(request.fileName());
    String vintage = problems.vintage(request.vintage());
    List<String> lines = TextFile.lines(request.file());
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    if (first == lines.size()) {
      problems.inFile(null, null, "is empty: expected an OWID grapher CSV with the header Entity,Code,Year,<value>");
      return problems.parsed(Table.SPENDING, List.of(), 0);
    }
    OwidHeader header = OwidHeader.of(first + 1, TextFile.cells(lines.get(first), ','));
    if (header == null) {
      problems.at(first + 1, null, lines.get(first),
          "is not an OWID grapher header: expected Entity,Code,Year followed by the value column");
      return problems.parsed(Table.SPENDING, List.of(), 0);
    }
    String title = header.valueTitle();
    String fileName = request.file().getFileName().toString().toLowerCase(Locale.ROOT);
    String lowerTitle = title.toLowerCase(Locale.ROOT);
    boolean share =
        lowerTitle.matches(".*(% of gdp|share of gdp|percent of gdp).*") || fileName.contains("share-of-gdp");
    var currency = CURRENCY.matcher(title);
    if (!share && !currency.matches()) {
      problems.at(header.row(), TextFile.columnLetter(header.value()), title,
          "is neither a share of GDP ('… (% of GDP)') nor an amount with its currency ('… (constant 2023 US$)')");
      return problems.parsed(Table.SPENDING, List.of(), 0);
    }
    String unit = share ? null : currency.group(1).strip();
    String source = lowerTitle.contains("sipri") || fileName.contains("sipri") ? "sipri" : "owid";
    Provenance provenance = new Provenance(request.sourceUrl(), vintage, vintage, vintage, PUBLISHER);
    List<SpendingRow> rows = new ArrayList<>();
    List<Double> shares = new ArrayList<>();
    int rowsRead = 0;
    for (int i = first + 1; i < lines.size(); i++) {
      int row = i + 1;
      List<String> cells = TextFile.cells(lines.get(i), ',');
      if (TextFile.blank(cells)) {
        continue;
      }
      rowsRead++;
      if (!header.checkWidth(cells, row, problems)) {
        continue;
      }
      String code = TextFile.clean(cells.get(header.code()));
      String iso3 = OWID_COUNTRY_CODES.getOrDefault(code, code);
      if (!ISO3.matcher(iso3).matches()) {
        continue;
      }
      String entity = TextFile.clean(cells.get(header.entity()));
      Optional<Country> country = countries.byIso3(iso3);
      if (country.isEmpty()) {
        problems.at(row, header.name(header.code()), code,
            "is not an ISO 3166 alpha-3 code Quartermaster knows: did you mean " + suggestion(entity, countries) + "?");
      }
      String yearText = TextFile.clean(cells.get(header.year()));
      Integer year = yearText.matches("-?\\d{1,4}") ? Integer.valueOf(yearText) : null;
      if (year == null) {
        problems.at(row, header.name(header.year()), yearText, "is not a year: expected a whole number such as 2024");
      }
      String valueText = TextFile.clean(cells.get(header.value()));
      Double value = TextFile.decimal(valueText);
      Optional<String> notAShare = share && value != null ? SharesOfGdp.cellProblem(value) : Optional.empty();
      if (share && value != null && value >= 0) {
        shares.add(value);
      }
      if (valueText.isEmpty()) {
        continue;
      } else if (value == null || value < 0) {
        problems.at(row, title, valueText, (value == null ? "is not a number" : "is negative")
            + ": expected " + (share ? "a share of GDP in percent such as 1.85" : "an amount in " + unit));
      } else if (notAShare.isPresent()) {
        problems.at(row, title, valueText, notAShare.get());
      } else if (!problems.inRow(row)) {
        rows.add(new SpendingRow(row, iso3.toUpperCase(Locale.ROOT), entity, year, share ? value : null,
            share ? null : value, unit, Estimate.UNKNOWN, source, provenance, null));
      }
    }
    Optional<String> amounts = SharesOfGdp.amountsProblem(shares);
    if (amounts.isPresent()) { // a title saying % of GDP over amounts: the whole file, not row by row
      Problems refused = new Problems(request.fileName());
      refused.inFile(title, null, amounts.get());
      return refused.parsed(Table.SPENDING, List.of(), rowsRead);
    }
    return problems.parsed(Table.SPENDING, rows, rowsRead);
  }

  /** The country the entity's name gives ("FRA (France)"), else the known country closest to it. */
  private static String suggestion(String entity, Countries countries) {
    String name = countries.find(entity).map(Country::name).orElseGet(() -> countries.closest(entity));
    return countries.find(name).map(c -> c.iso3() + " (" + name + ")").orElse(name);
  }
}
