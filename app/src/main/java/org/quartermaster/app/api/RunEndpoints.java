package org.quartermaster.app.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.runs.RunInputs;
import org.quartermaster.engine.sweep.SweepMetadata;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.result.Mode;
import org.quartermaster.engine.simulation.ProgressListener;
import org.quartermaster.engine.simulation.SimulationOptions;

/**
 * {@code /api/v1/runs}: start a simulation in the background, follow it (status, server-sent events),
 * fetch its result (result format v1) or cancel it.
 */
final class RunEndpoints {
  private static final Set<String> FIELDS = Set.of("scenario_id", "yaml", "runs", "seed", "deterministic");
  private static final long EVENT_POLL_MILLIS = 100;

  private final RunManager runs;
  private final ScenarioCatalog catalog;
  private final ApiSettings.RunLimits limits;
  private final ObjectMapper json;

  RunEndpoints(RunManager runs, ScenarioCatalog catalog, ApiSettings.RunLimits limits, ObjectMapper json) {
    this.runs = runs;
    this.catalog = catalog;
    this.limits = limits;
    this.json = json;
  }

  /** What a run request asks for, once checked. */
  private record Request(Scenario scenario, SimulationOptions options, long total, String yaml) {
    RunInputs inputs() {
      boolean deterministic = options.mode() == Mode.DETERMINISTIC;
      return new RunInputs(yaml, scenario.name(), SweepMetadata.sha256(scenario), deterministic ? "deterministic" : "stochastic",
          deterministic ? 1 : options.runs(), deterministic ? null : options.seed());
    }
  }

  void start(Context ctx) {
    Request request = request(readJson(json, ctx.body()));
    Run run = runs.submit(request.scenario(), request.options(), request.total(), request.inputs());
    ctx.status(202).header("Location", "/api/v1/runs/" + run.id())
        .json(Map.of("id", run.id(), "status", Run.Status.QUEUED.wireName()));
  }

  void status(Context ctx) {
    ctx.json(run(ctx).view());
  }

  /** The result, from memory or streamed from its file. */
  void result(Context ctx) {
    Run run = run(ctx);
    if (run.status() != Run.Status.DONE) {
      throw new ApiException(409, "run " + run.id() + " is " + run.status().wireName() + ", not done");
    }
    ctx.contentType("application/json");
    switch (run.result()) {
      case RunResult.InMemory(byte[] json) -> ctx.result(json);
      case RunResult.OnDisk(Path file, long bytes) -> {
        try {
          ctx.header("Content-Length", Long.toString(bytes)).result(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
          throw ApiException.notFound("run " + run.id() + " has just been forgotten (older runs make room for new"
              + " ones); run it again");
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the result of run " + run.id() + " from " + file, e);
        }
      }
    }
  }

  void cancel(Context ctx) {
    Run run = run(ctx);
    if (run.status() == Run.Status.DONE || run.status() == Run.Status.FAILED) {
      throw new ApiException(409, "run " + run.id() + " is already " + run.status().wireName());
    }
    run.cancel();
    ctx.json(run.view());
  }

  /**
   * {@code progress} events while the run is queued or running, then one {@code done} event with its
   * final state; 406 unless the request accepts {@code text/event-stream} (as EventSource does).
   */
  void events(Context ctx) throws Exception {
    events(ctx, run(ctx), json);
  }

  /** {@link #events} of any job followed as a {@link Run} (runs, sweeps). */
  static void events(Context ctx, Run run, ObjectMapper json) throws Exception {
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new ApiException(406, "this endpoint sends server-sent events: ask with 'Accept: text/event-stream'");
    }
    new SseHandler(client -> stream(run, client, json)).handle(ctx);
  }

