package org.quartermaster.app.munitions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.query.Column;
import org.quartermaster.app.query.QueryException;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.query.Source;
import org.quartermaster.app.store.Store;

/**
 * {@code qm chain ITEM}: a munition's replenishment chain from the store. Four tables: per year and country,
 * what was produced (at the chosen basis, stating how the rate was read), transferred (each series apart),
 * contracted (by award year) and the backlog (per producer); years to replace for every pairing of a
 * transferred quantity with a rate basis; for a round with components, which component binds; and the
 * backlog per year and producer with the contracts, delivery windows and assumption it rests on. Every figure
 * names the rows it came from ({@code d<dataset>:r<row>}), and the sources are listed under each table.
 * {@link #sideBySide} sets one producer country beside the others.
 */
public final class ChainReport {
  private ChainReport() {}

  /**
   * @param fromYear      first year, or null for the first year of any figure
   * @param toYear        last year, or null for the last year of any figure
   * @param basis         the production basis read, or null for actual production and every basis of years to replace
   * @param interpolation how rates are read between observations
   * @param holdLast      whether the last rate is held past its observation (flagged as extrapolated)
   */
  public record Options(Integer fromYear, Integer toYear, RateBasis basis, Interpolation interpolation,
      boolean holdLast) {}

  public static List<QueryResult> run(Store store, Catalogue catalogue, String item, Options options) {
    return run(store, catalogue, munition(catalogue, item), options);
  }

  /** Where the command line's refusal of an item sends the user. */
  public static final String CLI_LIST_HINT = " qm items lists the munitions.";
  /** Where the API's refusal of an item sends the user. */
  public static final String API_LIST_HINT = " GET /api/v1/munitions lists the munitions and their names.";

  /** The munition {@code item} names, or the command line's refusal. */
  public static Munition munition(Catalogue catalogue, String item) {
    Resolution resolution = catalogue.resolve(item);
    if (!(resolution instanceof Resolution.Resolved(Munition munition))) {
      throw new QueryException(Resolution.refusal(item, resolution) + CLI_LIST_HINT);
    }
    return munition;
  }

  /**
   * {@code country}'s annual production of the munition beside the other producers' (and of the munitions
   * {@code with}, each apart), at one basis ({@code options.basis()}, actual when null), in one unit.
   *
   * @throws QueryException when a munition of {@code with} is counted in another unit, or no year can be told
   */
  public static QueryResult sideBySide(Store store, Catalogue catalogue, Munition munition, List<Munition> with,
      String country, Options options) {
    return SideBySide.of(store, catalogue, munition, with, country, options);
  }

  /**
   * Refuses, before the store is used, to set munitions counted in other units beside {@code munition}.
   *
   * @throws QueryException naming both units
   */
  public static void refuseOtherUnits(Munition munition, List<Munition> with) {
    SideBySide.refuseOtherUnits(munition, with);
  }

  /** The chain of a munition already resolved (the API resolves the name before it uses the store). */
  public static List<QueryResult> run(Store store, Catalogue catalogue, Munition munition, Options options) {
    List<Component> needs = catalogue.components(munition.id());
    List<ChainInputs> components = new ArrayList<>();
    for (Component c : needs) {
      components.add(ChainInputs.read(store, catalogue, catalogue.findMunition(c.componentId()).orElseThrow()));
    }
    return of(ChainInputs.read(store, catalogue, munition), needs, components, options);
  }

