package org.quartermaster.app.store;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.quartermaster.app.data.AidRow;
import org.quartermaster.app.data.ContractRow;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.data.DeliveryRow;
import org.quartermaster.app.data.MunitionAliasRow;
import org.quartermaster.app.data.MunitionRow;
import org.quartermaster.app.data.ProductionRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SpendingRow;

/**
 * Bulk-writes rows inside the caller's transaction, through DuckDB's own CSV reader: the rows are
 * written to a temporary CSV (every text quoted, {@code \N} unquoted for null, doubles in Java's
 * shortest exact form) and loaded with one {@code INSERT … SELECT * FROM read_csv(…)}, which parses
 * in parallel. For wide rows of text this is several times faster than DuckDB's appender, whose
 * per-value string copies dominated a 1,000,000-row import. Column order is the schema's
 * (V1__schema.sql, V3__provenance.sql); the column types are read from the table itself.
 */
public final class RowWriter {
  private RowWriter() {}

  /**
   * {@link #append(Connection, String, int, List, Path)} staging in {@code java.io.tmpdir}: for a store in
   * memory (tests), whose imports have no folder of their own.
   */
  public static void append(Connection connection, String table, int datasetId, List<? extends DataRow> rows)
      throws SQLException {
    append(connection, table, datasetId, rows, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * Appends rows of one table (all of the same record type) for a dataset to the table that stores
   * them ({@code <table>_rows}, whose rows point at their provenance by id: {@link ProvenanceIds}).
   * The staging CSV is made in {@code stagingFolder} (an existing folder: the store's folder for
   * temporary import files) and deleted before this returns, whatever happens.
   */
  public static void append(Connection connection, String table, int datasetId, List<? extends DataRow> rows,
      Path stagingFolder) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Map<Provenance, Integer> provenanceIds =
        ProvenanceIds.of(connection, rows.stream().map(DataRow::provenance).toList());
    Path staging = null;
    try {
      staging = Files.createTempFile(stagingFolder, "qm-rows-", ".csv");
      try (Writer out = Files.newBufferedWriter(staging, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
        StringBuilder line = new StringBuilder(256);
        for (DataRow row : rows) {
          line.setLength(0);
          line.append(datasetId).append(',').append(row.fileRow());
          for (Object value : values(row, List.of(provenanceIds.get(row.provenance())))) {
            line.append(',');
            cell(line, value);
          }
          line.append('\n');
          out.append(line);
        }
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " SELECT * FROM read_csv(?,"
          + " header = false, delim = ',', quote = '\"', escape = '\"', nullstr = '\\N', allow_quoted_nulls = false,"
          + " columns = " + columnTypes(connection, table) + ")")) {
        insert.setString(1, staging.toString());
        insert.execute();
      }
    } catch (IOException e) {
      throw new SQLException("cannot stage rows for " + table + ": " + e.getMessage(), e);
    } finally {
      if (staging != null) {
        try {
          Files.deleteIfExists(staging);
        } catch (IOException e) {
          staging.toFile().deleteOnExit();
        }
      }
    }
  }

  /**
   * Appends a few rows (thousands, not millions) of one table through DuckDB's appender, which for
   * so few rows is quicker than staging a CSV file; {@code catalog} is "temp" for a temporary table.
   * The table has the columns of the table's view, the provenance's eight values included.
   */
  public static void appendFew(Connection connection, String catalog, String table, int datasetId,
      List<? extends DataRow> rows) throws SQLException {
    try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender(catalog, "main", table)) {
      for (DataRow row : rows) {
        appender.beginRow().append(datasetId).append(row.fileRow());
        for (Object value : values(row, provenanceTexts(row.provenance()))) {
          switch (value) {
            case null -> appender.appendNull();
            case String text -> appender.append(text);
            case Integer number -> appender.append(number.intValue());
            case Double number -> appender.append(number.doubleValue());
            case Boolean flag -> appender.append(flag.booleanValue());
            default -> throw new IllegalArgumentException("no column type for " + value.getClass().getSimpleName());
          }
        }
        appender.endRow();
      }
    }
  }

