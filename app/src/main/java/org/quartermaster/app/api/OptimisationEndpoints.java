package org.quartermaster.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import org.quartermaster.app.analysis.OptimiseTables;
import org.quartermaster.engine.optimise.Optimisation;
import org.quartermaster.engine.optimise.OptimisationReader;
import org.quartermaster.engine.optimise.OptimisationReport;
import org.quartermaster.engine.optimise.Optimiser;
import org.quartermaster.engine.scenario.InvalidScenarioException;

/**
 * {@code POST /api/v1/optimisations}: {@code qm optimise} as a job. The body is an optimisation file as
 * {@code POST /api/v1/sweeps} takes a sweep file ({@code yaml}, {@code base_yaml}). Then
 * {@code /api/v1/optimisations/jobs/{id}} ({@link JobRoutes}); the result is what {@code qm optimise --format
 * json} prints, with the job's id; progress in portfolios simulated, out of the feasible ones (branch and
 * bound usually stops short of them). Bad files get 400 with the CLI's problems.
 */
final class OptimisationEndpoints {
  static final String PATH = "/api/v1/optimisations";

  private final AnalysisJobs jobs;
  private final JobRoutes routes;
  private final ScenarioCatalog catalog;
  private final ApiSettings.RunLimits limits;
  private final ObjectMapper json;

  private OptimisationEndpoints(AnalysisJobs jobs, ScenarioCatalog catalog, ApiSettings.RunLimits limits,
      ObjectMapper json) {
    this.jobs = jobs;
    this.routes = new JobRoutes(PATH, AnalysisJobs.Kind.OPTIMISATION, jobs, json);
    this.catalog = catalog;
    this.limits = limits;
    this.json = json;
  }

  static void register(JavalinConfig cfg, ScenarioCatalog catalog, AnalysisJobs jobs, ApiSettings settings,
      ObjectMapper json) {
    OptimisationEndpoints e = new OptimisationEndpoints(jobs, catalog, settings.limits(), json);
    cfg.routes.post(PATH, e::start);
    e.routes.register(cfg, true);
  }

  void start(Context ctx) {
    PostedFile posted = PostedFile.of(RunEndpoints.readJson(json, ctx.body()), "the optimisation file", Set.of(),
        "", catalog);
    Optimisation optimisation;
    try {
      optimisation = OptimisationReader.parse(posted.text(), "request", Path.of("."), posted.saved());
    } catch (InvalidScenarioException e) {
      throw PostedFile.invalid("optimisation", e);
    }
    long feasible = Optimiser.feasiblePortfolios(optimisation);
    // Enumeration simulates each feasible portfolio once; branch and bound fewer, as a rule.
    long portfolios = Math.min(feasible, optimisation.enumerationLimit());
    long bytes = AnalysisLimits.admissionBytes(optimisation.scenario(), optimisation.runsPerBatch(), optimisation.seed(),
        jobs.engineThreads(), portfolios * optimisation.batches() * 8L * 4);
    AnalysisLimits.check(limits, jobs, AnalysisJobs.Kind.OPTIMISATION, optimisation.scenario(), optimisation.runs(),
        portfolios, "portfolios", bytes);
    Run job = jobs.submit(AnalysisJobs.Kind.OPTIMISATION, feasible, bytes, progress -> Optimiser.run(optimisation,
        jobs.engineThreads(), (simulated, total) -> progress.done(Math.min(simulated, total))), this::body);
    routes.accepted(ctx, job);
  }

  /** {@code qm optimise --format json}'s text, with the job's id. */
  private Object body(String id, OptimisationReport report) {
    try {
      ObjectNode tree = (ObjectNode) json.readTree(OptimiseTables.render(report, OptimiseTables.Format.JSON));
      return json.createObjectNode().put("id", id).setAll(tree);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JSON an optimisation report wrote", e);
    }
  }
}
