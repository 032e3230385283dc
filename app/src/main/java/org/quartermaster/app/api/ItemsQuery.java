package org.quartermaster.app.api;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.app.query.Column;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;

/**
 * {@code GET /api/v1/items}: the store's {@code items} view, one row per item and table it appears
 * in. (Here rather than in the query package because no {@code qm query} command shows it yet.)
 */
final class ItemsQuery {
  static final List<Column> COLUMNS = List.of(Column.text("item"), Column.text("appears_in"),
      Column.number("rows", null));
  private static final String SQL = "SELECT item, appears_in, rows FROM items ORDER BY lower(item), item, appears_in";

  private ItemsQuery() {}

  static QueryResult run(Store store) {
    List<List<Object>> rows = store.read(c -> {
      List<List<Object>> read = new ArrayList<>();
      try (PreparedStatement query = c.prepareStatement(SQL); ResultSet r = query.executeQuery()) {
        while (r.next()) {
          read.add(List.of(r.getString(1), r.getString(2), r.getLong(3)));
        }
      }
      return read;
    });
    return new QueryResult("Items: what the data speak of, and the tables they appear in", COLUMNS, rows,
        List.of(), List.of(), List.of("appears_in: production or contracts; rows: the rows naming the item there."));
  }
}
