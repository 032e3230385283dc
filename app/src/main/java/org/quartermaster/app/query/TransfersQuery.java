package org.quartermaster.app.query;

import java.util.List;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.store.Store;

/**
 * {@code qm query transfers}: drawdowns, deliveries and pledges from one country to another, each with its
 * supplier and recipient, the item as written and its catalogue id, the quantity, the date or window,
 * whether it is a running total (cumulative) or a window (period), pledged or delivered, and its source.
 */
public final class TransfersQuery {
  static final List<Column> COLUMNS = List.of(Column.text("item"), Column.text("item_id"), Column.text("supplier"),
      Column.text("supplier_iso3"), Column.text("recipient_iso3"), Column.text("quantity"),
      Column.detail("quantity_low"), Column.detail("quantity_high"), Column.text("unit"), Column.text("date"),
      Column.detail("period_start"), Column.detail("period_end"), Column.text("basis"), Column.text("status"),
      Column.detail("period"), Column.detail("source_kind"), Column.detail("dataset_id"), Column.detail("file_row"),
      Column.text("vintage_month"), Column.detail("vintage"), Column.detail("as_of"), Column.detail("publisher"),
      Column.detail("source_title"), Column.text("source_grade"), Column.source(), Column.detail("via_url"),
      Column.detail("note"));
  private static final String SQL = """
      SELECT item, item_id, supplier, supplier_iso3, recipient_iso3, quantity_text AS quantity, quantity_low,
             quantity_high, unit, date, period_start, period_end, basis, status, period, source_kind, dataset_id,
             file_row, vintage_month, vintage, as_of, publisher, source_title, source_grade, source_url, via_url, note
      FROM transfers, (SELECT\s""" + ItemMatch.PARAMETERS + """
      , CAST(? AS VARCHAR) AS grades) AS p
      WHERE\s""" + ItemMatch.CONDITION + " AND " + GradeFilter.CONDITION + """

      ORDER BY item_id NULLS LAST, item, supplier_iso3, basis, period_end NULLS LAST, dataset_id, file_row
      """;

  private TransfersQuery() {}

  /**
   * @param item     a catalogue id or any name of a munition (javelin, 155mm shells: the rows of that munition,
   *                 {@link ItemMatch}), else part of the item's name, any case; null for all
   * @param minGrade only figures cited at this grade or better, or null for all
   */
  public record Options(String item, SourceGrade minGrade) {}

  public static QueryResult run(Store store, Catalogue catalogue, Options options) {
    record Read(ItemMatch match, List<List<Object>> rows) {}
    Read read = store.read(connection -> {
      ItemMatch match = ItemMatch.of(connection, "transfers", options.item(), catalogue);
      return new Read(match, Rows.query(connection, SQL, COLUMNS, match.wanted(), match.namesParameter(),
          GradeFilter.parameter(options.minGrade())));
    });
    List<String> notes = new java.util.ArrayList<>(GradeFilter.notes(options.minGrade()));
    notes.add("basis: cumulative (a running total up to its date) or period (new within the window"
        + " period_start..period_end); never add cumulative figures up.");
    notes.add("status: pledged (committed, promised) or delivered; item_id: the munition catalogue's id (qm items).");
    if (read.match().note() != null) {
      notes.add(read.match().note());
    }
    return QueryResult.withRowProvenance("Transfers" + read.match().what() + ": drawdowns, deliveries and pledges",
        COLUMNS, read.rows(), notes);
  }
}
