package org.quartermaster.app.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.quartermaster.app.data.AidRow;
import org.quartermaster.app.data.ContractRow;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.data.DeliveryRow;
import org.quartermaster.app.data.ProductionRow;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SpendingRow;

/**
 * Bulk-writes rows with DuckDB's appender (about 150 times faster than batched inserts), inside the
 * caller's transaction. One method per table; the column order is the schema's (V1__schema.sql).
 */
public final class RowWriter {
  private RowWriter() {}

  /** Appends rows of one table (all of the same record type) for a dataset. */
  public static void append(Connection connection, String table, int datasetId, List<? extends DataRow> rows)
      throws SQLException {
    try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA,
        table)) {
      for (DataRow row : rows) {
        appender.beginRow();
        appender.append(datasetId);
        appender.append(row.fileRow());
        switch (row) {
          case SpendingRow r -> spending(appender, r);
          case AidRow r -> aid(appender, r);
          case DeliveryRow r -> delivery(appender, r);
          case ProductionRow r -> production(appender, r);
          case ContractRow r -> contract(appender, r);
          default -> throw new IllegalArgumentException("no table for " + row.getClass().getSimpleName());
        }
        appender.endRow();
      }
    }
  }

  private static void spending(DuckDBAppender a, SpendingRow r) throws SQLException {
    text(a, r.source());
    text(a, r.iso3());
    text(a, r.country());
    a.append(r.year());
    number(a, r.pctGdp());
    number(a, r.amount());
    text(a, r.currency());
    text(a, r.estimate().wireName());
    provenance(a, r.provenance());
    text(a, r.note());
  }

  private static void aid(DuckDBAppender a, AidRow r) throws SQLException {
    text(a, r.donor());
    text(a, r.donorIso3());
    text(a, r.recipient());
    text(a, r.date());
    text(a, r.category());
    text(a, r.measure());
    a.append(r.amount());
    text(a, r.currency());
    text(a, r.unit());
    text(a, r.item());
    number(a, r.quantity());
    text(a, r.dataThrough());
    provenance(a, r.provenance());
    text(a, r.note());
  }

  private static void delivery(DuckDBAppender a, DeliveryRow r) throws SQLException {
    text(a, r.recordId());
    text(a, r.supplier());
    text(a, r.supplierIso3());
    text(a, r.recipient());
    text(a, r.recipientIso3());
    text(a, r.designation());
    text(a, r.description());
    text(a, r.category());
    integer(a, r.orderYear());
    a.append(r.orderYearEstimate());
    integer(a, r.numberDelivered());
    a.append(r.numberDeliveredEstimate());
    text(a, r.deliveryYears());
    a.append(r.deliveryYearEstimate());
    text(a, r.status());
    number(a, r.tivUnit());
    number(a, r.tivDelivered());
    text(a, r.localProduction());
    provenance(a, r.provenance());
  }

  private static void production(DuckDBAppender a, ProductionRow r) throws SQLException {
    text(a, r.item());
    text(a, r.producer());
    text(a, r.country());
    text(a, r.date());
    number(a, r.valueLow());
    number(a, r.valueHigh());
    text(a, r.valueText());
    text(a, r.period());
    text(a, r.unit());
    text(a, r.kind());
    text(a, r.targetDate());
    provenance(a, r.provenance());
    text(a, r.note());
  }

  private static void contract(DuckDBAppender a, ContractRow r) throws SQLException {
    text(a, r.buyers());
    text(a, r.agency());
    text(a, r.item());
    number(a, r.quantity());
    text(a, r.quantityQualifier());
    text(a, r.quantityText());
    number(a, r.value());
    text(a, r.currency());
    text(a, r.date());
    text(a, r.supplier());
    provenance(a, r.provenance());
    text(a, r.note());
  }

  private static void provenance(DuckDBAppender a, Provenance p) throws SQLException {
    text(a, p.sourceUrl());
    text(a, p.asOf());
    text(a, p.vintage());
    text(a, p.vintageMonth());
    text(a, p.publisher());
  }

  private static void text(DuckDBAppender a, String value) throws SQLException {
    if (value == null) {
      a.appendNull();
    } else {
      a.append(value);
    }
  }

  private static void number(DuckDBAppender a, Double value) throws SQLException {
    if (value == null) {
      a.appendNull();
    } else {
      a.append(value.doubleValue());
    }
  }

  private static void integer(DuckDBAppender a, Integer value) throws SQLException {
    if (value == null) {
      a.appendNull();
    } else {
      a.append(value.intValue());
    }
  }
}