  private static void stream(Run run, SseClient client, ObjectMapper json) {
    Run.View last = null;
    try {
      while (!client.terminated()) {
        Run.View now = run.view();
        if (run.status().terminal()) {
          client.sendEvent("done", json.writeValueAsString(now));
          break;
        }
        if (!now.equals(last)) {
          client.sendEvent("progress", json.writeValueAsString(now));
          last = now;
        }
        Thread.sleep(EVENT_POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (JacksonException e) {
      throw new IllegalStateException(e);
    } finally {
      client.close();
    }
  }

  private Run run(Context ctx) {
    String id = ctx.pathParam("id");
    return runs.find(id).orElseThrow(() -> ApiException.notFound("no run '" + id + "'"));
  }

  private Request request(JsonNode body) {
    List<ApiProblem> problems = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        problems.add(new ApiProblem(name, body.get(name).toString(),
            "unknown field; expected scenario_id or yaml, and optionally runs, seed, deterministic"));
      }
    }
    JsonNode id = body.get("scenario_id");
    JsonNode yaml = body.get("yaml");
    if ((id == null) == (yaml == null)) {
      problems.add(new ApiProblem(id == null ? "scenario_id" : "yaml", null,
          "give exactly one of scenario_id (an example or a saved scenario) and yaml (the scenario text)"));
    }
    if (id != null && !id.isTextual()) {
      problems.add(new ApiProblem("scenario_id", id.toString(), "expected a string"));
    }
    if (yaml != null && !yaml.isTextual()) {
      problems.add(new ApiProblem("yaml", yaml.toString(), "expected the scenario's YAML text as a string"));
    }
    Long runsAsked = integer(body, "runs", 1, problems);
    Long seed = integer(body, "seed", Long.MIN_VALUE, problems);
    JsonNode det = body.get("deterministic");
    if (det != null && !det.isBoolean()) {
      problems.add(new ApiProblem("deterministic", det.toString(), "expected true or false"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    Scenario scenario;
    String text;
    if (id != null) {
      ScenarioCatalog.Entry entry = catalog.get(id.asText());
      text = entry.yaml();
      scenario = ScenarioEndpoints.parse(text, entry.source());
    } else {
      text = yaml.asText();
      scenario = ScenarioEndpoints.parse(text, "request");
    }
    boolean deterministic = det != null && det.asBoolean();
    long total = deterministic ? 1
        : runsAsked != null ? runsAsked : scenario.runs().orElse(SimulationOptions.DEFAULT_RUNS);
    checkLimits(scenario, total, runsAsked != null);
    SimulationOptions options;
    if (deterministic) {
      options = new SimulationOptions(Mode.DETERMINISTIC, 1, seed, 1, false, ProgressListener.NONE);
    } else {
      options = SimulationOptions.stochastic((int) total,
          seed != null ? seed : scenario.seed().orElse(SimulationOptions.DEFAULT_SEED));
    }
    checkMemory(scenario, options, runsAsked != null);
    return new Request(scenario, options, total, text);
  }

  /** 413 for a run whose memory estimate exceeds all that runs may hold, even alone. */
  private void checkMemory(Scenario scenario, SimulationOptions options, boolean runsGiven) {
    long bytes = runs.admissionBytes(scenario, options);
    if (bytes <= runs.memoryCapacity()) {
      return;
    }
    int cells = scenario.cells().size();
    String message = String.format(Locale.ROOT, "this run needs an estimated %s (%d cells × %d months%s),"
        + " more than the %s all runs may hold on this server: ask for %sfewer cells or a shorter horizon_months",
        RunManager.mib(bytes), cells, scenario.horizonMonths(), options.mode() == Mode.DETERMINISTIC ? ", 1 run"
            : " × " + options.runs() + " runs", RunManager.mib(runs.memoryCapacity()),
        options.mode() == Mode.STOCHASTIC && options.runs() > 1 ? "fewer runs (up to 10,000 runs every run's"
            + " closing stock is kept for exact quantiles), " : "");
    String path = options.mode() == Mode.STOCHASTIC ? runsGiven ? "runs" : "scenario.runs" : "scenario.horizon_months";
    throw new ApiException(413, "the run asked for needs more memory than this server has for runs",
        List.of(new ApiProblem(path, options.mode() == Mode.STOCHASTIC ? Integer.toString(options.runs())
            : Integer.toString(scenario.horizonMonths()), message)));
  }

  private void checkLimits(Scenario scenario, long total, boolean runsGiven) {
    List<ApiProblem> problems = new ArrayList<>();
    String runsPath = runsGiven ? "runs" : "scenario.runs";
    if (total > limits.maxRuns()) {
      problems.add(new ApiProblem(runsPath, Long.toString(total), "at most " + limits.maxRuns() + " runs"));
    }
    if (scenario.horizonMonths() > limits.maxMonths()) {
      problems.add(new ApiProblem("scenario.horizon_months", Integer.toString(scenario.horizonMonths()),
          "at most " + limits.maxMonths() + " months"));
    }
    double work = (double) total * scenario.horizonMonths() * scenario.cells().size();
    if (problems.isEmpty() && work > limits.maxCellMonths()) {
      problems.add(new ApiProblem(runsPath, Long.toString(total), "runs × horizon_months × cells = " + total + " × "
          + scenario.horizonMonths() + " × " + scenario.cells().size() + " is over the limit of "
          + String.format(java.util.Locale.ROOT, "%.0f", limits.maxCellMonths())));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(413, "the run asked for is too large", problems);
    }
  }

  private static Long integer(JsonNode body, String name, long min, List<ApiProblem> problems) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      problems.add(new ApiProblem(name, node.toString(), "expected an integer"));
      return null;
    }
    if (node.asLong() < min) {
      problems.add(new ApiProblem(name, node.toString(), "must be at least " + min));
      return null;
    }
    return node.asLong();
  }

  /** @throws ApiException 400 when the body is not a JSON object */
  static JsonNode readJson(ObjectMapper json, String body) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw ApiException.badRequest(List.of(new ApiProblem("(body)", null, "expected a JSON object")));
      }
      return node;
    } catch (JacksonException e) {
      throw ApiException.badRequest(List.of(new ApiProblem("(body)", null,
          "not valid JSON: " + e.getOriginalMessage())));
    }
  }
}
