package org.quartermaster.app.munitions;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.data.SourceGrade;
import org.quartermaster.app.query.Column;
import org.quartermaster.app.query.QueryException;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.query.Source;
import org.quartermaster.app.store.Store;

/**
 * One producer country beside the others ({@code qm chain shell-155 --side-by-side RUS}): annual production
 * per year at one rate basis, in one unit, each figure with the grade and source of its rows. Other munitions
 * may be set beside it ({@code --with shell-152}) only when they are counted in the same unit; each keeps its
 * own name and calibre and nothing is added across munitions or countries. The country's figures whose item
 * names no single munition (all calibres together, rounds fired) are listed under the table as what they are,
 * never compared.
 */
final class SideBySide {
  private SideBySide() {}

  static QueryResult of(Store store, Catalogue catalogue, Munition munition, List<Munition> with, String country,
      ChainReport.Options options) {
    String side = country.strip().toUpperCase(Locale.ROOT);
    refuseOtherUnits(munition, with);
    RateBasis basis = options.basis() == null ? RateBasis.ACTUAL : options.basis();
    List<ChainInputs> inputs = new ArrayList<>();
    inputs.add(ChainInputs.read(store, catalogue, munition));
    with.forEach(m -> inputs.add(ChainInputs.read(store, catalogue, m)));
    int[] years = years(inputs, options);
    List<List<Object>> rows = new ArrayList<>();
    List<RowRef> used = new ArrayList<>();
    List<String> notes = new ArrayList<>(List.of("One basis for every figure: " + basis.wireName() + " ("
        + basis.describe() + "), read " + options.interpolation().wireName() + ", per year, in " + munition.unit()
        + ". Figures of different munitions (calibres) and of different countries are shown apart, never added.",
        "grade: the grades of the rows a figure comes from (official, research, wire, press, relay); sources are"
            + " listed under the table."));
    Map<RowRef, Source> sources = new LinkedHashMap<>();
    for (ChainInputs in : inputs) {
      sources.putAll(in.sources());
      Munition m = in.munition();
      Map<String, List<RateObservation>> byCountry = new LinkedHashMap<>();
      in.observations().stream().filter(o -> basis.reads(o.kind()))
          .forEach(o -> byCountry.computeIfAbsent(o.country(), k -> new ArrayList<>()).add(o));
      if (!byCountry.containsKey(side)) {
        notes.add(side + ": no figure of " + m.name() + " (" + m.id() + ") at the " + basis.wireName() + " basis in the"
            + " store" + otherBases(in, side, basis));
      }
      String series = basis.wireName() + " (" + options.interpolation().wireName() + ")";
      for (List<RateObservation> obs : byCountry.values()) {
        for (ChainLine l : AnnualProduction.perYear(obs, series, years[0], years[1], options.interpolation(),
            options.holdLast())) {
          used.addAll(l.rows());
          rows.add(Arrays.asList(l.year(), l.country().equals(side) ? side : "others", l.country(), m.id(),
              m.family(), l.low(), l.high(), basis.wireName(), grades(l.rows(), in.sources()), RowRef.join(l.rows()),
              l.how(), l.extrapolated() ? "yes" : "no"));
        }
      }
    }
    rows.sort(Comparator.<List<Object>>comparingInt(r -> (Integer) r.get(0))
        .thenComparing(r -> side.equals(r.get(1)) ? 0 : 1).thenComparing(r -> (String) r.get(3))
        .thenComparing(r -> (String) r.get(2)));
    notes.addAll(notCompared(store, catalogue, munition, side, sources, used));
    Set<Source> cited = new LinkedHashSet<>();
    used.stream().distinct().sorted().forEach(r -> {
      Source s = sources.get(r);
      if (s != null) {
        cited.add(s);
      }
    });
    String others = String.join(", ", with.stream().map(Munition::name).toList());
    return new QueryResult(side + " beside the other producers: " + munition.name() + (with.isEmpty() ? ""
        : " and " + others) + ", " + basis.wireName() + " production a year, " + years[0] + "–" + years[1] + ", in "
        + munition.unit(),
        List.of(Column.number("year", null), Column.text("side"), Column.text("country"), Column.text("munition"),
            Column.text("calibre"), Column.number("quantity", munition.unit() + " per year", 0),
            Column.detail("quantity_high"), Column.text("basis"), Column.text("grade"), Column.text("rows"),
            Column.text("how"), Column.text("extrapolated")),
        rows, List.of(), List.copyOf(cited), notes);
  }

