package org.quartermaster.app.query;

import java.util.List;
import org.quartermaster.app.store.Store;

/**
 * {@code qm query contracts}: procurement contracts, one row each. A contract reported in two
 * currencies (USD 700 M / EUR 643 M) is two rows, as the source gives them; values are never
 * converted.
 */
public final class ContractsQuery {
  static final List<Column> COLUMNS = List.of(Column.text("date"), Column.text("buyers"), Column.text("agency"),
      Column.text("item"), Column.number("quantity", null), Column.text("quantity_qualifier"),
      Column.number("value", null), Column.text("currency"), Column.text("supplier"), Column.text("vintage_month"),
      Column.detail("vintage"), Column.detail("as_of"), Column.source(), Column.detail("note"));
  private static final String SQL = """
      SELECT date, buyers, agency, item, quantity, quantity_qualifier, value, currency, supplier, vintage_month,
             vintage, as_of, source_url, note
      FROM contracts, (SELECT CAST(? AS VARCHAR) AS wanted) AS p
      WHERE p.wanted IS NULL OR contains(lower(item), lower(p.wanted))
      ORDER BY date NULLS LAST, item, dataset_id, file_row
      """;

  private ContractsQuery() {}

  /** @param item part of the item's name, any case (stinger, 155mm), or null for all */
  public record Options(String item) {}

  public static QueryResult run(Store store, Options options) {
    List<List<Object>> rows = store.read(connection -> Rows.query(connection, SQL, COLUMNS, options.item()));
    return QueryResult.withRowProvenance(
        "Procurement contracts" + (options.item() == null ? "" : " for '" + options.item() + "'"), COLUMNS, rows,
        List.of("Values in the currency of their row, never converted; quantity_qualifier says exact, up to or"
            + " about."));
  }
}
