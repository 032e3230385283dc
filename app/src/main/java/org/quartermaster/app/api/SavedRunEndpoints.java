package org.quartermaster.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartermaster.app.runs.RunInputs;
import org.quartermaster.app.runs.SavedRun;
import org.quartermaster.app.runs.SavedRuns;

/**
 * Runs kept in the store: {@code POST /api/v1/saved-runs} saves a finished run of this server under a name
 * (its scenario text, the scenario's hash, its options and its result as {@code GET /api/v1/runs/{id}/result}
 * answers it: the server keeps only results it computed, never one posted to it), {@code GET} lists them or
 * gives one with its scenario and result, {@code DELETE …/{id}} removes one. A request with any problem
 * changes nothing.
 */
final class SavedRunEndpoints {
  static final String PATH = "/api/v1/saved-runs";
  private static final Set<String> FIELDS = Set.of("name", "run_id");
  /** The longest result kept (bytes of JSON): results grow with cells × months. */
  static final long MAX_RESULT_BYTES = 64L << 20;

  private final RunManager runs;
  private final StoreAccess store;
  private final ObjectMapper json;

  SavedRunEndpoints(RunManager runs, StoreAccess store, ObjectMapper json) {
    this.runs = runs;
    this.store = store;
    this.json = json;
  }

  /** A saved run as the API shows it; {@code yaml} and {@code result} only when one run is asked for. */
  record View(long id, String name, String scenario, @JsonProperty("scenario_sha256") String scenarioSha256, String mode,
      int runs, Long seed, @JsonProperty("created_at") String createdAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) String yaml,
      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue String result) {
    static View of(SavedRun run, boolean whole) {
      RunInputs in = run.inputs();
      return new View(run.id(), run.name(), in.scenarioName(), in.scenarioSha256(), in.mode(), in.runs(), in.seed(),
          run.createdAt().toString(), whole ? in.yaml() : null, whole ? run.result() : null);
    }
  }

  void create(Context ctx) {
    JsonNode body = RunEndpoints.readJson(json, ctx.body());
    List<ApiProblem> problems = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        problems.add(new ApiProblem(name, body.get(name).toString(), "unknown field; expected name and run_id"));
      }
    }
    String name = text(body, "name", problems);
    if (name != null && (name.isBlank() || name.length() > SavedRuns.MAX_NAME || name.chars().anyMatch(Character::isISOControl))) {
      problems.add(new ApiProblem("name", name, "give 1 to " + SavedRuns.MAX_NAME
          + " characters, not only spaces, without line breaks or control characters"));
    }
    String runId = text(body, "run_id", problems);
    Run run = null;
    if (runId != null) {
      run = runs.find(runId).orElse(null);
      if (run == null) {
        problems.add(new ApiProblem("run_id", runId, "no run with this id on this server (runs are kept in memory until"
            + " the server stops or newer runs make room): start it again with POST /api/v1/runs, then save it"));
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    if (run.status() != Run.Status.DONE) {
      throw new ApiException(409, "run " + run.id() + " is " + run.status().wireName() + ": only a finished run can be saved");
    }
    String id = run.id();
    RunInputs inputs = run.inputs().orElseThrow(() -> new ApiException(409, "job " + id
        + " is not a run of one scenario (a sweep?): only runs started with POST /api/v1/runs can be saved"));
    String result = resultText(run);
    SavedRun saved = store.write(s -> new SavedRuns(s).save(name.strip(), inputs, result));
    ctx.status(201).header("Location", PATH + "/" + saved.id()).json(View.of(saved, false));
  }

  void list(Context ctx) {
    List<View> all = store.read(s -> new SavedRuns(s).all()).stream().map((r) -> View.of(r, false)).toList();
    ctx.json(Map.of("runs", all));
  }

  void one(Context ctx) {
    long id = id(ctx);
    SavedRun run = store.read(s -> new SavedRuns(s).find(id)).orElseThrow(() -> notSaved(ctx));
    ctx.json(View.of(run, true));
  }

  void delete(Context ctx) {
    long id = id(ctx);
    if (!store.write(s -> new SavedRuns(s).delete(id))) {
      throw notSaved(ctx);
    }
    ctx.status(204);
  }

  /** The id in the path; a path that is no saved run's id (not a positive integer) is not found either. */
  private static long id(Context ctx) {
    String given = ctx.pathParam("id");
    if (!given.matches("[1-9][0-9]{0,17}")) {
      throw notSaved(ctx);
    }
    return Long.parseLong(given);
  }

  private static ApiException notSaved(Context ctx) {
    return ApiException.notFound("no saved run '" + ctx.pathParam("id") + "': GET " + PATH + " lists them");
  }

  private static String text(JsonNode body, String field, List<ApiProblem> problems) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      problems.add(new ApiProblem(field, null, "required"));
      return null;
    }
    if (!node.isTextual()) {
      problems.add(new ApiProblem(field, node.toString(), "expected a string"));
      return null;
    }
    return node.asText();
  }

  /** The run's result as {@code GET /api/v1/runs/{id}/result} answers it. */
  private static String resultText(Run run) {
    if (run.result().memoryBytes() + run.result().diskBytes() > MAX_RESULT_BYTES) {
      throw new ApiException(413, "run " + run.id() + "'s result takes " + RunManager.mib(run.result().memoryBytes()
          + run.result().diskBytes()) + ", more than the " + RunManager.mib(MAX_RESULT_BYTES) + " a saved run may hold:"
          + " save a run with fewer cells or a shorter horizon");
    }
    return switch (run.result()) {
      case RunResult.InMemory(byte[] bytes) -> new String(bytes, StandardCharsets.UTF_8);
      case RunResult.OnDisk(java.nio.file.Path file, long bytes) -> {
        try {
          yield Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
          throw new ApiException(409, "run " + run.id() + " has just been forgotten (older runs make room for new ones):"
              + " run it again, then save it");
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the result of run " + run.id() + " from " + file, e);
        }
      }
    };
  }
}
