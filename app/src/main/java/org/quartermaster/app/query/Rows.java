package org.quartermaster.app.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/** Running a query's SQL: parameters bound, rows read into plain Java values. */
final class Rows {
  private Rows() {}

  /**
   * Runs {@code sql} with {@code parameters} bound in order and returns its rows; its result columns
   * must be named exactly as {@code columns} (a check that the SQL and the declared columns agree).
   */
  static List<List<Object>> query(Connection connection, String sql, List<Column> columns, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      try (ResultSet result = statement.executeQuery()) {
        ResultSetMetaData meta = result.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          names.add(meta.getColumnLabel(i));
        }
        List<String> declared = columns.stream().map(Column::name).toList();
        if (!names.equals(declared)) {
          throw new IllegalStateException("the SQL returns " + names + " but the query declares " + declared);
        }
        return read(result);
      }
    }
  }

  static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      if (parameters[i] == null) {
        statement.setNull(i + 1, Types.NULL);
      } else {
        statement.setObject(i + 1, parameters[i]);
      }
    }
  }

  static List<List<Object>> read(ResultSet result) throws SQLException {
    int n = result.getMetaData().getColumnCount();
    List<List<Object>> rows = new ArrayList<>();
    while (result.next()) {
      List<Object> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        row.add(value(result.getObject(i)));
      }
      rows.add(row);
    }
    return rows;
  }

  /** Strings, booleans and numbers as they are; dates and times as ISO text; anything else as its text. */
  static Object value(Object value) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case Boolean b -> b;
      case Number number -> number;
      case Timestamp timestamp -> timestamp.toLocalDateTime().toString();
      case java.sql.Date date -> date.toLocalDate().toString();
      case TemporalAccessor temporal -> temporal.toString();
      default -> value.toString();
    };
  }
}
