package org.quartermaster.app.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.quartermaster.app.store.Store;

/**
 * {@code qm query sql}: one read-only statement typed by the user, run on the store.
 *
 * <p>On the command line the statement runs on the store opened a second time in DuckDB's own sandbox
 * ({@code Store.openForUserSql}: read-only, external access off, extensions off, configuration locked),
 * which is what makes it safe. The gates below still apply there and wherever a store is already open
 * read-write (tests, an in-memory store), each with its own message:
 * <ol>
 *   <li>it starts (after comments and brackets) with SELECT, WITH, FROM, VALUES, SUMMARIZE, DESCRIBE or
 *       SHOW;</li>
 *   <li>DuckDB's own parser ({@code json_serialize_sql}, which serialises SELECT statements only) finds
 *       exactly one statement and it is a query: this rejects DELETE, DROP, INSERT, UPDATE, CREATE,
 *       ATTACH, COPY, EXPORT, INSTALL, LOAD, PRAGMA, SET, CALL …, also behind a {@code ;} or a comment,
 *       and a {@code WITH … DELETE};</li>
 *   <li>it calls none of the few functions that change the database from inside a query
 *       ({@code nextval}, whose sequence step is not undone by a rollback, and {@code checkpoint});</li>
 *   <li>it runs in a transaction that is always rolled back, so whatever it did to the data is undone.</li>
 * </ol>
 */
public final class SqlQuery {
  private static final Set<String> QUERY_WORDS =
      Set.of("SELECT", "WITH", "FROM", "VALUES", "SUMMARIZE", "DESCRIBE", "SHOW");
  private static final Set<String> FORBIDDEN_FUNCTIONS = Set.of("nextval", "checkpoint", "force_checkpoint");
  private static final String PARSE = """
      SELECT CAST(j->>'$.error' AS BOOLEAN) AS error, j->>'$.error_message' AS message,
             json_array_length(j->'$.statements') AS statements
      FROM (SELECT CAST(json_serialize_sql(CAST(? AS VARCHAR)) AS JSON) AS j)
      """;
  private static final String FUNCTIONS = """
      SELECT DISTINCT lower(unnest(regexp_extract_all(CAST(json_serialize_sql(CAST(? AS VARCHAR)) AS VARCHAR),
                                                      '"function_name":"([^"]*)"', 1))) AS name
      """;

  private SqlQuery() {}

  /** @throws QueryException when the text is not one read-only statement, or DuckDB rejects it */
  public static QueryResult run(Store store, String sql) {
    String firstWord = SqlText.firstWord(sql);
    if (firstWord.isEmpty()) {
      throw new QueryException("no SQL statement given");
    }
    if (!QUERY_WORDS.contains(firstWord)) {
      throw new QueryException(firstWord + " statements are not allowed: qm query sql runs one read-only"
          + " statement starting with SELECT, WITH, FROM, VALUES, SUMMARIZE, DESCRIBE or SHOW.");
    }
    return store.read(connection -> {
      parse(connection, sql);
      return execute(connection, sql);
    });
  }

  private static void parse(Connection connection, String sql) throws SQLException {
    List<Object> parsed = Rows.query(connection, PARSE,
        List.of(Column.text("error"), Column.text("message"), Column.text("statements")), sql).getFirst();
    if (Boolean.TRUE.equals(parsed.get(0))) {
      String message = String.valueOf(parsed.get(1));
      if (message.startsWith("Only SELECT statements")) {
        throw new QueryException("not a single read-only query: DuckDB reads a statement in it that is not a"
            + " query (DELETE, DROP, INSERT, UPDATE, ATTACH, COPY, SET, PRAGMA …, perhaps after a ';').");
      }
      throw new QueryException("SQL error: " + message);
    }
    long statements = ((Number) parsed.get(2)).longValue();
    if (statements != 1) {
      throw new QueryException("one statement at a time: the text holds " + statements + " statements.");
    }
    for (List<Object> row : Rows.query(connection, FUNCTIONS, List.of(Column.text("name")), sql)) {
      if (FORBIDDEN_FUNCTIONS.contains(String.valueOf(row.getFirst()))) {
        throw new QueryException(row.getFirst() + "() changes the store and is not allowed in qm query sql.");
      }
    }
  }

  private static QueryResult execute(Connection connection, String sql) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      List<Column> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(numeric(meta.getColumnType(i))
            ? Column.number(meta.getColumnLabel(i), null) : Column.text(meta.getColumnLabel(i)));
      }
      List<List<Object>> rows = Rows.read(result);
      return QueryResult.withRowProvenance("SQL: " + SqlText.oneLine(sql), columns, rows,
          List.of("Run read-only: in a transaction that was rolled back."));
    } catch (SQLException e) {
      throw new QueryException("the query failed: " + e.getMessage().strip());
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
  }

  private static boolean numeric(int sqlType) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.REAL, Types.DOUBLE,
          Types.NUMERIC, Types.DECIMAL -> true;
      default -> false;
    };
  }
}
