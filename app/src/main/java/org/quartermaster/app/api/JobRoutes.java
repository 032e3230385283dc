package org.quartermaster.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The routes every kind of analysis job has under {@code PATH/jobs/{id}}: status ({@code GET}),
 * server-sent events ({@code /events}), cancel ({@code DELETE}) and, unless the kind serves its own,
 * the JSON result ({@code /result}; 409 until done).
 */
final class JobRoutes {
  private final String path;
  private final AnalysisJobs.Kind kind;
  private final AnalysisJobs jobs;
  private final ObjectMapper json;

  JobRoutes(String path, AnalysisJobs.Kind kind, AnalysisJobs jobs, ObjectMapper json) {
    this.path = path;
    this.kind = kind;
    this.jobs = jobs;
    this.json = json;
  }

  /** Registers status, events, cancel and, with {@code jsonResult}, the result. */
  void register(JavalinConfig cfg, boolean jsonResult) {
    cfg.routes.get(path + "/jobs/{id}", ctx -> ctx.json(job(ctx).view()));
    cfg.routes.get(path + "/jobs/{id}/events", ctx -> RunEndpoints.events(ctx, job(ctx), json));
    cfg.routes.delete(path + "/jobs/{id}", this::cancel);
    if (jsonResult) {
      cfg.routes.get(path + "/jobs/{id}/result", ctx -> ctx.contentType("application/json")
          .result(((RunResult.InMemory) done(ctx).result()).json()));
    }
  }

  /** 202 with the job's id and where to follow it. */
  void accepted(Context ctx, Run job) {
    ctx.status(202).header("Location", path + "/jobs/" + job.id())
        .json(Map.of("id", job.id(), "status", Run.Status.QUEUED.wireName()));
  }

  Run job(Context ctx) {
    String id = ctx.pathParam("id");
    return jobs.find(kind, id).orElseThrow(() -> ApiException.notFound("no " + kind.label + " job '" + id + "'"));
  }

  /** The job, done; 409 while it is not, 404 once it is forgotten. */
  Run done(Context ctx) {
    Run job = job(ctx);
    if (job.status() != Run.Status.DONE) {
      throw new ApiException(409, kind.label + " " + job.id() + " is " + job.status().wireName() + ", not done");
    }
    return job;
  }

  private void cancel(Context ctx) {
    Run job = job(ctx);
    if (job.status() == Run.Status.DONE || job.status() == Run.Status.FAILED) {
      throw new ApiException(409, kind.label + " " + job.id() + " is already " + job.status().wireName());
    }
    job.cancel();
    ctx.json(job.view());
  }
}
