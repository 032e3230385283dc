package org.quartermaster.app.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.query.SweepsQuery;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.sweeps.SweepFiles;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.sweep.SavedScenarioSource;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepReader;

/**
 * {@code /api/v1/sweeps}: the sweeps imported into the store ({@code GET}, as {@code qm query sweeps}),
 * and sweeps run in the background as jobs ({@code POST}; then {@code /api/v1/sweeps/jobs/{id}}: status,
 * server-sent events, result as JSON, CSV or Parquet, cancel). A posted sweep file reads no file of the
 * server: its base is {@code base_yaml} (the scenario's text) or {@code saved: ID} (an example or a saved
 * scenario); a {@code base:} file is refused. Bad sweep files get 400 with the CLI's problems.
 */
final class SweepEndpoints {
  static final String PATH = "/api/v1/sweeps";
  private static final Set<String> FIELDS = Set.of("yaml", "base_yaml");
  /** The id {@code saved:} takes for a posted {@code base_yaml}. */
  private static final String POSTED_BASE = "base_yaml";

  private final SweepJobs jobs;
  private final QueryEndpoints queries;
  private final ScenarioCatalog catalog;
  private final ApiSettings.RunLimits limits;
  private final ObjectMapper json;

  private SweepEndpoints(SweepJobs jobs, QueryEndpoints queries, ScenarioCatalog catalog, ApiSettings.RunLimits limits,
      ObjectMapper json) {
    this.jobs = jobs;
    this.queries = queries;
    this.catalog = catalog;
    this.limits = limits;
    this.json = json;
  }

  /** Registers the routes; the jobs are cancelled when the server stops. */
  static void register(JavalinConfig cfg, QueryEndpoints queries, ScenarioCatalog catalog, RunManager runs,
      ApiSettings settings, ObjectMapper json) {
    SweepJobs jobs = new SweepJobs(settings.limits(), runs.memory(), json, null);
    SweepEndpoints e = new SweepEndpoints(jobs, queries, catalog, settings.limits(), json);
    cfg.events.serverStopping(jobs::close);
    cfg.routes.get(PATH, e::list);
    cfg.routes.post(PATH, e::start);
    cfg.routes.get(PATH + "/{id}", e::show);
    cfg.routes.get(PATH + "/jobs/{id}", e::status);
    cfg.routes.get(PATH + "/jobs/{id}/events", e::events);
    cfg.routes.get(PATH + "/jobs/{id}/result", e::result);
    cfg.routes.delete(PATH + "/jobs/{id}", e::cancel);
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
    Sweep sweep = sweep(RunEndpoints.readJson(json, ctx.body()));
    checkLimits(sweep);
    Run job = jobs.submit(sweep);
    ctx.status(202).header("Location", PATH + "/jobs/" + job.id())
        .json(Map.of("id", job.id(), "status", Run.Status.QUEUED.wireName()));
  }

  void status(Context ctx) {
    ctx.json(job(ctx).view());
  }

  void events(Context ctx) throws Exception {
    RunEndpoints.events(ctx, job(ctx), json);
  }

  /** The rows: JSON (default), or {@code format=csv} or {@code format=parquet} as {@code qm sweep} writes them. */
  void result(Context ctx) {
    QueryParams params = new QueryParams(ctx, Set.of());
    String asked = params.text("format");
    String format = asked == null ? "json" : asked.toLowerCase(Locale.ROOT);
    if (!List.of("json", "csv", "parquet").contains(format)) {
      params.problem("format", asked, "expected json, csv or parquet");
    }
    Run job = job(ctx);
    params.check();
    if (job.status() != Run.Status.DONE) {
      throw new ApiException(409, "sweep " + job.id() + " is " + job.status().wireName() + ", not done");
    }
    SweepJobs.Finished finished = jobs.result(job.id()).orElseThrow(() -> ApiException.notFound("sweep " + job.id()
        + " has just been forgotten (newer sweeps make room); run it again"));
    if (format.equals("json")) {
      ctx.contentType("application/json").result(((RunResult.InMemory) job.result()).json());
      return;
    }
    boolean csv = format.equals("csv");
    ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/vnd.apache.parquet")
        .header("Content-Disposition", "attachment; filename=\"sweep-" + job.id() + "." + format + "\"")
        .result(file(finished, csv ? SweepFiles.Format.CSV : SweepFiles.Format.PARQUET));
  }

  void cancel(Context ctx) {
    Run job = job(ctx);
    if (job.status() == Run.Status.DONE || job.status() == Run.Status.FAILED) {
      throw new ApiException(409, "sweep " + job.id() + " is already " + job.status().wireName());
    }
    job.cancel();
    ctx.json(job.view());
  }

