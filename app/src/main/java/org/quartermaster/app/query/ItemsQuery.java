package org.quartermaster.app.query;

import java.util.List;
import org.quartermaster.app.store.Store;

/**
 * {@code qm query items}: the store's {@code items} view, one row per item and table it appears in
 * (production, contracts or transfers), with how many rows name it there.
 */
public final class ItemsQuery {
  static final List<Column> COLUMNS = List.of(Column.text("item"), Column.text("appears_in"),
      Column.number("rows", null));
  private static final String SQL = "SELECT item, appears_in, rows FROM items ORDER BY lower(item), item, appears_in";

  private ItemsQuery() {}

  public static QueryResult run(Store store) {
    List<List<Object>> rows = store.read(connection -> Rows.query(connection, SQL, COLUMNS));
    return new QueryResult("Items: what the data speak of, and the tables they appear in", COLUMNS, rows,
        List.of(), List.of(), List.of("appears_in: production, contracts or transfers; rows: the rows naming the item there."));
  }
}
