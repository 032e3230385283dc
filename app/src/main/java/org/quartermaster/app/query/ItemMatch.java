package org.quartermaster.app.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.munitions.Munition;

/**
 * Which rows a query's {@code --item} ({@code item=}) picks. A catalogue id or any name of a munition
 * ({@code pac-3}, {@code Stinger}, {@code 155mm shells}) picks the rows whose item the catalogue resolves
 * to that munition, by exact name: {@code pac-3} is not {@code pac-3-mse}, and {@code shell-155} finds
 * "155mm artillery shell". Only a value the catalogue does not know falls back to the rows whose item
 * contains it, any case. {@link #note} says which was used.
 *
 * @param given    the value as given, or null for every row
 * @param munition the munition it names, or null when it names none (or no value was given)
 * @param names    the item names in the table that resolve to {@code munition}, sorted (empty without one)
 */
record ItemMatch(String given, Munition munition, List<String> names) {
  /** SQL, in a query's WHERE: whether the row's {@code item} is picked, from {@code p.wanted} and {@code p.names}. */
  static final String CONDITION = "(CASE WHEN p.names IS NOT NULL THEN list_contains(string_split(p.names, chr(30)),"
      + " item) ELSE p.wanted IS NULL OR contains(lower(item), lower(p.wanted)) END)";
  /** SQL: the parameters {@link #CONDITION} reads, in the order {@link #wanted()}, {@link #namesParameter()}. */
  static final String PARAMETERS = "CAST(? AS VARCHAR) AS wanted, CAST(? AS VARCHAR) AS names";
  private static final char SEPARATOR = 30;

  ItemMatch {
    names = List.copyOf(names);
  }

  /**
   * The match of {@code given} against the item names {@code view} holds.
   *
   * @param view the table or view read ({@code production}, {@code contracts}, {@code transfers}): a name of ours
   */
  static ItemMatch of(Connection connection, String view, String given, Catalogue catalogue) throws SQLException {
    Munition munition = given == null ? null : catalogue.munitionOf(given).orElse(null);
    if (munition == null) {
      return new ItemMatch(given, null, List.of());
    }
    List<String> names = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT DISTINCT item FROM " + view + " WHERE item IS NOT NULL ORDER BY item")) {
      while (r.next()) {
        String name = r.getString(1);
        if (catalogue.munitionOf(name).filter(m -> m.id().equals(munition.id())).isPresent()) {
          names.add(name);
        }
      }
    }
    return new ItemMatch(given, munition, names);
  }

  /** The part of the name the rows' items must contain, or null: every row, or matched by catalogue. */
  String wanted() {
    return munition == null ? given : null;
  }

  /** The exact names, separated for {@link #CONDITION}, or null when the match is by part of the name. */
  String namesParameter() {
    return munition == null ? null : String.join(String.valueOf(SEPARATOR), names);
  }

  /** What a title says the rows are of: " of stinger", " of 'FIM-92K'", or nothing. */
  String what() {
    return given == null ? "" : munition != null ? " of " + munition.id() : " of '" + given + "'";
  }

  /** How the rows were picked, for the answer's notes; null without a value. */
  String note() {
    if (given == null) {
      return null;
    }
    if (munition != null) {
      return "matched: '" + given + "' is the munition " + munition.id() + " (" + munition.name() + ") of the"
          + " catalogue: the rows whose item is one of its names, exactly: " + (names.isEmpty() ? "none is stored"
          : String.join("; ", names)) + " (qm items lists every munition and its names).";
    }
    return "matched: '" + given + "' names no munition of the catalogue (qm items lists them): the rows whose item"
        + " contains it, any case.";
  }
}
