package org.quartermaster.app.importer.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.UnreadableCsvException;
import org.quartermaster.app.importer.Table;
import org.quartermaster.app.importer.tabular.Mapping.Layout;

/**
 * The bulk path of a generic CSV import, for large regular files: DuckDB reads, checks and writes the
 * rows ({@link BulkTables}), and Java converts only the distinct signatures of the rows, with the Java
 * path's own converter ({@link BulkSignatures}), so the rows written are those the Java path would
 * write. The caller owns the transactions and runs the steps in order:
 *
 * <ol>
 *   <li>{@link #prepare}: the mapping, dialect and header as {@link CsvImporter} finds them.
 *   <li>{@link #stage}, in a transaction of its own (it creates temporary tables only): the cells,
 *       as text, into a staging table, while another thread scans the file ({@link RegularCsv}):
 *       it must be regular, one record per line, so that a staged row's position gives its line, and
 *       have as many data lines as there are staged rows; the scan also gives the file's SHA-256.
 *       Then the distinct signatures, each converted without a problem.
 *   <li>{@link #insert}, in the import's transaction: one {@code INSERT … SELECT} joining each staged
 *       row to its signature's converted row, the passed-through columns converted by SQL; then no
 *       two of the rows may have the same key ({@code DataRow.key()}).
 *   <li>{@link #dropTemporaryTables}, whatever happened.
 * </ol>
 *
 * When it cannot vouch for the result a step throws {@link BulkDeclinedException}; the caller rolls
 * back what it did and runs the Java path, which reports every problem. Not thread-safe; one per import.
 */
public final class BulkCsvImport {
  /** With more distinct signatures than this the bulk path would gain little over the Java path. */
  static final int MAX_SIGNATURES = 100_000;
  private static final String DELIMITERS = ",;\t|";

  private final ImportRequest request;
  private final Countries countries;
  private final Mapping mapping;
  private final CsvDialect dialect;
  private final String[] header;
  private final List<BulkColumn> columns;
  private final Table table;
  private final BulkTables tables;
  /** Known once staged. */
  private RegularCsv.Scanned scanned;
  private long dataRows;

  private BulkCsvImport(ImportRequest request, Countries countries, Mapping mapping, Target target, CsvDialect dialect,
      String[] header, List<BulkColumn> columns) {
    this.request = request;
    this.countries = countries;
    this.mapping = mapping;
    this.dialect = dialect;
    this.header = header;
    this.columns = columns;
    this.table = target.table();
    this.tables = new BulkTables(table, columns, header.length, List.copyOf(RowConverter.missingValues(mapping)));
  }

  /** The bulk import of the request's file; {@link BulkDeclinedException} when the file is not for the bulk path. */
  public static BulkCsvImport prepare(ImportRequest request, Countries countries) throws IOException {
    Mapping mapping;
    try {
      mapping = request.mapping() != null ? TabularImports.mapping(request.mapping())
          : TabularImports.shipped(request, CsvDialect.shippedMappingFor(request.file()));
    } catch (MappingException e) {
      throw new BulkDeclinedException("the mapping cannot be used");
    }
    Target target = Target.of(mapping.table());
    if (!(mapping.layout() instanceof Layout.Long) || !mapping.skipRowsMatching().isEmpty()
        || !mapping.dateColumns().isEmpty()
        || mapping.headerRow() != null && mapping.headerRow() != 1 || !BulkKey.takes(target.table())) {
      throw new BulkDeclinedException("the mapping asks for what only the Java path does");
    }
    CsvDialect dialect = CsvDialect.detect(request.file(), mapping);
    if (!dialect.charset().equals(StandardCharsets.UTF_8) || dialect.decimalComma()
        || DELIMITERS.indexOf(dialect.delimiter()) < 0) {
      throw new BulkDeclinedException("the file is not UTF-8 with decimal points and a common delimiter");
    }
    String[] header = firstRow(request, dialect);
    if (RowConverter.blank(header, header.length) || mapping.headerRow() == null
        && ColumnPlan.headersFound(mapping, header, header.length) != ColumnPlan.headerNames(mapping).size()) {
      throw new BulkDeclinedException("the header is not the first line");
    }
    ColumnPlan plan = ColumnPlan.resolve(request.fileName(), 1, header, header.length, mapping, target,
        request.sourceUrl(), request.vintage());
    List<BulkColumn> columns = columns(plan.binding(), target);
    if (!plan.problems().isEmpty() || columns.isEmpty()) {
      throw new BulkDeclinedException("the header does not fit the mapping");
    }
    return new BulkCsvImport(request, countries, mapping, target, dialect, header, columns);
  }

