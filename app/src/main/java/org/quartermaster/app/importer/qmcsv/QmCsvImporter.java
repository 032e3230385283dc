package org.quartermaster.app.importer.qmcsv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartermaster.app.data.AidRow;
import org.quartermaster.app.data.ContractRow;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.data.Estimate;
import org.quartermaster.app.data.ProductionRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SpendingRow;
import org.quartermaster.app.importer.CsvRecords;
import org.quartermaster.app.importer.CsvRecords.CsvRecord;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.Importer;
import org.quartermaster.app.importer.ParsedFile;
import org.quartermaster.app.importer.Table;

/**
 * Quartermaster's own tidy CSV: the layout of the bundled dataset's files, every row carrying its
 * source URL and date. The header says which table a file fills (see {@link Layout}); columns may
 * come in any order and extra columns are refused so that a misspelt one is never silently lost.
 */
public final class QmCsvImporter implements Importer {

  /** The four layouts: the columns each needs and allows. */
  enum Layout {
    SPENDING(Table.SPENDING, List.of("country", "iso3", "year", "pct_gdp"),
        List.of("country", "iso3", "year", "pct_gdp", "estimate", "as_of", "vintage", "source_url", "note", "source",
            "amount", "currency", "publisher")),
    AID(Table.AID, List.of("donor", "category", "measure", "amount", "currency", "unit"),
        List.of("donor", "category", "measure", "amount", "currency", "unit", "as_of", "data_through", "publisher",
            "source_url", "note", "recipient", "date", "item", "quantity", "vintage")),
    PRODUCTION(Table.PRODUCTION, List.of("item", "producer", "country", "value", "period", "kind"),
        List.of("item", "producer", "country", "date", "value", "period", "unit", "kind", "target_date", "source_url",
            "note", "publisher", "vintage")),
    CONTRACTS(Table.CONTRACTS, List.of("buyer", "item", "quantity", "value", "currency", "date"),
        List.of("buyer", "agency", "item", "quantity", "value", "currency", "date", "supplier", "source_url", "note",
            "publisher", "vintage"));

    final Table table;
    final List<String> required;
    final List<String> allowed;

    Layout(Table table, List<String> required, List<String> allowed) {
      this.table = table;
      this.required = required;
      this.allowed = allowed;
    }

    static Optional<Layout> of(List<String> header) {
      for (Layout layout : values()) {
        if (header.containsAll(layout.required)) {
          return Optional.of(layout);
        }
      }
      return Optional.empty();
    }
  }

  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern RANGE = Pattern.compile("\\+?([0-9][0-9,.]*)\\s*-\\s*([0-9][0-9,.]*)");
  private static final Pattern QUANTITY = Pattern.compile("(up to|~|about|approx\\.?|approximately)?\\s*([0-9][0-9,]*)");

  @Override
  public ImportFormat format() {
    return ImportFormat.QM_CSV;
  }

  /** Whether a header row is one of the qm-csv layouts. */
  public static boolean looksLike(List<String> header) {
    return Layout.of(header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList()).isPresent();
  }

  @Override
  public ParsedFile read(ImportRequest request, Countries countries) throws IOException {
    Reading reading = new Reading(request, countries);
    CsvRecords.forEach(request.file(), ',', reading::accept);
    return reading.result();
  }

  /** The state of one streamed read: the header decides the layout, then each record becomes a row. */
  private static final class Reading {
    private final ImportRequest request;
    private final Countries countries;
    private final String file;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final List<DataRow> rows = new ArrayList<>();
    private final Set<Integer> badRows = new HashSet<>();
    private final Map<String, Integer> columns = new HashMap<>();
    private List<String> header;
    private Layout layout;
    private boolean refused;
    private int rowsRead;

    Reading(ImportRequest request, Countries countries) {
      this.request = request;
      this.countries = countries;
      this.file = request.fileName();
    }

    void accept(CsvRecord record) {
      if (refused) {
        return;
      }
      if (header == null) {
        header(record);
        return;
      }
      if (record.cells().stream().allMatch(String::isEmpty)) {
        return;
      }
      rowsRead++;
      RowCells cells = new RowCells(file, record, columns, problems);
      if (record.cells().size() != header.size()) {
        cells.problem(null, null, "has " + record.cells().size() + " cells; the header has " + header.size());
      }
      DataRow row = switch (layout) {
        case SPENDING -> spending(cells, countries, request);
        case AID -> aid(cells, countries, request);
        case PRODUCTION -> production(cells, request);
        case CONTRACTS -> contract(cells, request);
      };
      if (cells.ok() && row != null) {
        rows.add(row);
      } else {
        badRows.add(record.line());
      }
    }

    private void header(CsvRecord record) {
      header = record.cells().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
      Optional<Layout> found = Layout.of(header);
      if (found.isEmpty()) {
        problems.add(new ImportProblem(file, record.line(), null, String.join(",", header),
            "not a qm-csv header: a qm-csv file has the columns of one layout (spending: country, iso3, year, pct_gdp,"
                + " …; aid: donor, category, measure, amount, currency, unit, …; production: item, producer, country,"
                + " value, period, kind, …; contracts: buyer, item, quantity, value, currency, date, …)"));
        refused = true;
        return;
      }
      layout = found.get();
      for (int i = 0; i < header.size(); i++) {
        String column = header.get(i);
        if (!layout.allowed.contains(column)) {
          problems.add(new ImportProblem(file, record.line(), column, column,
              "unknown column for a " + layout.table.cliName() + " file; allowed: " + layout.allowed));
        }
        if (columns.putIfAbsent(column, i) != null) {
          problems.add(new ImportProblem(file, record.line(), column, column, "column appears twice"));
        }
      }
    }