  /** The chain of already read inputs; {@code needs} and {@code components}: a round's components and their inputs. */
  static List<QueryResult> of(ChainInputs inputs, List<Component> needs, List<ChainInputs> components,
      Options options) {
    int[] years = years(inputs, options);
    int from = years[0];
    int to = years[1];
    RateBasis produced = options.basis() == null ? RateBasis.ACTUAL : options.basis();
    List<RateBasis> bases = options.basis() == null ? List.of(RateBasis.values()) : List.of(options.basis());
    Map<List<String>, List<TransferFigure>> series = new LinkedHashMap<>();
    inputs.transfers().forEach(t -> series.computeIfAbsent(List.of(t.supplier(), t.status(), t.basis()),
        k -> new ArrayList<>()).add(t));
    List<ChainLine> lines = new ArrayList<>();
    Map<String, List<RateObservation>> byCountry = new LinkedHashMap<>();
    inputs.observations().stream().filter(o -> produced.reads(o.kind()))
        .forEach(o -> byCountry.computeIfAbsent(o.country(), k -> new ArrayList<>()).add(o));
    String seriesName = produced.wireName() + " (" + options.interpolation().wireName() + ")";
    byCountry.values().forEach(obs -> lines.addAll(AnnualProduction.perYear(obs, seriesName, from, to,
        options.interpolation(), options.holdLast())));
    series.values().forEach(figures -> lines.addAll(TransferSeries.perYear(figures, from, to)));
    lines.addAll(ContractsByYear.perYear(inputs.contracts(), from, to));
    List<String> backlogLeftOut = new ArrayList<>();
    List<Backlog.Line> backlog = Backlog.perYear(inputs.contracts(), inputs.deliveryWindows(), from, to,
        backlogLeftOut);
    backlog.forEach(b -> lines.add(b.asChainLine()));
    lines.sort(Comparator.comparingInt(ChainLine::year).thenComparing(ChainLine::measure, Comparator.comparing(
        m -> List.of("produced", "transferred", "contracted", "backlog").indexOf(m))).thenComparing(ChainLine::country));
    Munition m = inputs.munition();
    List<String> notes = new ArrayList<>();
    notes.add("produced: the " + produced.wireName() + " rate of each producer country, read " + options.interpolation()
        .wireName() + " between dated observations, each holding over the stretch its date covers;"
        + (options.holdLast() ? " past the last observation the rate is held and the year says so (extrapolated)."
            : " nothing past the last observation."));
    notes.add("transferred: running totals (cumulative) and window figures (period) are separate series, never added;"
        + " a year from running totals is the largest total by its end less the largest by the year before's end.");
    notes.add("backlog: per producer, the contracts open in the year less what was delivered against them by its end;"
        + " ASSUMPTION: delivered evenly over the delivery window the data state (the data give no deliveries per"
        + " contract); the Backlog table has each contract and its window.");
    notes.add("rows: d<dataset>:r<row> (qm datasets show <dataset>).");
    inputs.leftOut().forEach(l -> notes.add("left out: " + l));
    QueryResult chain = result("Chain of " + m.name() + " (" + m.id() + "), " + from + "–" + to + ", in " + m.unit(),
        List.of(Column.number("year", null), Column.text("country"), Column.text("measure"), Column.text("series"),
            Column.number("quantity", m.unit(), 0), Column.detail("quantity_high"), Column.text("how"),
            Column.text("rows"), Column.text("extrapolated")),
        lines.stream().map(l -> Arrays.<Object>asList(l.year(), l.country(), l.measure(), l.series(), l.low(),
            l.high(), l.how(), RowRef.join(l.rows()), l.extrapolated() ? "yes" : "no")).toList(),
        lines.stream().flatMap(l -> l.rows().stream()).toList(), inputs, notes);
    List<QueryResult> results = new ArrayList<>(List.of(chain,
        yearsToReplace(inputs, series.values().stream().toList(), from, to, bases)));
    if (!needs.isEmpty()) {
      results.add(Binding.result(inputs, needs, components, to));
    }
    results.add(backlog(inputs, backlog, backlogLeftOut, from, to));
    return results;
  }

  private static QueryResult yearsToReplace(ChainInputs inputs, List<List<TransferFigure>> series, int from, int to,
      List<RateBasis> bases) {
    List<YearsToReplace.Line> lines = YearsToReplace.lines(series, inputs.observations(), from, to, bases);
    List<RowRef> used = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    for (YearsToReplace.Line l : lines) {
      List<RowRef> quantityRows = l.quantity().from().stream().map(TransferFigure::row).toList();
      List<RowRef> rateRows = l.rate().stream().map(RateObservation::row).toList();
      used.addAll(quantityRows);
      used.addAll(rateRows);
      RateObservation first = l.rate().getFirst();
      rows.add(Arrays.asList(l.supplier(), l.series(), from + "–" + to, l.quantity().low(), l.quantity().how(),
          RowRef.join(quantityRows), l.basis().wireName(), l.rateLow(), l.rateHigh(),
          String.join(" or ", l.rate().stream().map(RateObservation::asWritten).distinct().toList())
              + (first.targetDate() == null ? "" : " by " + first.targetDate()),
          first.span().start().toString(), RowRef.join(rateRows), l.yearsMin(), l.yearsMax()));
    }
    List<String> notes = new ArrayList<>(List.of("years = quantity ÷ rate per year; years_min at the high end of a"
        + " range, years_max at the low end. actual: the latest actual figure dated by the window's end (rate_dated"
        + " says how old it is); capacity: the latest stated capacity; target: the latest announced target."));
    if (lines.isEmpty()) {
      notes.add("No pairing: no transferred quantity in the window, or no production figure of the supplier country.");
    }
    return result("Years to replace " + inputs.munition().name() + " transferred " + from + "–" + to,
        List.of(Column.text("supplier"), Column.text("transferred"), Column.text("window"),
            Column.number("quantity", inputs.munition().unit(), 0), Column.detail("quantity_how"),
            Column.text("quantity_rows"), Column.text("rate_basis"), Column.number("rate", "per year", 0),
            Column.detail("rate_high"), Column.text("rate_as_written"), Column.text("rate_dated"),
            Column.text("rate_rows"), Column.number("years_min", "years", 1), Column.number("years_max", "years", 1)),
        rows, used, inputs, notes);
  }

