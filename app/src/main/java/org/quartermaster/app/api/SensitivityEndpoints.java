package org.quartermaster.app.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.quartermaster.app.analysis.SensitivityReport;
import org.quartermaster.app.analysis.SensitivityRequest;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.sensitivity.SensitivityOutput;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepReader;

/**
 * {@code POST /api/v1/sensitivity}: {@code qm sensitivity} as a job. The body is a sweep file as
 * {@code POST /api/v1/sweeps} takes it ({@code yaml}, {@code base_yaml}) and the command's options as
 * fields ({@code method}, {@code metric}, {@code cell}, {@code n}, {@code levels}, {@code bootstrap}).
 * Then {@code /api/v1/sensitivity/jobs/{id}} ({@link JobRoutes}); the result is what
 * {@code qm sensitivity --format json} prints, progress in variants. Bad options and files get 400 with
 * the CLI's messages.
 */
final class SensitivityEndpoints {
  static final String PATH = "/api/v1/sensitivity";
  private static final Set<String> OPTIONS = Set.of("method", "metric", "cell", "n", "levels", "bootstrap");

  private final AnalysisJobs jobs;
  private final JobRoutes routes;
  private final ScenarioCatalog catalog;
  private final ApiSettings.RunLimits limits;
  private final ObjectMapper json;

  private SensitivityEndpoints(AnalysisJobs jobs, ScenarioCatalog catalog, ApiSettings.RunLimits limits,
      ObjectMapper json) {
    this.jobs = jobs;
    this.routes = new JobRoutes(PATH, AnalysisJobs.Kind.SENSITIVITY, jobs, json);
    this.catalog = catalog;
    this.limits = limits;
    this.json = json;
  }

  static void register(JavalinConfig cfg, ScenarioCatalog catalog, AnalysisJobs jobs, ApiSettings settings,
      ObjectMapper json) {
    SensitivityEndpoints e = new SensitivityEndpoints(jobs, catalog, settings.limits(), json);
    cfg.routes.post(PATH, e::start);
    e.routes.register(cfg, true);
  }

  void start(Context ctx) {
    PostedFile posted = PostedFile.of(RunEndpoints.readJson(json, ctx.body()), "the sweep file", OPTIONS,
        ", and qm sensitivity's options method, metric, cell, n, levels, bootstrap", catalog);
    SensitivityRequest request = request(posted.body());
    Sweep sweep;
    try {
      sweep = SweepReader.parse(posted.text(), "request", Path.of("."), posted.saved());
    } catch (InvalidScenarioException e) {
      throw PostedFile.invalid("sweep", e);
    }
    SensitivityOutput output;
    try {
      output = SensitivityOutput.of(sweep, request.metric(), request.cell());
    } catch (IllegalArgumentException e) {
      String field = e.getMessage().startsWith("--metric") ? "metric" : "cell";
      throw ApiException.badRequest(List.of(new ApiProblem(field, field.equals("metric") ? request.metric()
          : request.cell(), e.getMessage())));
    }
    long variants = request.variants(sweep.parameterColumns().size());
    int workers = (int) Math.min(jobs.engineThreads(), variants);
    long bytes = AnalysisLimits.admissionBytes(sweep.base(), sweep.runs(), sweep.seed(), workers, variants * 8 * 4);
    AnalysisLimits.check(limits, jobs, AnalysisJobs.Kind.SENSITIVITY, sweep.base(), sweep.runs(), variants,
        "variants", bytes);
    Run job = jobs.submit(AnalysisJobs.Kind.SENSITIVITY, variants, bytes, progress -> new SensitivityReport(sweep,
        request.run(sweep, output, jobs.engineThreads(), (done, total) -> progress.done(done))), this::body);
    routes.accepted(ctx, job);
  }

  /** {@code qm sensitivity --format json}'s text, with the job's id. */
  private Object body(String id, SensitivityReport report) {
    try {
      ObjectNode tree = (ObjectNode) json.readTree(report.render(SensitivityReport.Format.JSON));
      return json.createObjectNode().put("id", id).setAll(tree);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot read the JSON a sensitivity report wrote", e);
    }
  }

  /** The options from the body; 400 naming each bad one, with {@code qm sensitivity}'s message. */
  private static SensitivityRequest request(JsonNode body) {
    List<ApiProblem> problems = new ArrayList<>();
    String method = text(body, "method", "tornado", problems);
    String metric = text(body, "metric", null, problems);
    String cell = text(body, "cell", null, problems);
    Integer n = whole(body, "n", null, problems);
    Integer levels = whole(body, "levels", SensitivityRequest.DEFAULT_LEVELS, problems);
    Integer bootstrap = whole(body, "bootstrap", SensitivityRequest.DEFAULT_BOOTSTRAP, problems);
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    SensitivityRequest request = new SensitivityRequest(method, metric, cell, n, levels, bootstrap);
    for (SensitivityRequest.Problem p : request.problems()) {
      problems.add(new ApiProblem(p.option(), p.value(), p.option() + " " + p.message()));
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    return request;
  }

  private static String text(JsonNode body, String field, String absent, List<ApiProblem> problems) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return absent;
    }
    if (!node.isTextual()) {
      problems.add(new ApiProblem(field, node.toString(), "expected a string"));
      return absent;
    }
    return node.asText();
  }

  private static Integer whole(JsonNode body, String field, Integer absent, List<ApiProblem> problems) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return absent;
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      problems.add(new ApiProblem(field, node.toString(), "expected a whole number"));
      return absent;
    }
    return node.asInt();
  }
}