  /** The table's columns as read_csv's {@code columns} struct: {'name': 'TYPE', …}, in schema order. */
  private static String columnTypes(Connection connection, String table) throws SQLException {
    StringBuilder struct = new StringBuilder("{");
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position")) {
      query.setString(1, table);
      try (ResultSet r = query.executeQuery()) {
        while (r.next()) {
          struct.append(struct.length() > 1 ? ", " : "").append('\'').append(r.getString(1)).append("': '")
              .append(r.getString(2)).append('\'');
        }
      }
    }
    return struct.append('}').toString();
  }

  private static void cell(StringBuilder line, Object value) {
    switch (value) {
      case null -> line.append("\\N");
      case String text -> {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
          char ch = text.charAt(i);
          if (ch == '"') {
            line.append('"');
          }
          line.append(ch);
        }
        line.append('"');
      }
      default -> line.append(value); // numbers and booleans: Java's exact shortest form
    }
  }

  /**
   * A row's values after dataset_id and file_row, in the table's column order, with {@code provenance}
   * in place of its provenance: its eight values (the view), or its id (the stored rows).
   */
  static List<Object> values(DataRow row, List<Object> provenance) {
    return switch (row) {
      case SpendingRow r -> with(provenance, nullable(r.source(), r.iso3(), r.country(), r.year(),
          r.pctGdp(), r.amount(), r.currency(), r.estimate().wireName()), r.note(), r.unit(), r.priceBase());
      case AidRow r -> with(provenance, nullable(r.donor(), r.donorIso3(), r.recipient(), r.date(),
          r.category(), r.measure(), r.amount(), r.currency(), r.unit(), r.item(), r.quantity(), r.dataThrough()),
          r.note(), r.basis() == null ? null : r.basis().wireName(), r.gdpSharePct(), r.gdpShareYear());
      case DeliveryRow r -> with(provenance, nullable(r.recordId(), r.supplier(), r.supplierIso3(),
          r.recipient(), r.recipientIso3(), r.designation(), r.description(), r.category(), r.orderYear(),
          r.orderYearEstimate(), r.numberDelivered(), r.numberDeliveredEstimate(), r.deliveryYears(),
          r.deliveryYearEstimate(), r.status(), r.tivUnit(), r.tivDelivered(), r.localProduction()), NO_NOTE);
      case ProductionRow r -> with(provenance, nullable(r.item(), r.producer(), r.country(), r.date(),
          r.valueLow(), r.valueHigh(), r.valueText(), r.period(), r.unit(), r.kind(), r.targetDate()), r.note());
      case ContractRow r -> with(provenance, nullable(r.buyers(), r.agency(), r.item(), r.quantity(),
          r.quantityQualifier(), r.quantityText(), r.value(), r.currency(), r.date(), r.supplier()), r.note(),
          r.contractId(), r.deliveryStart(), r.deliveryEnd());
      case MunitionRow r -> with(provenance, nullable(r.id(), r.name(), r.family(), r.category(), r.unit(),
          r.status(), r.statusAsOf(), r.statusSourceUrl()), r.note());
      case MunitionAliasRow r -> with(provenance, nullable(r.alias(), r.id()), r.note());
      default -> throw new IllegalArgumentException("no table for " + row.getClass().getSimpleName());
    };
  }

  /** Marks a table without a note column. */
  private static final Object NO_NOTE = new Object();

  private static List<Object> nullable(Object... values) {
    return java.util.Arrays.asList(values);
  }

  private static List<Object> provenanceTexts(Provenance p) {
    return nullable((Object[]) ProvenanceIds.texts(p));
  }

  /** The row's fields, its provenance, its note and the columns later schema versions added (V4: last). */
  private static List<Object> with(List<Object> provenance, List<Object> fields, Object note, Object... added) {
    List<Object> values = new ArrayList<>(fields.size() + provenance.size() + 1 + added.length);
    values.addAll(fields);
    values.addAll(provenance);
    if (note != NO_NOTE) {
      values.add(note);
    }
    values.addAll(java.util.Arrays.asList(added));
    return values;
  }
}
