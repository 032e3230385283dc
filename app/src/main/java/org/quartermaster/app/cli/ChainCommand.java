package org.quartermaster.app.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.munitions.ChainReport;
import org.quartermaster.app.munitions.Interpolation;
import org.quartermaster.app.munitions.Munition;
import org.quartermaster.app.munitions.RateBasis;
import org.quartermaster.app.query.QueryException;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qm chain ITEM}: a munition's replenishment chain: produced, transferred, contracted, years to replace. */
@Command(
    name = "chain",
    mixinStandardHelpOptions = true,
    description = {
      "A munition's replenishment chain from the store: per year and country, what was produced (and how the",
      "rate was read), transferred, contracted and still to deliver (backlog); years to replace the quantity",
      "transferred at each rate basis; for a round with components, which one binds; the backlog per producer;",
      "with --side-by-side, one country's production beside the others'. Every figure names its rows."
    })
final class ChainCommand extends QuerySubcommand {
  @Parameters(index = "0", paramLabel = "ITEM",
      description = "A munition id or any of its names: javelin, stinger, shell-155, '155mm shells' (qm items lists them).")
  String item;

  @Option(names = "--from", paramLabel = "YYYY",
      description = "First year (default: the first year of any figure of the item).")
  Integer from;

  @Option(names = "--to", paramLabel = "YYYY",
      description = "Last year, and the end of the years-to-replace window (default: the last year of any figure).")
  Integer to;

  @Option(names = "--rate-basis", paramLabel = "BASIS",
      description = "Production read at actual, capacity or target; years to replace at that basis only"
          + " (default: actual production, years to replace at every basis).")
  String rateBasis;

  @Option(names = "--interpolation", paramLabel = "HOW",
      description = "Between dated rate observations: step (the earlier holds until the later) or linear"
          + " (default: step).")
  String interpolation = "step";

  @Option(names = "--hold-last", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Hold the last observed rate to the last year, each year so read marked extrapolated;"
          + " --no-hold-last gives no figure past the last observation (default: hold, marked).")
  boolean holdLast;

  @Option(names = "--side-by-side", paramLabel = "COUNTRY",
      description = "Add a table setting this producer country's annual production (e.g. RUS) beside the other"
          + " producers', at one basis (--rate-basis, actual by default), in the item's unit, each figure with its"
          + " grade and rows (default: no such table).")
  String sideBySide;

  @Option(names = "--with", paramLabel = "ITEM",
      description = "With --side-by-side: another munition counted in the same unit to set beside it, shown apart and"
          + " never added (e.g. --with shell-152 --with shell-122); repeatable (default: none).")
  List<String> with = new ArrayList<>();

  @Override
  QueryResult query(Store store) {
    return results(store).getFirst();
  }

  @Override
  List<QueryResult> results(Store store) {
    ChainReport.Options options = new ChainReport.Options(from, to, basis(), interpolation(), holdLast);
    Catalogue catalogue = Catalogue.of(store); // the bundled catalogue and the rows users imported
    List<Munition> others = others(catalogue);
    List<QueryResult> results = new ArrayList<>(ChainReport.run(store, catalogue, item, options));
    if (sideBySide != null) {
      results.add(ChainReport.sideBySide(store, catalogue, ChainReport.munition(catalogue, item), others, sideBySide,
          options));
    }
    return results;
  }

  /** --with and --side-by-side checked as given, before any name is resolved. */
  private void checkSideBySide() {
    if (!with.isEmpty() && sideBySide == null) {
      throw new BadInputException("--with " + String.join(", ", with) + ": give --side-by-side COUNTRY too");
    }
    if (sideBySide != null && !sideBySide.strip().matches("[A-Za-z]{3}")) {
      throw new BadInputException("--side-by-side " + sideBySide + ": expected a three-letter country code, e.g. RUS");
    }
  }

  /** The munitions of --with, refused without --side-by-side or when one names none. */
  private List<Munition> others(Catalogue catalogue) {
    checkSideBySide();
    List<Munition> others = new ArrayList<>();
    try {
      for (String name : with) {
        others.add(ChainReport.munition(catalogue, name));
      }
      if (sideBySide != null) {
        ChainReport.refuseOtherUnits(ChainReport.munition(catalogue, item), others);
      }
    } catch (QueryException e) {
      throw new BadInputException("--with: " + e.getMessage());
    }
    return others;
  }

  /**
   * Through a running server: {@code GET /api/v1/items/{item}/chain}, the options checked here first; a name the
   * bundled catalogue does not know is resolved by the server, against its store's catalogue (an unknown one is
   * its 404, printed as without a server: {@code ThroughServer}).
   */
  @Override
  ApiQuery apiQuery() {
    RateBasis basis = basis();
    interpolation();
    // names the bundled catalogue knows are checked here as without a server (an imported row never changes
    // what a bundled name names); any other name is the server's to resolve, against its store's catalogue
    Catalogue bundled = Catalogue.bundled();
    boolean known = java.util.stream.Stream.concat(java.util.stream.Stream.of(item), with.stream())
        .allMatch(name -> bundled.munitionOf(name).isPresent());
    if (known) {
      others(bundled);
    } else {
      checkSideBySide();
    }
    return ApiQuery.of("/api/v1/items/" + URLEncoder.encode(item, StandardCharsets.UTF_8).replace("+", "%20")
            + "/chain")
        .with("from", from).with("to", to)
        .with("rate_basis", basis == null ? null : rateBasis.strip().toLowerCase(Locale.ROOT))
        .with("interpolation", interpolation().name().toLowerCase(Locale.ROOT))
        .with("hold_last", holdLast).with("side_by_side", sideBySide)
        .with("with", with.isEmpty() ? null : String.join(",", with));
  }

  private RateBasis basis() {
    return rateBasis == null ? null : RateBasis.byName(rateBasis).orElseThrow(
        () -> new BadInputException("--rate-basis " + rateBasis + ": expected actual, capacity or target"));
  }

  private Interpolation interpolation() {
    try {
      return Interpolation.valueOf(interpolation.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--interpolation " + interpolation + ": expected step or linear");
    }
  }
}