  private static byte[] file(SweepJobs.Finished finished, SweepFiles.Format format) {
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

  private Run job(Context ctx) {
    String id = ctx.pathParam("id");
    return jobs.find(id).orElseThrow(() -> ApiException.notFound("no sweep job '" + id + "'"));
  }

  /** The posted sweep, read as {@code qm sweep} reads a file; 400 with every problem. */
  private Sweep sweep(JsonNode body) {
    List<ApiProblem> problems = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        problems.add(new ApiProblem(name, body.get(name).toString(),
            "unknown field; expected yaml (the sweep file's text) and optionally base_yaml (the base scenario's)"));
      }
    }
    JsonNode yaml = body.get("yaml");
    JsonNode baseYaml = body.get("base_yaml");
    if (yaml == null || !yaml.isTextual()) {
      problems.add(new ApiProblem("yaml", yaml == null ? null : yaml.toString(), "expected the sweep file's text"
          + " (docs/analysis.md) as a string"));
    }
    if (baseYaml != null && !baseYaml.isTextual()) {
      problems.add(new ApiProblem("base_yaml", baseYaml.toString(), "expected the base scenario's YAML text as a"
          + " string"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    String text = withPostedBase(yaml.asText(), baseYaml);
    SavedScenarioSource saved = id -> baseYaml != null && id.equals(POSTED_BASE) ? java.util.Optional.of(
        baseYaml.asText()) : catalog.find(id).map(ScenarioCatalog.Entry::yaml);
    try {
      return SweepReader.parse(text, "request", Path.of("."), saved);
    } catch (InvalidScenarioException e) {
      int n = e.problems().size();
      throw new ApiException(400, "invalid sweep, " + n + " problem" + (n == 1 ? "" : "s"), e.problems().stream()
          .map(p -> new ApiProblem(p.path(), p.value(), p.message())).toList());
    }
  }

  /**
   * The sweep's text with its base taken from {@code base_yaml} when given ({@code saved:} the posted
   * text); a {@code base:} file without it is refused, since the server reads no file a request names.
   */
  private static String withPostedBase(String text, JsonNode baseYaml) {
    JsonNode tree;
    try {
      tree = new YAMLMapper().readTree(text);
    } catch (JacksonException e) {
      return text; // not YAML: SweepReader says so, with its own message
    }
    if (!(tree instanceof ObjectNode sweep)) {
      return text;
    }
    if (baseYaml == null) {
      if (sweep.has("base")) {
        throw ApiException.badRequest(List.of(new ApiProblem("base", sweep.get("base").asText(), "the server reads"
            + " no file a request names: send the base scenario's text as base_yaml, or name an example or saved"
            + " scenario with saved: ID (GET /api/v1/scenarios lists them)")));
      }
      return text;
    }
    if (sweep.has("saved")) {
      throw ApiException.badRequest(List.of(new ApiProblem("saved", sweep.get("saved").asText(), "give either"
          + " base_yaml or saved: ID, not both")));
    }
    sweep.remove("base");
    sweep.put("saved", POSTED_BASE);
    try {
      return new YAMLMapper().writeValueAsString(sweep);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot write a YAML tree just read", e);
    }
  }

  /** 413 for a sweep beyond the runs' limits (runs per variant, months, total work) or the memory for runs. */
  private void checkLimits(Sweep sweep) {
    List<ApiProblem> problems = new ArrayList<>();
    if (sweep.runs() > limits.maxRuns()) {
      problems.add(new ApiProblem("runs", Integer.toString(sweep.runs()), "at most " + limits.maxRuns() + " runs"));
    }
    int months = sweep.base().horizonMonths();
    if (months > limits.maxMonths()) {
      problems.add(new ApiProblem("base.horizon_months", Integer.toString(months), "at most " + limits.maxMonths()
          + " months"));
    }
    double work = (double) sweep.variantCount() * sweep.runs() * months * sweep.base().cells().size();
    if (problems.isEmpty() && work > limits.maxCellMonths()) {
      problems.add(new ApiProblem("runs", Integer.toString(sweep.runs()), String.format(Locale.ROOT,
          "variants × runs × horizon_months × cells = %d × %d × %d × %d is over the limit of %.0f",
          sweep.variantCount(), sweep.runs(), months, sweep.base().cells().size(), limits.maxCellMonths())));
    }
    long bytes = jobs.admissionBytes(sweep);
    if (problems.isEmpty() && bytes > jobs.memoryCapacity()) {
      problems.add(new ApiProblem("runs", Integer.toString(sweep.runs()), "this sweep needs an estimated "
          + RunManager.mib(bytes) + ", more than the " + RunManager.mib(jobs.memoryCapacity()) + " runs and sweeps"
          + " may hold on this server: ask for fewer runs or fewer variants"));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(413, "the sweep asked for is too large", problems);
    }
  }
}
