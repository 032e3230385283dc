package org.quartermaster.app.query;

import java.util.List;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.store.Store;

/**
 * {@code qm query deliveries}: arms-transfer records (SIPRI trade register), one row per record. A
 * record imported from several vintages is shown once, from the latest vintage that has it.
 */
public final class DeliveriesQuery {
  static final List<Column> COLUMNS = List.of(Column.text("record_id"), Column.text("supplier"),
      Column.detail("supplier_iso3"), Column.text("recipient"), Column.detail("recipient_iso3"),
      Column.text("designation"), Column.text("description"), Column.detail("category"),
      Column.number("order_year", null), Column.detail("order_year_estimate"),
      Column.number("number_delivered", null), Column.detail("number_delivered_estimate"),
      Column.text("delivery_years"), Column.detail("delivery_year_estimate"), Column.text("status"),
      Column.detail("tiv_unit"), Column.number("tiv_delivered", "TIV million"), Column.detail("local_production"),
      Column.text("vintage_month"), Column.detail("vintage"), Column.detail("as_of"), Column.detail("publisher"),
      Column.detail("source_title"), Column.text("source_grade"), Column.source(), Column.detail("via_url"));
  private static final String SQL = """
      WITH p AS (
        SELECT CAST(? AS VARCHAR) AS supplier, CAST(? AS VARCHAR) AS supplier_iso3,
               CAST(? AS VARCHAR) AS recipient, CAST(? AS VARCHAR) AS recipient_iso3, CAST(? AS VARCHAR) AS grades
      ), latest AS (
        SELECT d.*, row_number() OVER (
                 PARTITION BY d.record_id
                 ORDER BY d.vintage_month DESC NULLS LAST, d.dataset_id DESC, d.file_row) AS rank
        FROM deliveries d, p
        WHERE (p.supplier IS NULL OR d.supplier_iso3 = p.supplier_iso3
               OR contains(lower(d.supplier), lower(p.supplier)))
          AND (p.recipient IS NULL OR d.recipient_iso3 = p.recipient_iso3
               OR contains(lower(d.recipient), lower(p.recipient)))
          AND\s""" + GradeFilter.CONDITION + """

      )
      SELECT record_id, supplier, supplier_iso3, recipient, recipient_iso3, designation, description, category,
             order_year, order_year_estimate, number_delivered, number_delivered_estimate, delivery_years,
             delivery_year_estimate, status, tiv_unit, tiv_delivered, local_production, vintage_month, vintage,
             as_of, publisher, source_title, source_grade, source_url, via_url
      FROM latest WHERE rank = 1
      ORDER BY supplier, recipient, order_year NULLS LAST, record_id
      """;

  private DeliveriesQuery() {}

  /**
   * @param supplier  part of the supplier's name (any case) or its ISO code, or null for all
   * @param recipient part of the recipient's name (any case) or its ISO code, or null for all
   */
  public record Options(String supplier, String recipient, SourceGrade minGrade) {
    public Options(String supplier, String recipient) {
      this(supplier, recipient, null);
    }
  }

  public static QueryResult run(Store store, Options options) {
    Object[] parameters = {options.supplier(), iso3(options.supplier()), options.recipient(),
        iso3(options.recipient()), GradeFilter.parameter(options.minGrade())};
    List<List<Object>> rows = store.read(connection -> Rows.query(connection, SQL, COLUMNS, parameters));
    List<String> notes = new java.util.ArrayList<>(GradeFilter.notes(options.minGrade()));
    notes.add("Each record once, from the latest vintage that has it; numbers and years marked estimate in the"
        + " *_estimate columns (CSV and JSON).");
    return QueryResult.withRowProvenance("Arms deliveries, one row per transfer record", COLUMNS, rows, notes);
  }

  static String iso3(String nameOrCode) {
    return nameOrCode == null ? null : Countries.standard().find(nameOrCode).map(Country::iso3).orElse(null);
  }
}
