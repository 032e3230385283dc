package org.quartermaster.app.api;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.munitions.ChainReport;
import org.quartermaster.app.munitions.Interpolation;
import org.quartermaster.app.munitions.ItemsInStore;
import org.quartermaster.app.munitions.Munition;
import org.quartermaster.app.munitions.RateBasis;
import org.quartermaster.app.munitions.Resolution;
import org.quartermaster.app.query.QueryException;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;

/**
 * The munition endpoints: the catalogue ({@code qm items}) and a munition's replenishment chain
 * ({@code qm chain}), answered through {@link QueryEndpoints} (formats, answer cache). The item of the
 * path is an id or any name of the munition; one that names none is 404 with the closest known name.
 */
final class MunitionEndpoints {
  /** The years a chain may span: its tables have a row per year, so the span is bounded. */
  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 2100;
  private static final Set<Store.Table> CHAIN_READS =
      QueryEndpoints.tables(Store.Table.PRODUCTION, Store.Table.TRANSFERS, Store.Table.CONTRACTS);
  private final QueryEndpoints queries;
  private final StoreAccess store;

  MunitionEndpoints(QueryEndpoints queries, StoreAccess store) {
    this.queries = queries;
    this.store = store;
  }

  /** The catalogue the store's data are read with: the bundled one and the rows users imported. */
  private Catalogue catalogue() {
    return store.read(Catalogue::of);
  }

  void catalogue(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of("unresolved"));
    boolean unresolved = params.flag("unresolved");
    queries.respondAll(ctx, params, CHAIN_READS, () -> s -> List.of(unresolved
        ? ItemsInStore.unresolved(s, Catalogue.of(s)) : ItemsInStore.catalogue(s, Catalogue.of(s))));
  }

  void chain(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of("from", "to", "rate_basis", "interpolation", "hold_last",
        "side_by_side", "with"));
    ChainReport.Options options = options(params, true);
    String country = params.text("side_by_side");
    if (country != null && !country.strip().matches("[A-Za-z]{3}")) {
      params.problem("side_by_side", country, "expected a three-letter country code, e.g. RUS");
    }
    Catalogue catalogue = catalogue();
    List<Munition> with = with(params, country, catalogue);
    Munition munition = munition(ctx, catalogue);
    try {
      ChainReport.refuseOtherUnits(munition, with);
    } catch (QueryException e) {
      params.problem("with", params.text("with"), e.getMessage());
    }
    queries.respondAll(ctx, params, CHAIN_READS, () -> s -> {
      List<QueryResult> tables = new ArrayList<>(
          ChainReport.run(s, catalogue, munition, options));
      if (country != null) {
        tables.add(ChainReport.sideBySide(s, catalogue, munition, with, country, options));
      }
      return tables;
    });
  }

  /** The munitions of {@code with} (comma-separated ids or names), set beside the item with {@code side_by_side}. */
  private static List<Munition> with(QueryParams params, String country, Catalogue catalogue) {
    String names = params.text("with");
    List<Munition> with = new ArrayList<>();
    if (names == null) {
      return with;
    }
    if (country == null) {
      params.problem("with", names, "give side_by_side=COUNTRY too");
    }
    for (String name : names.split(",")) {
      Resolution resolution = catalogue.resolve(name.strip());
      if (resolution instanceof Resolution.Resolved(Munition m)) {
        with.add(m);
      } else {
        params.problem("with", name.strip(), Resolution.refusal(QueryParams.quoted(name.strip()), resolution));
      }
    }
    return with;
  }

  /** The years-to-replace table of the chain alone. */
  void yearsToReplace(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of("from", "to", "rate_basis"));
    ChainReport.Options options = options(params, false);
    Catalogue catalogue = catalogue();
    Munition munition = munition(ctx, catalogue);
    queries.respondAll(ctx, params, CHAIN_READS,
        () -> s -> List.of(ChainReport.run(s, catalogue, munition, options).get(1)));
  }

  /** The options {@code qm chain} takes, as query parameters; {@code production}: with how rates are read. */
  private static ChainReport.Options options(QueryParams params, boolean production) {
    Integer from = year(params, "from");
    Integer to = year(params, "to");
    String basisName = params.text("rate_basis");
    RateBasis basis = null;
    if (basisName != null) {
      basis = RateBasis.byName(basisName).orElse(null);
      if (basis == null) {
        params.problem("rate_basis", basisName, "expected actual, capacity or target");
      }
    }
    Interpolation how = Interpolation.STEP;
    String howName = production ? params.text("interpolation") : null;
    if (howName != null) {
      how = Interpolation.byName(howName).orElse(null);
      if (how == null) {
        params.problem("interpolation", howName, "expected step or linear");
        how = Interpolation.STEP;
      }
    }
    boolean holdLast = !production || params.text("hold_last") == null || params.flag("hold_last");
    if (from != null && to != null && to < from) {
      params.problem("to", String.valueOf(to), "before from (" + from + "): give a year from " + from + " on");
    }
    return new ChainReport.Options(from, to, basis, how, holdLast);
  }

  private static Integer year(QueryParams params, String name) {
    Integer year = params.integer(name);
    if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
      params.problem(name, String.valueOf(year), "expected a year from " + FIRST_YEAR + " to " + LAST_YEAR);
      return null;
    }
    return year;
  }

  /** The munition the path names, resolved before the store is used. */
  private static Munition munition(Context ctx, Catalogue catalogue) {
    String item = ctx.pathParam("id");
    Resolution resolution = catalogue.resolve(item);
    if (resolution instanceof Resolution.Resolved(Munition munition)) {
      return munition;
    }
    String message = Resolution.refusal(QueryParams.quoted(item), resolution)
        + ChainReport.API_LIST_HINT;
    throw new ApiException(404, message, List.of(new ApiProblem("id", QueryParams.quoted(item), message)));
  }
}