    ParsedFile result() {
      if (header == null) {
        problems.add(new ImportProblem(file, 0, null, null, "the file is empty; a qm-csv file starts with a header row"));
      }
      Table table = layout == null ? Table.SPENDING : layout.table;
      return new ParsedFile(table, rows, problems, badRows, rowsRead);
    }
  }

  private static Provenance provenance(RowCells cells, String asOf, ImportRequest request) {
    String vintage = cells.text("vintage", false);
    String month = request.vintage() != null ? request.vintage() : monthOf(asOf);
    String url = cells.text("source_url", false);
    return new Provenance(url != null ? url : request.sourceUrl(), asOf, vintage, month,
        cells.text("publisher", false));
  }

  private static String monthOf(String date) {
    return date != null && MONTH.matcher(date).lookingAt() ? date.substring(0, 7) : null;
  }

  private static SpendingRow spending(RowCells cells, Countries countries, ImportRequest request) {
    String name = cells.text("country", true);
    String iso3 = cells.text("iso3", true);
    Optional<Country> country = iso3 == null ? Optional.empty() : countries.byIso3(iso3);
    if (iso3 != null && country.isEmpty()) {
      cells.problem("iso3", iso3, "unknown ISO 3166 alpha-3 code"
          + (name == null ? "" : "; '" + name + "' is " + countries.find(name).map(Country::iso3).orElse("unknown too")));
    }
    Integer year = cells.year("year");
    Double pct = cells.number("pct_gdp", false);
    Double amount = cells.number("amount", false);
    String estimateText = cells.text("estimate", false);
    Estimate estimate = Estimate.parse(estimateText);
    if (estimate == null) {
      cells.problem("estimate", estimateText, "must be true, false or unknown");
    }
    String asOf = cells.text("as_of", false);
    Provenance provenance = provenance(cells, asOf, request);
    String source = cells.text("source", false);
    if (source == null) {
      source = sourceFromText(provenance.vintage(), provenance.sourceUrl());
      if (source == null) {
        cells.problem("source", null, "cannot tell the series: add a source column (nato, sipri, …)");
      }
    }
    if (!cells.ok()) {
      return null;
    }
    return new SpendingRow(cells.line(), country.get().iso3(), name, year, pct, amount,
        cells.text("currency", false), estimate, source.toLowerCase(Locale.ROOT), provenance, cells.text("note", false));
  }

  private static String sourceFromText(String vintage, String url) {
    String text = ((vintage == null ? "" : vintage) + " " + (url == null ? "" : url)).toLowerCase(Locale.ROOT);
    if (text.contains("nato")) {
      return "nato";
    }
    return text.contains("sipri") ? "sipri" : null;
  }

  private static AidRow aid(RowCells cells, Countries countries, ImportRequest request) {
    String donor = cells.text("donor", true);
    String category = cells.text("category", true);
    String measure = cells.text("measure", true);
    Double amount = cells.number("amount", true);
    String currency = cells.text("currency", true);
    String unit = cells.text("unit", true);
    String asOf = cells.text("as_of", false);
    Provenance provenance = provenance(cells, asOf, request);
    if (!cells.ok()) {
      return null;
    }
    String recipient = cells.text("recipient", false);
    String donorIso3 = countries.find(donor).map(Country::iso3).orElse(null); // groups and institutions: none
    return new AidRow(cells.line(), donor, donorIso3, recipient == null ? "Ukraine" : recipient,
        cells.text("date", false), category, measure, amount, currency, unit, cells.text("item", false),
        cells.number("quantity", false), cells.text("data_through", false), provenance, cells.text("note", false));
  }

  private static ProductionRow production(RowCells cells, ImportRequest request) {
    String item = cells.text("item", true);
    String producer = cells.text("producer", true);
    String country = cells.text("country", true);
    String value = cells.text("value", true);
    String kind = cells.text("kind", true);
    String date = cells.text("date", false);
    Double low = null;
    Double high = null;
    if (value != null) {
      Matcher range = RANGE.matcher(value);
      try {
        if (range.matches()) {
          low = Double.parseDouble(range.group(1).replace(",", ""));
          high = Double.parseDouble(range.group(2).replace(",", ""));
        } else {
          low = Double.parseDouble(value.replace(",", ""));
          high = low;
        }
      } catch (NumberFormatException e) {
        cells.problem("value", value, "must be a number or a range such as 12000-20000");
      }
    }
    Provenance provenance = provenance(cells, date, request);
    if (!cells.ok()) {
      return null;
    }
    return new ProductionRow(cells.line(), item, producer, country, date, low, high, value,
        cells.text("period", true), cells.text("unit", false), kind, cells.text("target_date", false), provenance,
        cells.text("note", false));
  }

  private static ContractRow contract(RowCells cells, ImportRequest request) {
    String buyers = cells.text("buyer", true);
    String item = cells.text("item", true);
    String quantityText = cells.text("quantity", false);
    Double value = cells.number("value", false);
    String date = cells.text("date", false);
    Double quantity = null;
    String qualifier = null;
    if (quantityText != null) {
      Matcher m = QUANTITY.matcher(quantityText.toLowerCase(Locale.ROOT));
      if (m.matches()) {
        quantity = Double.parseDouble(m.group(2).replace(",", ""));
        qualifier = m.group(1) == null ? "exact" : m.group(1).equals("up to") ? "up to" : "about";
      }
    }
    Provenance provenance = provenance(cells, date, request);
    if (!cells.ok()) {
      return null;
    }
    return new ContractRow(cells.line(), buyers, cells.text("agency", false), item, quantity, qualifier, quantityText,
        value, cells.text("currency", false), date, cells.text("supplier", false), provenance,
        cells.text("note", false));
  }
}
