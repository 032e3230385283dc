package org.quartermaster.app.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quartermaster.app.query.SpendingQuery.Figure;
import org.quartermaster.app.query.SpendingQuery.Options;

/**
 * {@code qm query spending --threshold}: who meets a guideline, counted right by construction. One
 * source (the one asked for, else {@value SpendingQuery#DEFAULT_COUNT_SOURCE}; two are refused), one
 * release per year ({@link CountedRelease}), each country at most once ({@link Guideline#summary}
 * refuses a second figure), and for NATO or {@code --allies} the allies of the year ({@link Allies}).
 * The notes say which source and release were counted and why.
 */
final class SpendingCount {
  private SpendingCount() {}

  /** The count of {@code options}, whose threshold is {@code guideline}. */
  static QueryResult run(Connection connection, Options options, String iso3, Guideline guideline, Allies allies)
      throws SQLException {
    List<String> notes = new ArrayList<>();
    notes.add(options.vintage() != null ? "Vintage " + options.vintage() + " only, as asked for."
        : "No vintage asked for: a count uses one release per year, the latest that covers the year (named below;"
            + " choose another with --vintage YYYY-MM).");
    String source = source(connection, SpendingQuery.sources(options.source()), notes);
    boolean alliesOnly = options.allies() || SpendingQuery.DEFAULT_COUNT_SOURCE.equals(source);
    Map<Integer, CountedRelease> releases = CountedRelease.choose(connection, source, options.year(),
        options.vintage());
    List<Figure> figures = new ArrayList<>();
    for (CountedRelease release : releases.values()) {
      notes.add(release.describe());
      figures.addAll(SpendingQuery.figures(connection, release.year(), iso3, source, release.vintageMonth(), true,
          false, options.minGrade()));
    }
    if (releases.isEmpty()) {
      notes.add("No figures from source '" + source + "'" + (options.year() == null ? "" : " for " + options.year())
          + ", so nothing is counted.");
    }
    notes.addAll(SpendingRows.revisionNotes(figures, false));
    notes.addAll(GradeFilter.notes(options.minGrade()));
    if (alliesOnly) {
      figures = allies.keep(figures, iso3, releases, notes);
    }
    Map<Integer, String> scopes = new TreeMap<>();
    releases.forEach((year, release) -> scopes.put(year, "release " + release.label() + (alliesOnly
        ? "; allies: the NATO members on " + Allies.dateOf(year) + ", " + allies.of(year).size() + " in all" : "")));
    notes.addAll(guideline.summary(figures, alliesOnly ? "allies" : "countries", scopes));
    List<String> months = releases.values().stream().map(CountedRelease::label).distinct().toList();
    String title = SpendingQuery.title(options, source, guideline, alliesOnly)
        + (months.size() == 1 ? "; release " + releases.values().iterator().next().label()
            : "; one release per year (see the notes)");
    return SpendingRows.result(title, figures, guideline, notes);
  }

  /** The refusal of a count of several sources, naming {@code --source}. */
  static QueryException severalSources(List<String> sources) {
    return new QueryException("a guideline count uses one source, so it cannot count " + String.join(" and ",
        sources) + " together (their figures differ, and a country would be counted once per source): choose"
        + " one with --source, e.g. --source " + sources.getFirst());
  }

  /** The one source a count uses: the one asked for, else {@value SpendingQuery#DEFAULT_COUNT_SOURCE}. */
  private static String source(Connection connection, List<String> sources, List<String> notes)
      throws SQLException {
    if (sources.size() == 1) {
      return sources.getFirst();
    }
    List<String> inStore = SpendingQuery.storeSources(connection);
    if (inStore.size() > 1 && !inStore.contains(SpendingQuery.DEFAULT_COUNT_SOURCE)) {
      throw new QueryException("a guideline count uses one source, and the store holds " + String.join(", ",
          inStore) + ": choose one with --source");
    }
    String source = inStore.size() == 1 ? inStore.getFirst() : SpendingQuery.DEFAULT_COUNT_SOURCE;
    if (inStore.size() > 1) {
      notes.add("Source " + source + ", the default for a count (one source per count; the store also holds "
          + String.join(", ", inStore.stream().filter(s -> !s.equals(source)).toList())
          + ": choose with --source).");
    }
    return source;
  }
}