  /** The backlog table: one line per year and producer, with the contracts, windows and rows it came from. */
  private static QueryResult backlog(ChainInputs inputs, List<Backlog.Line> lines, List<String> leftOut, int from,
      int to) {
    String unit = inputs.munition().unit();
    List<String> notes = new ArrayList<>(List.of("backlog = ordered − delivered_to_date at the year's end. ordered: the"
        + " quantity of the contracts awarded by the year's end and not all delivered at its start, each contract once.",
        "ASSUMPTION: the data give each contract's delivery window (its rows' delivery_start and delivery_end when"
            + " an imported contracts file states them, else read from the contract row's note into"
            + " delivery_windows.csv, each reading stated there), not its deliveries; the quantity is taken as delivered"
            + " evenly over the window. Production of the producer is not matched to contracts."));
    inputs.deliveryWindows().all().stream().filter(w -> lines.stream().anyMatch(l -> l.contracts().contains(
        w.contractId()))).forEach(w -> notes.add("window of " + w.contractId() + ": " + w.reading()));
    leftOut.forEach(l -> notes.add("left out of the " + l));
    if (lines.isEmpty()) {
      notes.add("No backlog: no contract of " + inputs.munition().name() + " with a quantity, an award year and a"
          + " delivery window is open in " + from + "–" + to + ".");
    }
    return result("Backlog of " + inputs.munition().name() + " by producer, " + from + "–" + to + ", in " + unit,
        List.of(Column.number("year", null), Column.text("producer"), Column.number("ordered", unit, 0),
            Column.number("delivered", unit, 0), Column.number("delivered_to_date", unit, 0),
            Column.number("backlog", unit, 0), Column.text("contracts"), Column.text("how"), Column.text("rows")),
        lines.stream().map(l -> Arrays.<Object>asList(l.year(), l.producer(), l.ordered(), l.deliveredInYear(),
            l.deliveredToDate(), l.backlog(), String.join(" ", l.contracts()), l.how(), RowRef.join(l.rows())))
            .toList(),
        lines.stream().flatMap(l -> l.rows().stream()).toList(), inputs, notes);
  }

  static QueryResult result(String title, List<Column> columns, List<List<Object>> rows, List<RowRef> used,
      ChainInputs inputs, List<String> notes) {
    Set<Source> sources = new LinkedHashSet<>();
    used.stream().distinct().sorted().forEach(r -> {
      Source s = inputs.sources().get(r);
      if (s != null) {
        sources.add(s);
      }
    });
    return new QueryResult(title, columns, rows, List.of(), List.copyOf(sources), notes);
  }

  private static int[] years(ChainInputs inputs, Options options) {
    List<Integer> all = new ArrayList<>();
    inputs.observations().forEach(o -> all.add(o.span().start().getYear()));
    inputs.transfers().forEach(t -> all.add(t.span().end().minusDays(1).getYear()));
    inputs.contracts().stream().filter(c -> c.awardYear() != null).forEach(c -> all.add(c.awardYear()));
    if (all.isEmpty() && (options.fromYear() == null || options.toYear() == null)) {
      throw new QueryException("the store has no dated figure of " + inputs.munition().name() + " ("
          + inputs.munition().id() + "); give the first and last year (qm chain --from and --to; from and to over the API),"
          + " or import its figures.");
    }
    int from = options.fromYear() != null ? options.fromYear() : all.stream().min(Integer::compare).orElseThrow();
    int to = options.toYear() != null ? options.toYear() : all.stream().max(Integer::compare).orElseThrow();
    if (to < from) {
      throw new QueryException("--to " + to + " is before --from " + from);
    }
    return new int[] {from, to};
  }

  /** The day after a year ends. */
  static LocalDate endOf(int year) {
    return LocalDate.of(year + 1, 1, 1);
  }
}
