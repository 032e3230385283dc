package org.quartermaster.app.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.quartermaster.app.importer.SeriesKey;
import org.quartermaster.app.importer.Table;

/**
 * Which aid releases a query reads: {@code latest} (the default: for each publisher, its release with
 * the latest data-through date), {@code all}, or one release by name. A release imported twice (the
 * bundled copy and the user's own file, say) is read from its latest import only, so its figures are
 * never counted twice; the notes say what was left out.
 */
final class AidReleases {
  static final String LATEST = "latest";
  /**
   * SQL over {@code filtered}: the latest import holding each figure of a release, so a release imported
   * twice counts each figure once, while files that hold different figures of one release (a summary and
   * its disbursements) are both read.
   */
  static final String LATEST_IMPORT = "max(dataset_id) OVER (PARTITION BY " + SeriesKey.partition(Table.AID) + ")";
  static final String ALL = "all";
  private static final String SEPARATOR = "\u001f";

  /**
   * The releases that have filtered rows; for each, what all its rows say: its data-through dates and
   * the datasets holding it (its latest import is the one read).
   */
  private static final String RELEASES = """
      , asked AS (SELECT DISTINCT publisher, vintage FROM filtered)
      SELECT a.publisher, a.vintage AS release, string_agg(DISTINCT a.data_through, '\u001e') AS through,
             count(DISTINCT a.dataset_id) AS datasets
      FROM aid a JOIN asked q ON a.publisher IS NOT DISTINCT FROM q.publisher AND a.vintage IS NOT DISTINCT FROM q.vintage
      GROUP BY a.publisher, a.vintage ORDER BY a.publisher NULLS LAST, a.vintage NULLS LAST
      """;

  private AidReleases() {}

  /** The releases chosen, and the notes a reader needs about the choice. */
  record Chosen(List<AidRelease> releases, List<String> notes) {
    /** SQL condition on a row of {@code filtered}: it belongs to a chosen release (one parameter). */
    static final String CONDITION = "list_contains(string_split(CAST(? AS VARCHAR), '\u001e'),"
        + " coalesce(publisher, '') || '" + SEPARATOR + "' || coalesce(vintage, ''))";

    /** The parameter of {@link #CONDITION}. */
    String keys() {
      List<String> keys = new ArrayList<>();
      for (AidRelease r : releases) {
        keys.add(Objects.toString(r.publisher(), "") + SEPARATOR + Objects.toString(r.name(), ""));
      }
      return String.join("\u001e", keys);
    }
  }

  /**
   * @param filteredSql the {@code WITH … filtered AS (…)} prefix and its parameters
   * @param wanted      {@link #LATEST}, {@link #ALL} or a release's name (any case); null is latest
   * @throws QueryException for a release name the filtered rows do not have
   */
  static Chosen choose(Connection connection, String filteredSql, Object[] parameters, String wanted)
      throws SQLException {
    List<AidRelease> all = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Column> columns = List.of(Column.text("publisher"), Column.text("release"), Column.text("through"),
        Column.text("datasets"));
    for (List<Object> row : Rows.query(connection, filteredSql + RELEASES, columns, parameters)) {
      AidRelease release = new AidRelease((String) row.get(0), (String) row.get(1), through((String) row.get(2)));
      all.add(release);
      if (((Number) row.get(3)).longValue() > 1) {
        notes.add("Release " + release.label() + " is in " + row.get(3) + " datasets: each figure (donor, category,"
            + " measure, basis, currency and unit) is read from the latest import that holds it, never added to"
            + " another copy.");
      }
    }
    String choice = wanted == null ? LATEST : wanted.strip();
    List<AidRelease> chosen;
    if (choice.equalsIgnoreCase(ALL)) {
      chosen = all;
      notes.add("Every release (--release all): each release's figures stay on lines of their own.");
    } else if (choice.equalsIgnoreCase(LATEST)) {
      chosen = latest(all, notes);
    } else {
      chosen = all.stream().filter(r -> r.name() != null && r.name().equalsIgnoreCase(choice)).toList();
      if (chosen.isEmpty()) {
        throw new QueryException("no aid figures of release '" + choice + "'" + (all.isEmpty() ? "" : "; releases"
            + " with figures for what you asked: " + String.join("; ", all.stream().map(AidRelease::label).toList()))
            + " (or --release latest, or all)");
      }
    }
    return new Chosen(chosen, notes);
  }

  /** For each publisher, its release with the latest data-through date; releases with none are named. */
  private static List<AidRelease> latest(List<AidRelease> all, List<String> notes) {
    Map<String, AidRelease> byPublisher = new LinkedHashMap<>();
    List<String> undated = new ArrayList<>();
    for (AidRelease release : all) {
      if (release.dataThrough() == null) {
        undated.add(release.label());
        continue;
      }
      byPublisher.merge(Objects.toString(release.publisher(), "").toLowerCase(Locale.ROOT), release,
          (a, b) -> b.dataThrough().isAfter(a.dataThrough()) ? b : a);
    }
    notes.add("Latest release of each publisher, by data-through date (--release NAME or all for others).");
    if (!undated.isEmpty()) {
      notes.add("Never taken as latest, their data-through date is not stated: " + String.join("; ", undated)
          + " (ask for one with --release NAME).");
    }
    return byPublisher.values().stream()
        .sorted(Comparator.comparing(AidRelease::publisher, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  /** The latest date among a release's data-through texts ("2026-02-28", "2025-10"), or null. */
  private static java.time.LocalDate through(String texts) {
    java.time.LocalDate latest = null;
    if (texts != null) {
      for (String text : texts.split("\u001e")) {
        java.time.LocalDate date = AidRelease.date(text);
        if (date != null && (latest == null || date.isAfter(latest))) {
          latest = date;
        }
      }
    }
    return latest;
  }
}
