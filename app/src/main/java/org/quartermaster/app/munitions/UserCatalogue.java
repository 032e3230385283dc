package org.quartermaster.app.munitions;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.app.data.MunitionRow;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.query.Source;

/**
 * The catalogue rows users imported (schema version 11: {@code munitions}, {@code munition_aliases}), in
 * import order, each with the dataset and file row it came from. The rows are checked whole against the
 * bundled catalogue and the rows imported before them by {@link Catalogue#extendedBy}: the import's
 * transaction refuses a file with any problem ({@link #problemsOf}); a row that stopped fitting later (its
 * munition's dataset removed) is left out of the catalogue and said so ({@link Catalogue#leftOut}).
 */
public final class UserCatalogue {
  private UserCatalogue() {}

  /** Where a user row came from: its dataset, the file as imported, the 1-based row. */
  public record Origin(int datasetId, String file, int row) {
    /** {@code dataset 12 (my-munitions.csv row 3)}; a row of a file not recorded yet: {@code row 3 of the same file}. */
    public String describe() {
      return datasetId == 0 || file == null ? "row " + row + " of the same file"
          : "dataset " + datasetId + " (" + file + " row " + row + ")";
    }
  }

  /** A munition imported by a user. */
  record UserMunition(Origin origin, Munition munition) {}

  /** An alias imported by a user: {@code alias} names the munition {@code id}. */
  record UserAlias(Origin origin, String alias, String id) {}

  /**
   * A user row that does not fit the catalogue.
   *
   * @param column the file's column (id, name, alias), and {@code value} its cell
   */
  public record Problem(Origin origin, String column, String value, String message) {}

  /** The rows of the store, imported ones only (in dataset, then file row order). */
  record Rows(List<UserMunition> munitions, List<UserAlias> aliases) {
    static final Rows NONE = new Rows(List.of(), List.of());
  }

  /**
   * The problems of dataset {@code datasetId}'s catalogue rows, checked against the bundled catalogue and
   * every row imported before: what the import of those rows is refused with (in the caller's transaction,
   * the rows already in).
   */
  public static List<Problem> problemsOf(Connection c, int datasetId) throws SQLException {
    return Catalogue.bundled().extendedBy(read(c)).problems().stream()
        .filter(p -> p.origin().datasetId() == datasetId).toList();
  }

  /**
   * The imported rows. The rows of an import under way have no dataset record yet: their file is null
   * until the import records it.
   */
  /**
   * The problems of a munitions file's rows against the bundled catalogue and each other, before any store is
   * read: an id or a name the bundled catalogue (or an earlier row of the file) has. The import's transaction
   * checks again against the rows imported before ({@link #problemsOf}); these problems hold whatever the
   * store holds, so the file can be refused with all of them at once.
   */
  public static List<Problem> problemsWithin(List<MunitionRow> rows, String file) {
    List<UserMunition> munitions = new ArrayList<>();
    for (MunitionRow r : rows) {
      munitions.add(new UserMunition(new Origin(0, file, r.fileRow()), new Munition(r.id(), r.name(), r.family(),
          r.category(), r.unit(), r.note())));
    }
    return Catalogue.bundled().extendedBy(new Rows(munitions, List.of())).problems();
  }

  static Rows read(Connection c) throws SQLException {
    List<UserMunition> munitions = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
        SELECT m.*, d.file_name FROM munitions m LEFT JOIN datasets d USING (dataset_id)
        ORDER BY m.dataset_id, m.file_row""")) {
      while (r.next()) {
        String status = r.getString("status");
        String statusUrl = r.getString("status_source_url");
        Munition.Status made = status == null || statusUrl == null || !Munition.STATUSES.contains(status) ? null
            : new Munition.Status(status, r.getString("status_as_of"), statusUrl);
        Source source = r.getString("source_url") == null ? null : new Source(r.getString("source_url"),
            r.getString("publisher"), r.getString("source_title"), r.getString("as_of"),
            SourceGrade.byName(r.getString("source_grade")).orElse(null), r.getString("via_url"));
        munitions.add(new UserMunition(origin(r), new Munition(r.getString("id"), r.getString("name"),
            r.getString("family"), r.getString("category"), r.getString("unit"), r.getString("note"), source, made)));
      }
    }
    List<UserAlias> aliases = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
        SELECT a.dataset_id, a.file_row, a.alias, a.id, d.file_name FROM munition_aliases a
        LEFT JOIN datasets d USING (dataset_id) ORDER BY a.dataset_id, a.file_row""")) {
      while (r.next()) {
        aliases.add(new UserAlias(origin(r), r.getString("alias"), r.getString("id")));
      }
    }
    return new Rows(munitions, aliases);
  }

  private static Origin origin(ResultSet r) throws SQLException {
    return new Origin(r.getInt("dataset_id"), r.getString("file_name"), r.getInt("file_row"));
  }
}
