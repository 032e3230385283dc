package org.quartermaster.app.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.query.AidNormalise;
import org.quartermaster.app.query.AidQuery;
import org.quartermaster.app.query.ContractsQuery;
import org.quartermaster.app.query.DatasetsQuery;
import org.quartermaster.app.query.DeliveriesQuery;
import org.quartermaster.app.query.EquipmentShareQuery;
import org.quartermaster.app.query.ItemsQuery;
import org.quartermaster.app.query.ProductionQuery;
import org.quartermaster.app.query.QueryException;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.query.ResultFormat;
import org.quartermaster.app.query.SpendingQuery;
import org.quartermaster.app.query.TransfersQuery;
import org.quartermaster.app.store.Store;

/**
 * The read endpoints: the {@code qm query} queries with their options as query parameters, answered
 * as {@link ResultFormat#JSON} or, with {@code ?format=csv} or {@code Accept: text/csv}, as
 * {@link ResultFormat#CSV}, or with {@code ?format=table} as {@code qm query} prints it (the commands
 * that go through a server ask for that). SQL only through the query classes (parameters bound).
 */
final class QueryEndpoints {
  /** The most bytes of answers kept, plain and gzipped (a few hundred KiB each at most for the bundled data). */
  static final long CACHED_BYTES = 64L << 20;
  /** What every query of the data reads besides its own table: the datasets and provenance its citations join. */
  private static final Set<Store.Table> CITED = EnumSet.of(Store.Table.DATASETS, Store.Table.COUNTRIES);
  private final StoreAccess store;
  private final ResponseCache cache;

  QueryEndpoints(StoreAccess store) {
    this.store = store;
    this.cache = new ResponseCache(CACHED_BYTES, store::changes);
  }

  void spending(Context ctx) {
    QueryParams params = new QueryParams(ctx,
        Set.of("year", "country", "threshold", "source", "vintage", "allies", "min_grade", "measure"));
    String measure = params.text("measure");
    if (measure != null && !measure.equals("pct_gdp")) {
      if (!measure.equals("equipment")) {
        params.problem("measure", measure, "expected pct_gdp (the default) or equipment");
      }
      for (String other : List.of("country", "threshold", "source", "vintage", "allies", "min_grade")) {
        if (params.text(other) != null) {
          params.problem(other, params.text(other), "measure=equipment takes year only");
        }
      }
      Integer equipmentYear = params.integer("year");
      respond(ctx, params, tables(Store.Table.SPENDING), () -> s -> EquipmentShareQuery.run(s, equipmentYear));
      return;
    }
    SpendingQuery.Options options = new SpendingQuery.Options(params.integer("year"), params.text("country"),
        params.number("threshold"), params.list("source"), params.text("vintage"), params.flag("allies"),
        params.grade("min_grade"));
    if (options.countsSeveralSources()) {
      params.problem("source", options.source(), "a count against threshold uses one source: give one, such as"
          + " source=nato (the default) or source=sipri");
    }
    respond(ctx, params, tables(Store.Table.SPENDING), () -> {
      // the name is resolved before the store is used: an unknown one is fuzzy-matched for "did you mean"
      String iso3 = options.country() == null ? null : SpendingQuery.iso3(options.country());
      SpendingQuery.Options resolved = new SpendingQuery.Options(options.year(), iso3, options.threshold(),
          options.source(), options.vintage(), options.allies(), options.minGrade());
      return s -> SpendingQuery.run(s, resolved);
    });
  }