  public Table table() {
    return table;
  }

  /** The data rows of the file (all written, when the import succeeds); known once staged. */
  public int rowsRead() {
    return Math.toIntExact(dataRows);
  }

  /** The SHA-256 of the file's bytes, in lower-case hex; known once staged. */
  public String sha256() {
    return scanned.sha256();
  }

  /**
   * Stages the file, converts its signatures and checks the rows; see the class comment. Throws
   * {@link UncheckedIOException} when the file cannot be read.
   */
  public void stage(Connection connection) throws SQLException {
    CompletableFuture<RegularCsv.Scanned> scanning = CompletableFuture.supplyAsync(() -> {
      try {
        return RegularCsv.scan(request.file(), dialect.bomLength(), dialect.delimiter());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    long staged;
    String unreadable = null;
    try {
      staged = tables.stageCells(connection, request.file(), dialect.delimiter());
    } catch (SQLException e) {
      staged = -1;
      unreadable = e.getMessage();
    }
    try {
      scanned = scanning.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof UncheckedIOException io ? io : e;
    }
    if (scanned.lines().isEmpty() || scanned.lines().getAsLong() < 2) {
      throw new BulkDeclinedException("the file is not regular CSV, one record per line, or has no data rows");
    }
    dataRows = scanned.lines().getAsLong() - 1;
    if (unreadable != null) {
      throw new BulkDeclinedException("DuckDB cannot read the file: " + unreadable);
    }
    if (staged != dataRows) {
      throw new BulkDeclinedException("DuckDB reads " + staged + " rows from " + dataRows + " lines");
    }
    for (BulkColumn column : columns) {
      if (column.passedThrough() == SpendingTarget.PCT_GDP && !tables.sharesOfGdpFit(connection, column)) {
        throw new BulkDeclinedException("pct_gdp holds values no share of GDP has: the Java path says which");
      }
    }
    long signatures = tables.collectSignatures(connection);
    if (signatures > MAX_SIGNATURES) {
      throw new BulkDeclinedException(signatures + " distinct signatures");
    }
    try (Statement s = connection.createStatement(); ResultSet r = tables.signatures(s)) {
      tables.keepConverted(connection, DataRow.cited(
          BulkSignatures.convert(r, request, mapping, countries, header, columns), p -> p.citedAs(request.citation())));
    }
  }

  /**
   * Inserts the staged rows for the dataset, in the import's transaction, and checks that no two share
   * a key: {@link BulkDeclinedException} when some may (the caller rolls the rows back).
   */
  public void insert(Connection connection, int datasetId) throws SQLException {
    long inserted = tables.insert(connection, datasetId);
    if (inserted != dataRows) {
      throw new IllegalStateException(inserted + " rows inserted for " + dataRows + " staged");
    }
    if (tables.distinctKeys(connection, BulkKey.of(table), datasetId) != dataRows) {
      throw new BulkDeclinedException("some rows may share a key");
    }
  }

  public void dropTemporaryTables(Connection connection) throws SQLException {
    tables.drop(connection);
  }

  /** The columns the mapping reads, each once: passed through when one passed-through field alone reads it. */
  private static List<BulkColumn> columns(ColumnPlan.Binding binding, Target target) {
    Map<Integer, List<TargetField>> fieldsByColumn = new TreeMap<>();
    for (TargetField field : target.fields()) {
      int column = binding.columnByField()[field.ordinal()];
      if (column >= 0) {
        fieldsByColumn.computeIfAbsent(column, c -> new ArrayList<>()).add(field);
      }
    }
    List<BulkColumn> columns = new ArrayList<>();
    fieldsByColumn.forEach((column, fields) -> columns.add(new BulkColumn(column,
        fields.size() == 1 && target.passedThrough().contains(fields.getFirst()) ? fields.getFirst() : null)));
    return List.copyOf(columns);
  }

  /** The file's first row, as the Java path parses it. */
  private static String[] firstRow(ImportRequest request, CsvDialect dialect) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Files.newInputStream(request.file())) {
      in.skipNBytes(dialect.bomLength());
      CsvRows.read(new InputStreamReader(in, StandardCharsets.UTF_8), dialect.delimiter(), (line, cells, count) -> {
        rows.add(Arrays.copyOf(cells, count));
        return false;
      });
    } catch (UnreadableCsvException e) {
      throw new BulkDeclinedException("the first row cannot be read: " + e.getMessage()); // the Java path says where
    }
    if (rows.isEmpty()) {
      throw new BulkDeclinedException("the file has no rows");
    }
    return rows.getFirst();
  }
}
