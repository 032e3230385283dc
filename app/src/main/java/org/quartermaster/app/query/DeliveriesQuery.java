package org.quartermaster.app.query;

import java.util.List;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.data.Country;
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
      Column.text("vintage_month"), Column.detail("vintage"), Column.source());
  private static final String SQL = """
      WITH p AS (
        SELECT CAST(? AS VARCHAR) AS supplier, CAST(? AS VARCHAR) AS supplier_iso3,
               CAST(? AS VARCHAR) AS recipient, CAST(? AS VARCHAR) AS recipient_iso3
      ), latest AS (
        SELECT d.*, row_number() OVER (
                 PARTITION BY d.record_id
                 ORDER BY d.vintage_month DESC NULLS LAST, d.dataset_id DESC, d.file_row) AS rank
        FROM deliveries d, p
        WHERE (p.supplier IS NULL OR d.supplier_iso3 = p.supplier_iso3
               OR contains(lower(d.supplier), lower(p.supplier)))
          AND (p.recipient IS NULL OR d.recipient_iso3 = p.recipient_iso3
               OR contains(lower(d.recipient), lower(p.recipient)))
      )
      SELECT record_id, supplier, supplier_iso3, recipient, recipient_iso3, designation, description, category,
             order_year, order_year_estimate, number_delivered, number_delivered_estimate, delivery_years,
             delivery_year_estimate, status, tiv_unit, tiv_delivered, local_production, vintage_month, vintage,
             source_url
      FROM latest WHERE rank = 1
      ORDER BY supplier, recipient, order_year NULLS LAST, record_id
      """;

  private DeliveriesQuery() {}

  /**
   * @param supplier  part of the supplier's name (any case) or its ISO code, or null for all
   * @param recipient part of the recipient's name (any case) or its ISO code, or null for all
   */
  public record Options(String supplier, String recipient) {}

  public static QueryResult run(Store store, Options options) {
    Object[] parameters = {options.supplier(), iso3(options.supplier()), options.recipient(),
        iso3(options.recipient())};
    List<List<Object>> rows = store.read(connection -> Rows.query(connection, SQL, COLUMNS, parameters));
    return QueryResult.withRowProvenance("Arms deliveries, one row per transfer record", COLUMNS, rows,
        List.of("Each record once, from the latest vintage that has it; numbers and years marked estimate in the"
            + " *_estimate columns (CSV and JSON)."));
  }

  static String iso3(String nameOrCode) {
    return nameOrCode == null ? null : Countries.standard().find(nameOrCode).map(Country::iso3).orElse(null);
  }
}
