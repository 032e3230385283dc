package org.quartermaster.app.query;

import java.util.List;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.store.Store;

/**
 * {@code qm query production}: production rates, capacities and targets. Each row's rate is per its
 * own {@code period} in its own {@code unit}; a range such as 12000-20000 is {@code value} as written,
 * with {@code value_low} and {@code value_high} in CSV and JSON.
 */
public final class ProductionQuery {
  static final List<Column> COLUMNS = List.of(Column.text("item"), Column.text("producer"), Column.text("country"),
      Column.text("date"), Column.text("value"), Column.detail("value_low"), Column.detail("value_high"),
      Column.text("unit"), Column.text("period"), Column.text("kind"), Column.text("target_date"),
      Column.text("vintage_month"), Column.detail("vintage"), Column.detail("as_of"), Column.detail("publisher"),
      Column.detail("source_title"), Column.text("source_grade"), Column.source(), Column.detail("via_url"),
      Column.detail("note"));
  private static final String SQL = """
      SELECT item, producer, country, date, value_text AS value, value_low, value_high, unit, period, kind,
             target_date, vintage_month, vintage, as_of, publisher, source_title, source_grade, source_url, via_url,
             note
      FROM production, (SELECT\s""" + ItemMatch.PARAMETERS + """
      , CAST(? AS VARCHAR) AS grades) AS p
      WHERE\s""" + ItemMatch.CONDITION + " AND " + GradeFilter.CONDITION + """

      ORDER BY item, country, producer, date NULLS LAST, dataset_id, file_row
      """;

  private ProductionQuery() {}

  /**
   * @param item     a catalogue id or any name of a munition (stinger, shell-155: the rows of that munition,
   *                 {@link ItemMatch}), else part of the item's name, any case; null for all
   * @param minGrade only figures cited at this grade or better, or null for all
   */
  public record Options(String item, SourceGrade minGrade) {
    public Options(String item) {
      this(item, null);
    }
  }

  public static QueryResult run(Store store, Catalogue catalogue, Options options) {
    record Read(ItemMatch match, List<List<Object>> rows) {}
    Read read = store.read(connection -> {
      ItemMatch match = ItemMatch.of(connection, "production", options.item(), catalogue);
      return new Read(match, Rows.query(connection, SQL, COLUMNS, match.wanted(), match.namesParameter(),
          GradeFilter.parameter(options.minGrade())));
    });
    List<String> notes = new java.util.ArrayList<>(GradeFilter.notes(options.minGrade()));
    notes.add("Each value is per its period (month, year, cumulative …) in its unit.");
    if (read.match().note() != null) {
      notes.add(read.match().note());
    }
    return QueryResult.withRowProvenance("Production rates, capacities and targets" + read.match().what(), COLUMNS,
        read.rows(), notes);
  }
}
