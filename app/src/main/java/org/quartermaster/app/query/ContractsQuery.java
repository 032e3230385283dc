package org.quartermaster.app.query;

import java.util.ArrayList;
import java.util.List;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.store.Store;

/**
 * {@code qm query contracts}: procurement contracts, one row each as the source gives them. A contract
 * reported in two currencies (USD 700 M / EUR 643 M) is two rows sharing one {@code contract_id}; the
 * totals under the table ({@link ContractTotals}) count each contract once. Values are never converted.
 */
public final class ContractsQuery {
  static final List<Column> COLUMNS = List.of(Column.text("contract_id"), Column.text("date"), Column.text("buyers"),
      Column.text("agency"), Column.text("item"), Column.number("quantity", null), Column.text("quantity_qualifier"),
      Column.number("value", null), Column.text("currency"), Column.text("supplier"), Column.text("vintage_month"),
      Column.detail("vintage"), Column.detail("as_of"), Column.detail("publisher"), Column.detail("source_title"),
      Column.text("source_grade"), Column.source(), Column.detail("via_url"), Column.detail("note"));
  private static final String SQL = """
      SELECT contract_id, date, buyers, agency, item, quantity, quantity_qualifier, value, currency, supplier,
             vintage_month, vintage, as_of, publisher, source_title, source_grade, source_url, via_url, note
      FROM contracts, (SELECT\s""" + ItemMatch.PARAMETERS + """
      , CAST(? AS VARCHAR) AS grades) AS p
      WHERE\s""" + ItemMatch.CONDITION + " AND " + GradeFilter.CONDITION + """

      ORDER BY date NULLS LAST, item, dataset_id, file_row
      """;

  private ContractsQuery() {}

  /**
   * @param item     a catalogue id or any name of a munition (stinger, shell-155: the rows of that munition,
   *                 {@link ItemMatch}), else part of the item's name, any case; null for all
   * @param minGrade only contracts cited at this grade or better, or null for all
   */
  public record Options(String item, SourceGrade minGrade) {
    public Options(String item) {
      this(item, null);
    }
  }

  public static QueryResult run(Store store, Catalogue catalogue, Options options) {
    record Read(ItemMatch match, List<List<Object>> rows) {}
    Read read = store.read(connection -> {
      ItemMatch match = ItemMatch.of(connection, "contracts", options.item(), catalogue);
      return new Read(match, Rows.query(connection, SQL, COLUMNS, match.wanted(), match.namesParameter(),
          GradeFilter.parameter(options.minGrade())));
    });
    List<List<Object>> rows = read.rows();
    List<String> notes = new ArrayList<>(GradeFilter.notes(options.minGrade()));
    if (read.match().note() != null) {
      notes.add(read.match().note());
    }
    notes.addAll(ContractTotals.of(rows, COLUMNS));
    notes.add("Values in the currency of their row, never converted; quantity_qualifier says exact, up to or"
        + " about.");
    return QueryResult.withRowProvenance(
        "Procurement contracts" + read.match().what().replaceFirst("^ of", " for"), COLUMNS, rows,
        notes);
  }
}