  void aid(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of("by", "donor", "category", "measure", "release", "min_grade",
        "per", "currency", "prices", "reference_year", "price_year"));
    String by = params.text("by");
    AidQuery.By groupBy = null;
    if (by != null) {
      groupBy = AidQuery.By.byName(by).orElse(null);
      if (groupBy == null) {
        params.problem("by", by, "expected " + AidQuery.By.names());
      }
    }
    AidNormalise normalise = AidNormalise.NONE;
    AidQuery.Options options = null;
    try {
      String per = params.text("per");
      normalise = new AidNormalise(per == null ? null : AidNormalise.Per.byName(per), params.text("currency"),
          AidNormalise.constantYear(params.text("prices")), params.integer("reference_year"),
          params.integer("price_year"));
      options = new AidQuery.Options(groupBy, params.text("donor"), params.text("category"),
          params.text("measure"), params.text("release"), params.grade("min_grade"), normalise);
    } catch (QueryException e) {
      params.problem(e.getMessage().substring(0, e.getMessage().indexOf(' ')), null, e.getMessage());
    }
    AidQuery.Options asked = options;
    respond(ctx, params, tables(Store.Table.AID), () -> s -> AidQuery.run(s, asked));
  }

  void deliveries(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of("supplier", "recipient", "min_grade"));
    DeliveriesQuery.Options options = new DeliveriesQuery.Options(params.text("supplier"), params.text("recipient"),
        params.grade("min_grade"));
    respond(ctx, params, tables(Store.Table.DELIVERIES), () -> s -> DeliveriesQuery.run(s, options));
  }

  void production(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of("item", "min_grade"));
    ProductionQuery.Options options = new ProductionQuery.Options(params.text("item"), params.grade("min_grade"));
    respond(ctx, params, tables(Store.Table.PRODUCTION), () -> s -> ProductionQuery.run(s, Catalogue.of(s), options));
  }

  void contracts(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of("item", "min_grade"));
    ContractsQuery.Options options = new ContractsQuery.Options(params.text("item"), params.grade("min_grade"));
    respond(ctx, params, tables(Store.Table.CONTRACTS), () -> s -> ContractsQuery.run(s, Catalogue.of(s), options));
  }

  void transfers(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of("item", "min_grade"));
    TransfersQuery.Options options = new TransfersQuery.Options(params.text("item"), params.grade("min_grade"));
    respond(ctx, params, tables(Store.Table.TRANSFERS), () -> s -> TransfersQuery.run(s, Catalogue.of(s), options));
  }

  void datasets(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of());
    respond(ctx, params, Store.Table.data(), () -> DatasetsQuery::run);
  }

  void items(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of());
    respond(ctx, params, tables(Store.Table.PRODUCTION, Store.Table.CONTRACTS, Store.Table.TRANSFERS),
        () -> ItemsQuery::run);
  }

  /** {@code read} and what every query of the data reads with it ({@link #CITED}). */
  static Set<Store.Table> tables(Store.Table... read) {
    Set<Store.Table> tables = EnumSet.copyOf(CITED);
    tables.addAll(List.of(read));
    return tables;
  }

  /**
   * Answers from the cache while the tables the query reads are unchanged (the queries are pure
   * functions of the store), else runs the query and keeps its rendered answer.
   *
   * @param reads    every table the query reads
   * @param prepared the query, made ready (names resolved) before the store is used: work that needs
   *                 no store is not done under its lock
   */
  private void respond(Context ctx, QueryParams params, Set<Store.Table> reads,
      Supplier<Function<Store, QueryResult>> prepared) {
    respondAll(ctx, params, reads, () -> {
      Function<Store, QueryResult> query = prepared.get();
      return s -> List.of(query.apply(s));
    });
  }

  /**
   * {@link #respond} for a query answering with several results ({@code qm chain}), written as the
   * CLI writes them ({@link ResultFormat#writeAll}): JSON as an array of result objects.
   */
  void respondAll(Context ctx, QueryParams params, Set<Store.Table> reads,
      Supplier<Function<Store, List<QueryResult>>> prepared) {
    ResultFormat format = format(ctx, params);
    params.check();
    String key = ctx.path() + new TreeMap<>(ctx.queryParamMap()) + format;
    ResponseCache.Answer answer = cache.get(key, reads, () -> render(ofQuery(prepared), format));
    ctx.contentType(answer.contentType()).header("Vary", "Accept-Encoding");
    String accepted = ctx.header("Accept-Encoding");
    if (accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip")) {
      ctx.header("Content-Encoding", "gzip").result(answer.gzipped());
    } else {
      ctx.result(answer.body());
    }
  }

  private ResponseCache.Answer render(Function<Store, List<QueryResult>> query, ResultFormat format) {
    List<QueryResult> results = ofQuery(() -> store.read(query));
    StringWriter out = new StringWriter();
    try {
      format.writeAll(results, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String type = switch (format) {
      case CSV -> "text/csv; charset=utf-8";
      case TABLE -> "text/plain; charset=utf-8";
      case JSON -> "application/json";
    };
    return ResponseCache.Answer.of(type,
        out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** What {@code work} gives; a {@link QueryException} (an option the store cannot answer) as 400. */
  private static <T> T ofQuery(Supplier<T> work) {
    try {
      return work.get();
    } catch (QueryException e) {
      List<ApiProblem> problems = e.lines().stream().map(line -> new ApiProblem("query", null, line)).toList();
      throw new ApiException(400, e.lines().getFirst(), problems);
    }
  }

  private static ResultFormat format(Context ctx, QueryParams params) {
    String asked = params.text("format");
    if (asked != null) {
      return switch (asked.toLowerCase(Locale.ROOT)) {
        case "json" -> ResultFormat.JSON;
        case "csv" -> ResultFormat.CSV;
        case "table" -> ResultFormat.TABLE;
        default -> {
          params.problem("format", asked, "expected json, csv or table");
          yield ResultFormat.JSON;
        }
      };
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv")
        ? ResultFormat.CSV : ResultFormat.JSON;
  }
}
