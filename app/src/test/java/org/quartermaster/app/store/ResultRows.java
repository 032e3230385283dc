package org.quartermaster.app.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A query's rows, every value as JDBC's {@code getObject} gives it: what tests compare stores by. */
public final class ResultRows {
  private ResultRows() {}

  /** The remaining rows of {@code result}, each a list of its values (nulls kept). */
  public static List<List<Object>> of(ResultSet result) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    int n = result.getMetaData().getColumnCount();
    while (result.next()) {
      Object[] row = new Object[n];
      for (int i = 0; i < n; i++) {
        row[i] = result.getObject(i + 1);
      }
      rows.add(Arrays.asList(row));
    }
    return rows;
  }
}
