package org.quartermaster.app.query;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.quartermaster.app.store.Store;

/**
 * {@code qm query sweeps} and {@code GET /api/v1/sweeps}: the sweeps imported into the store (each also
 * a dataset); with an id ({@code --id}, {@code /api/v1/sweeps/{id}}): one sweep's record and its rows,
 * one per variant × cell, a column per parameter and per metric as {@code qm sweep} wrote them.
 */
public final class SweepsQuery {
  static final List<Column> COLUMNS = List.of(Column.number("sweep_id", null), Column.text("file"),
      Column.text("sweep_file"), Column.text("base"), Column.detail("base_sha256"), Column.text("design"),
      Column.number("variants", null), Column.number("cells", null), Column.number("runs", "per variant"),
      Column.number("seed", null), Column.text("parameters"), Column.detail("metrics"), Column.text("imported_at"));
  private static final String SQL = """
      SELECT s.sweep_id, s.file_name AS file, s.sweep_file, s.base, s.base_sha256, s.design, s.variants, s.cells,
             s.runs, s.seed, array_to_string(s.parameters, '; ') AS parameters,
             array_to_string(s.metrics, '; ') AS metrics, d.imported_at
      FROM sweeps s JOIN datasets d ON d.dataset_id = s.sweep_id
      """;
  private static final String NOTE = "A sweep runs SM-1 on every variant of a base scenario with common random"
      + " numbers (docs/analysis.md); its id is its dataset's (qm datasets rm ID removes it).";
  private static final String ROWS_NOTE = "Units: months_to_target_* in months from the scenario's start;"
      + " reached_by_month_* and shortfall_probability are probabilities (0-1) over the runs;"
      + " expected_unmet_demand and closing_stock_* in the item's units. Empty: the metric does not exist for"
      + " the cell (no target, or a quantile beyond the horizon).";

  private SweepsQuery() {}

  /** Every sweep in the store, oldest first. */
  public static QueryResult run(Store store) {
    List<List<Object>> rows = store.read(c -> Rows.query(c, SQL + "ORDER BY s.sweep_id", COLUMNS));
    return new QueryResult("Sweeps: the sweep results imported into the store", COLUMNS, rows, List.of(), List.of(),
        List.of(NOTE));
  }

  /** One sweep: its record (field, value) and its rows; empty when the store has no sweep of this id. */
  public static Optional<List<QueryResult>> find(Store store, int sweepId) {
    return store.read(c -> {
      List<List<Object>> found = Rows.query(c, SQL + "WHERE s.sweep_id = ?", COLUMNS, sweepId);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      List<List<Object>> fields = new ArrayList<>();
      for (int i = 0; i < COLUMNS.size(); i++) {
        fields.add(Arrays.asList(COLUMNS.get(i).name(), found.getFirst().get(i)));
      }
      QueryResult record = new QueryResult("Sweep " + sweepId + ": " + found.getFirst().get(1),
          List.of(Column.text("field"), Column.text("value")), fields, List.of(), List.of(), List.of(NOTE));
      return Optional.of(List.of(record, rows(c, sweepId, Integer.MAX_VALUE)));
    });
  }

  /**
   * The first {@code limit} rows of a sweep (in its file's order): variant, a column per parameter,
   * holder, item, a column per metric.
   */
  public static QueryResult rows(Connection connection, int sweepId, int limit) throws SQLException {
    List<String> parameters;
    List<String> metrics;
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT parameters, metrics FROM sweeps WHERE sweep_id = ?")) {
      query.setInt(1, sweepId);
      try (ResultSet r = query.executeQuery()) {
        r.next();
        parameters = texts(r.getArray(1));
        metrics = texts(r.getArray(2));
      }
    }
    List<Column> columns = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT variant");
    columns.add(Column.number("variant", null));
    for (int i = 0; i < parameters.size(); i++) {
      sql.append(", parameter_values[").append(i + 1).append("] AS ").append(identifier(parameters.get(i)));
      columns.add(Column.number(parameters.get(i), null));
    }
    sql.append(", holder, item");
    columns.add(Column.text("holder"));
    columns.add(Column.text("item"));
    for (int i = 0; i < metrics.size(); i++) {
      sql.append(", metric_values[").append(i + 1).append("] AS ").append(identifier(metrics.get(i)));
      columns.add(Column.number(metrics.get(i), unit(metrics.get(i))));
    }
    sql.append(" FROM sweep_rows WHERE dataset_id = ? ORDER BY file_row LIMIT ?");
    List<List<Object>> rows = Rows.query(connection, sql.toString(), columns, sweepId, limit);
    return new QueryResult((limit == Integer.MAX_VALUE ? "The rows" : "The first rows") + " of sweep " + sweepId
        + ": one per variant and cell", columns, rows, List.of(), List.of(), List.of(ROWS_NOTE));
  }

  /** A metric column's unit, from its name (SweepMetric's columns). */
  private static String unit(String metric) {
    if (metric.startsWith("months_to_target")) {
      return "months";
    }
    if (metric.startsWith("reached_by_month") || metric.equals("shortfall_probability")) {
      return "probability";
    }
    return metric.startsWith("closing_stock") || metric.equals("expected_unmet_demand") ? "units" : null;
  }

  private static List<String> texts(Array array) throws SQLException {
    Object[] values = (Object[]) array.getArray();
    return Arrays.stream(values).map(String::valueOf).toList();
  }

  private static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
