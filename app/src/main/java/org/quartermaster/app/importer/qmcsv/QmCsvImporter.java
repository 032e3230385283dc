package org.quartermaster.app.importer.qmcsv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.importer.CsvRecords;
import org.quartermaster.app.importer.CsvRecords.CsvRecord;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.Importer;
import org.quartermaster.app.importer.ParsedFile;
import org.quartermaster.app.importer.Problems;
import org.quartermaster.app.importer.Table;
import org.quartermaster.app.importer.UnreadableCsvException;

/**
 * Quartermaster's own tidy CSV: the layout of the bundled dataset's files, every row carrying its
 * source URL and date. The header says which table a file fills (see {@link Layout}); columns may
 * come in any order and extra columns are refused so that a misspelt one is never silently lost.
 */
public final class QmCsvImporter implements Importer {

  /** The citation columns every layout takes: see {@code QmCsvRows#provenance}. */
  private static final List<String> CITATION = List.of("source_url", "source_title", "publisher", "source_grade",
      "via_url", "as_of", "vintage");

  /**
   * The layouts: the columns each needs and allows (the {@link #CITATION} columns too). The last two are
   * the munition catalogue's own files ({@code munitions.csv}, {@code aliases.csv}), which users extend by
   * importing files with their columns.
   */
  enum Layout {
    SPENDING(Table.SPENDING, List.of("country", "iso3", "year", "pct_gdp"),
        List.of("country", "iso3", "year", "pct_gdp", "estimate", "note", "source", "amount", "currency", "unit",
            "price_base")),
    AID(Table.AID, List.of("donor", "category", "measure", "amount", "currency", "unit"),
        List.of("donor", "category", "measure", "amount", "currency", "unit", "data_through", "note", "recipient",
            "date", "item", "quantity", "release", "basis")),
    PRODUCTION(Table.PRODUCTION, List.of("item", "producer", "country", "value", "period", "kind"),
        List.of("item", "producer", "country", "date", "value", "period", "unit", "kind", "target_date", "note")),
    CONTRACTS(Table.CONTRACTS, List.of("buyer", "item", "quantity", "value", "currency", "date"),
        List.of("contract_id", "buyer", "agency", "item", "quantity", "value", "currency", "date", "supplier",
            "note", "delivery_start", "delivery_end")),
    MUNITIONS(Table.MUNITIONS, List.of("id", "name", "family", "category", "unit"),
        List.of("id", "name", "family", "category", "unit", "note", "status", "status_as_of", "status_source_url")),
    MUNITION_ALIASES(Table.MUNITION_ALIASES, List.of("alias", "id"), List.of("alias", "id", "note"));

    final Table table;
    final List<String> required;
    final List<String> allowed;

    Layout(Table table, List<String> required, List<String> allowed) {
      this.table = table;
      this.required = required;
      this.allowed = java.util.stream.Stream.concat(allowed.stream(), CITATION.stream()).toList();
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
    try {
      CsvRecords.forEach(request.file(), ',', reading::accept);
    } catch (UnreadableCsvException e) {
      reading.unreadable(e);
    }
    return reading.result();
  }

  /** The state of one streamed read: the header decides the layout, then each record becomes a row. */
  private static final class Reading {
    private final ImportRequest request;
    private final Countries countries;
    private final String file;
    private final Problems problems;
    private final List<DataRow> rows = new ArrayList<>();
    private final Map<String, Integer> columns = new HashMap<>();
    private List<String> header;
    private Layout layout;
    private boolean refused;
    private int rowsRead;

    Reading(ImportRequest request, Countries countries) {
      this.request = request;
      this.countries = countries;
      this.file = request.fileName();
      this.problems = new Problems(file);
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
        case SPENDING -> QmCsvRows.spending(cells, countries, request);
        case AID -> QmCsvRows.aid(cells, countries, request);
        case PRODUCTION -> QmCsvRows.production(cells, request);
        case CONTRACTS -> QmCsvRows.contract(cells, request);
        case MUNITIONS -> CatalogueRows.munition(cells, request);
        case MUNITION_ALIASES -> CatalogueRows.alias(cells, request);
      };
      if (cells.ok() && row != null) {
        rows.add(row);
      } else {
        problems.badRow(record.line());
      }
    }

    private void header(CsvRecord record) {
      header = record.cells().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
      Optional<Layout> found = Layout.of(header);
      if (found.isEmpty()) {
        problems.add(new ImportProblem(file, record.line(), null, String.join(",", header),
            "not a qm-csv header: a qm-csv file has the columns of one layout (spending: country, iso3, year, pct_gdp,"
                + " …; aid: donor, category, measure, amount, currency, unit, …; production: item, producer, country,"
                + " value, period, kind, …; contracts: buyer, item, quantity, value, currency, date, …; munitions:"
                + " id, name, family, category, unit, …; aliases: alias, id)"));
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

    /**
     * A munitions file's rows that do not fit the bundled catalogue (an id or a name it has), each a problem of
     * its row, found here so that they are listed with the file's other problems; the import's transaction
     * checks the rows again against the store's.
     */
    private void refuseMisfits() {
      List<org.quartermaster.app.data.MunitionRow> munitions = rows.stream()
          .map(org.quartermaster.app.data.MunitionRow.class::cast).toList();
      java.util.Set<Integer> misfits = new java.util.HashSet<>();
      for (var p : org.quartermaster.app.munitions.UserCatalogue.problemsWithin(munitions, file)) {
        problems.at(p.origin().row(), p.column(), p.value(), p.message());
        misfits.add(p.origin().row());
      }
      rows.removeIf(r -> misfits.contains(r.fileRow()));
    }

    /** The rest of the file cannot be read: a problem at the row where that starts, and no more rows. */
    void unreadable(UnreadableCsvException e) {
      problems.at(e.row(), null, null, e.getMessage());
      refused = true;
    }

    ParsedFile result() {
      if (layout == Layout.MUNITIONS) {
        refuseMisfits();
      }
      if (header == null) {
        problems.add(new ImportProblem(file, 0, null, null, "the file is empty; a qm-csv file starts with a header row"));
      }
      Table table = layout == null ? Table.SPENDING : layout.table;
      return problems.parsed(table, rows, rowsRead);
    }
  }
}
