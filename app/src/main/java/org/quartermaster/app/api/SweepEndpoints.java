package org.quartermaster.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.query.SweepsQuery;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.sweeps.SweepFiles;
import org.quartermaster.engine.sweep.SweepMetadata;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepReader;
import org.quartermaster.engine.sweep.SweepRow;
import org.quartermaster.engine.sweep.SweepRunner;

/**
 * {@code /api/v1/sweeps}: the sweeps imported into the store ({@code GET}, as {@code qm query sweeps}),
 * and sweeps run in the background as jobs ({@code POST}; then {@code /api/v1/sweeps/jobs/{id}}: status,
 * server-sent events, result as JSON, CSV or Parquet, cancel). A posted sweep file reads no file of the
 * server: its base is {@code base_yaml} (the scenario's text) or {@code saved: ID} (an example or a saved
 * scenario); a {@code base:} file is refused. Bad sweep files get 400 with the CLI's problems.
 */
final class SweepEndpoints {
  static final String PATH = "/api/v1/sweeps";

  /** A finished sweep: what it was and its rows (variant order, then cell order). */
  record Finished(SweepMetadata metadata, List<SweepRow> rows) {}

  private final AnalysisJobs jobs;
  private final JobRoutes routes;
  private final QueryEndpoints queries;
  private final ScenarioCatalog catalog;
  private final ApiSettings.RunLimits limits;
  private final ObjectMapper json;

  private SweepEndpoints(AnalysisJobs jobs, QueryEndpoints queries, ScenarioCatalog catalog,
      ApiSettings.RunLimits limits, ObjectMapper json) {
    this.jobs = jobs;
    this.routes = new JobRoutes(PATH, AnalysisJobs.Kind.SWEEP, jobs, json);
    this.queries = queries;
    this.catalog = catalog;
    this.limits = limits;
    this.json = json;
  }

  /** Registers the routes. */
  static void register(JavalinConfig cfg, QueryEndpoints queries, ScenarioCatalog catalog, AnalysisJobs jobs,
      ApiSettings settings, ObjectMapper json) {
    SweepEndpoints e = new SweepEndpoints(jobs, queries, catalog, settings.limits(), json);
    cfg.routes.get(PATH, e::list);
    cfg.routes.post(PATH, e::start);
    cfg.routes.get(PATH + "/{id}", e::show);
    e.routes.register(cfg, false);
    cfg.routes.get(PATH + "/jobs/{id}/result", e::result);
  }

  void list(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of());
    queries.respondAll(ctx, params, QueryEndpoints.tables(Store.Table.SWEEPS), () -> s -> List.of(SweepsQuery.run(s)));
  }

  void show(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of());
    String given = ctx.pathParam("id");
    int id = 0;
    try {
      id = Integer.parseInt(given);
    } catch (NumberFormatException e) {
      params.problem("id", given, "a sweep id is a whole number (GET /api/v1/sweeps lists them)");
    }
    int sweepId = id;
    queries.respondAll(ctx, params, QueryEndpoints.tables(Store.Table.SWEEPS), () -> s -> SweepsQuery.find(s, sweepId)
        .orElseThrow(() -> ApiException.notFound("no sweep " + sweepId + " in the store; GET /api/v1/sweeps lists them")));
  }

  void start(Context ctx) {
    PostedFile posted = PostedFile.of(RunEndpoints.readJson(json, ctx.body()), "the sweep file", Set.of(), "",
        catalog);
    Sweep sweep;
    try {
      sweep = SweepReader.parse(posted.text(), "request", Path.of("."), posted.saved());
    } catch (InvalidScenarioException e) {
      throw PostedFile.invalid("sweep", e);
    }
    long bytes = admissionBytes(sweep);
    AnalysisLimits.check(limits, jobs, AnalysisJobs.Kind.SWEEP, sweep.base(), sweep.runs(), sweep.variantCount(),
        "variants", bytes);
    Run job = jobs.submit(AnalysisJobs.Kind.SWEEP, sweep.variantCount(), bytes, progress -> new Finished(
        SweepMetadata.of(sweep, null), SweepRunner.run(sweep, jobs.engineThreads(), (done, total) ->
            progress.done(done))), SweepEndpoints::body);
    routes.accepted(ctx, job);
  }

  /**
   * The heap a sweep is admitted with: one simulation's working memory per worker, plus its rows (kept
   * as doubles, and once more while rendered).
   */
  private long admissionBytes(Sweep sweep) {
    long width = sweep.parameterColumns().size() + sweep.metricColumns().size() + 8L;
    long rows = (long) sweep.variantCount() * sweep.cellCount() * width * 8 * 3;
    return AnalysisLimits.admissionBytes(sweep.base(), sweep.runs(), sweep.seed(),
        Math.min(jobs.engineThreads(), sweep.variantCount()), rows);
  }

  /** The rows: JSON (default), or {@code format=csv} or {@code format=parquet} as {@code qm sweep} writes them. */
  void result(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of());
    String asked = params.text("format");
    String format = asked == null ? "json" : asked.toLowerCase(Locale.ROOT);
    if (!List.of("json", "csv", "parquet").contains(format)) {
      params.problem("format", asked, "expected json, csv or parquet");
    }
    Run job = routes.job(ctx);
    params.check();
    routes.done(ctx);
    Finished finished = jobs.result(job.id(), Finished.class).orElseThrow(() -> ApiException.notFound("sweep "
        + job.id() + " has just been forgotten (newer sweeps make room); run it again"));
    if (format.equals("json")) {
      ctx.contentType("application/json").result(((RunResult.InMemory) job.result()).json());
      return;
    }
    boolean csv = format.equals("csv");
    ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/vnd.apache.parquet")
        .header("Content-Disposition", "attachment; filename=\"sweep-" + job.id() + "." + format + "\"")
        .result(file(finished, csv ? SweepFiles.Format.CSV : SweepFiles.Format.PARQUET));
  }

  private static byte[] file(Finished finished, SweepFiles.Format format) {
    try {
      Path folder = Files.createTempDirectory("qm-sweep-");
      Path file = folder.resolve("sweep");
      try {
        SweepFiles.write(finished.metadata(), finished.rows(), file, format);
        return Files.readAllBytes(file);
      } finally {
        Files.deleteIfExists(file);
        Files.delete(folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a sweep's rows to a temporary file", e);
    }
  }

  /**
   * The JSON result: the sweep's metadata, the column names and one array per row (variant, parameter
   * values, holder, item, metrics; null for a metric that does not exist).
   */
  static Map<String, Object> body(String id, Finished result) {
    List<List<Object>> rows = new ArrayList<>(result.rows().size());
    for (SweepRow row : result.rows()) {
      List<Object> values = new ArrayList<>();
      values.add(row.variant());
      for (double value : row.parameterValues()) {
        values.add(value);
      }
      values.add(row.holder());
      values.add(row.item());
      for (double value : row.metrics()) {
        values.add(Double.isFinite(value) ? value : null);
      }
      rows.add(values);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("sweep", result.metadata());
    body.put("columns", result.metadata().columns());
    body.put("rows", rows);
    return body;
  }
}
