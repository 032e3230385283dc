package org.quartermaster.app.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.quartermaster.app.data.Provenance;
import org.quartermaster.app.data.SourceGrade;

/**
 * The store's {@code provenance} table (V3__provenance.sql, V4__sources.sql): each distinct combination
 * of the eight values a row's {@link Provenance} holds, once, under an id the rows point at. Works inside the
 * caller's write transaction, so the combinations an import adds go with it, or not at all.
 */
public final class ProvenanceIds {
  /** The eight columns, in the order of the table and of {@link Provenance}'s components. */
  public static final String COLUMNS =
      "source_url, as_of, vintage, vintage_month, publisher, source_title, source_grade, via_url";
  private static final String PENDING = "qm_provenance_pending";

  private ProvenanceIds() {}

  /** The ids of these provenances, adding those the store does not hold yet. */
  public static Map<Provenance, Integer> of(Connection connection, Collection<Provenance> provenances)
      throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE " + PENDING + " AS SELECT " + COLUMNS + " FROM provenance LIMIT 0");
    }
    try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", PENDING)) {
      for (Provenance p : new LinkedHashSet<>(provenances)) {
        appender.beginRow();
        for (String text : texts(p)) {
          if (text == null) {
            appender.appendNull();
          } else {
            appender.append(text);
          }
        }
        appender.endRow();
      }
    }
    addMissing(connection, "temp.main." + PENDING);
    Map<Provenance, Integer> ids = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT " + prefixed("x") + ", p.provenance_id FROM temp.main." + PENDING
            + " x JOIN provenance p ON " + same("x", "p"))) {
      while (r.next()) {
        ids.put(new Provenance(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
            r.getString(6), SourceGrade.byName(r.getString(7)).orElse(null), r.getString(8)), r.getInt(9));
      }
      s.execute("DROP TABLE temp.main." + PENDING);
    }
    return ids;
  }

  /** A provenance's values as the table stores them, in {@link #COLUMNS} order. */
  public static String[] texts(Provenance p) {
    return new String[] {p.sourceUrl(), p.asOf(), p.vintage(), p.vintageMonth(), p.publisher(), p.sourceTitle(),
        p.sourceGrade() == null ? null : p.sourceGrade().wireName(), p.viaUrl()};
  }

  /**
   * Adds to {@code provenance} each combination of the eight {@link #COLUMNS} of {@code relation} (a
   * table or view with those columns) that it does not hold yet.
   */
  public static void addMissing(Connection connection, String relation) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("INSERT INTO provenance SELECT nextval('provenance_ids'), * FROM (SELECT DISTINCT " + prefixed("x")
          + " FROM " + relation + " x WHERE NOT EXISTS (SELECT 1 FROM provenance p WHERE " + same("x", "p")
          + ") ORDER BY ALL)");
    }
  }

  /**
   * SQL: the rows {@code a} and {@code b} have the same eight provenance columns (nulls alike). The join
   * condition that finds a row's id: {@code JOIN provenance p ON same("r", "p")}.
   */
  public static String same(String a, String b) {
    StringBuilder sql = new StringBuilder();
    for (String column : COLUMNS.split(", ")) {
      sql.append(sql.isEmpty() ? "" : " AND ").append(a).append('.').append(column).append(" IS NOT DISTINCT FROM ")
          .append(b).append('.').append(column);
    }
    return sql.toString();
  }

  private static String prefixed(String alias) {
    return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
  }
}