  /** @throws QueryException when a munition of {@code with} is counted in another unit than {@code munition} */
  static void refuseOtherUnits(Munition munition, List<Munition> with) {
    for (Munition other : with) {
      if (!other.unit().equalsIgnoreCase(munition.unit())) {
        throw new QueryException(munition.id() + " counts " + munition.unit() + ", " + other.id() + " counts "
            + other.unit() + ": not set side by side (figures in different units are never compared); give a munition"
            + " counted in " + munition.unit() + " (qm items lists each munition's unit)");
      }
    }
  }

  private static int[] years(List<ChainInputs> inputs, ChainReport.Options options) {
    List<Integer> all = new ArrayList<>();
    inputs.forEach(in -> in.observations().forEach(o -> all.add(o.span().start().getYear())));
    if (all.isEmpty() && (options.fromYear() == null || options.toYear() == null)) {
      throw new QueryException("the store has no production figure of " + inputs.getFirst().munition().id()
          + "; give the first and last year (--from and --to), or import its figures.");
    }
    int from = options.fromYear() != null ? options.fromYear() : all.stream().min(Integer::compare).orElseThrow();
    int to = options.toYear() != null ? options.toYear() : all.stream().max(Integer::compare).orElseThrow();
    if (to < from) {
      throw new QueryException("--to " + to + " is before --from " + from);
    }
    return new int[] {from, to};
  }

  /** Which bases the country's figures of the munition are at, when not at {@code basis}. */
  private static String otherBases(ChainInputs in, String side, RateBasis basis) {
    List<String> others = new ArrayList<>();
    for (RateBasis b : RateBasis.values()) {
      List<RateObservation> at = in.observations().stream().filter(o -> o.country().equals(side) && b.reads(o.kind()))
          .toList();
      if (b != basis && !at.isEmpty()) {
        others.add(b.wireName() + " (" + RowRef.join(at.stream().map(RateObservation::row).toList()) + ")");
      }
    }
    return others.isEmpty() ? "." : "; it has figures at another basis: " + String.join(", ", others)
        + ". Bases are never mixed: give --rate-basis to compare at that basis.";
  }

  private static String grades(List<RowRef> rows, Map<RowRef, Source> sources) {
    return String.join("; ", rows.stream().distinct().map(r -> sources.get(r) == null ? null : sources.get(r).grade())
        .filter(g -> g != null).map(SourceGrade::wireName).distinct().toList());
  }

  /**
   * The country's rate figures in the munition's unit whose item names no single munition (or another munition
   * in another unit): listed with what they are, never compared.
   */
  private static List<String> notCompared(Store store, Catalogue catalogue, Munition munition, String side,
      Map<RowRef, Source> sources, List<RowRef> used) {
    return store.read(c -> {
      List<String> lines = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT dataset_id, file_row, item, country, date,"
          + " value_text, period, unit, kind, source_url, publisher, source_title, as_of, source_grade, via_url"
          + " FROM production ORDER BY dataset_id, file_row")) {
        while (r.next()) {
          String unit = r.getString("unit");
          if (!side.equalsIgnoreCase(r.getString("country") == null ? "" : r.getString("country"))
              || unit == null || !unit.toLowerCase(Locale.ROOT).startsWith(munition.unit().toLowerCase(Locale.ROOT))
              || RateObservation.perYear(r.getString("period")).isEmpty()) {
            continue;
          }
          String what = switch (catalogue.resolve(r.getString("item"))) {
            case Resolution.Resolved(Munition m) -> null;
            case Resolution.Unresolved(String reason) -> reason;
            case Resolution.Unknown u -> "not a munition of the catalogue";
          };
          if (what == null) {
            continue;
          }
          RowRef row = new RowRef(r.getInt("dataset_id"), r.getInt("file_row"));
          Source source = new Source(r.getString("source_url"), r.getString("publisher"), r.getString("source_title"),
              r.getString("as_of"), SourceGrade.byName(r.getString("source_grade")).orElse(null),
              r.getString("via_url"));
          sources.put(row, source);
          used.add(row);
          lines.add("not compared: " + row + " " + side + " '" + r.getString("item") + "', " + r.getString("value_text")
              + " " + unit + " per " + r.getString("period") + " (" + r.getString("date") + ", " + r.getString("kind")
              + ", grade " + r.getString("source_grade") + ", " + r.getString("publisher") + "): " + what);
        }
      }
      return lines;
    });
  }
}
