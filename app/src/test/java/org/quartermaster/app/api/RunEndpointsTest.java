package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.engine.result.ResultJson;
import org.quartermaster.engine.scenario.ScenarioReader;
import org.quartermaster.engine.simulation.SimulationOptions;
import org.quartermaster.engine.simulation.Sm1Simulator;

class RunEndpointsTest {
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = ApiFixture.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static String startRun(ApiFixture server, Map<String, Object> request) {
    HttpResponse<String> response = server.postJson("/api/v1/runs", request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return ApiFixture.json(response).get("id").asText();
  }

  static JsonNode awaitTerminal(ApiFixture server, String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = ApiFixture.json(server.get("/api/v1/runs/" + id));
      if (List.of("done", "failed", "cancelled").contains(status.get("status").asText())) {
        return status;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("run " + id + " did not finish");
  }

  @Test
  void start_exampleScenario_returns202QueuedAtOnce() {
    HttpResponse<String> response = api.postJson("/api/v1/runs",
        Map.of("scenario_id", "illustrative-manpads", "runs", 256, "seed", 7));

    JsonNode body = ApiFixture.json(response);
    assertThat(response.statusCode()).isEqualTo(202);
    List<String> keys = new ArrayList<>();
    body.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrder("id", "status");
    assertThat(body.get("status").asText()).isEqualTo("queued");
    assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/runs/" + body.get("id").asText());
  }

  @Test
  void run_smallExample_completesWithTheSameResultAsTheEngine() throws Exception {
    String id = startRun(api, Map.of("scenario_id", "illustrative-manpads", "runs", 600, "seed", 11));

    JsonNode status = awaitTerminal(api, id);
    HttpResponse<String> result = api.get("/api/v1/runs/" + id + "/result");

    assertThat(status).isEqualTo(ApiFixture.json("{\"id\": \"" + id + "\", \"status\": \"done\","
        + " \"progress\": {\"done\": 600, \"total\": 600}, \"message\": null}"));
    assertThat(result.statusCode()).isEqualTo(200);
    JsonNode json = ApiFixture.json(result);
    assertThat(json.get("model").asText()).isNotBlank();
    assertThat(json.get("scenario").asText()).isEqualTo("Illustrative MANPADS replenishment");
    assertThat(json.get("mode").asText()).isEqualTo("stochastic");
    assertThat(json.get("runs").asInt()).isEqualTo(600);
    assertThat(json.get("horizon_months").asInt()).isEqualTo(120);
    String yaml = ApiFixture.json(api.get("/api/v1/scenarios/illustrative-manpads")).get("yaml").asText();
    String direct = ResultJson.toJson(Sm1Simulator.run(ScenarioReader.parse(yaml, "x"),
        SimulationOptions.stochastic(600, 11).withThreads(1)));
    assertThat(result.body()).isEqualTo(direct);
  }

  @Test
  void run_deterministicYaml_completes() throws Exception {
    String id = startRun(api, Map.of("yaml", ScenarioEndpointsTest.VALID, "deterministic", true));

    JsonNode status = awaitTerminal(api, id);

    assertThat(status.get("status").asText()).isEqualTo("done");
    assertThat(ApiFixture.json(api.get("/api/v1/runs/" + id + "/result")).get("mode").asText())
        .isEqualTo("deterministic");
  }

  @Test
  void run_savedScenarioById_givesTheSameResultAsItsYaml() throws Exception {
    String yaml = ApiFixture.json(api.get("/api/v1/scenarios/illustrative-manpads")).get("yaml").asText()
        .replace("name: Illustrative MANPADS replenishment", "name: Saved for a run");
    HttpResponse<String> saved = api.post("/api/v1/scenarios", "application/yaml", yaml);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    String scenarioId = ApiFixture.json(saved).get("id").asText();

    String byId = startRun(api, Map.of("scenario_id", scenarioId, "runs", 200, "seed", 5));
    String byText = startRun(api, Map.of("yaml", yaml, "runs", 200, "seed", 5));

    assertThat(awaitTerminal(api, byId).get("status").asText()).isEqualTo("done");
    assertThat(awaitTerminal(api, byText).get("status").asText()).isEqualTo("done");
    assertThat(api.get("/api/v1/runs/" + byId + "/result").body())
        .isEqualTo(api.get("/api/v1/runs/" + byText + "/result").body());
    assertThat(ApiFixture.json(api.get("/api/v1/runs/" + byId + "/result")).get("scenario").asText())
        .isEqualTo("Saved for a run");
  }

  @Test
  void events_smallRun_streamsProgressThenDone() {
    String id = startRun(api, Map.of("scenario_id", "illustrative-manpads", "runs", 512, "seed", 3));

    HttpResponse<String> response = api.send(api.request("/api/v1/runs/" + id + "/events")
        .header("Accept", "text/event-stream"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    String body = response.body();
    assertThat(body).contains("event: done");
    String last = body.substring(body.lastIndexOf("event: done"));
    assertThat(last).contains("\"status\":\"done\"", "\"done\":512", "\"total\":512");
    int progress = body.indexOf("event: progress");
    assertThat(progress == -1 || progress < body.indexOf("event: done")).isTrue();
  }

  @Test
  void events_withoutAcceptEventStream_returns406() {
    String id = startRun(api, Map.of("yaml", ScenarioEndpointsTest.VALID, "runs", 10));

    HttpResponse<String> response = api.get("/api/v1/runs/" + id + "/events");

    assertThat(response.statusCode()).isEqualTo(406);
    assertThat(ApiFixture.json(response).get("status").asInt()).isEqualTo(406);
  }

  @Test
  void unknownRun_statusResultEventsDelete_return404() {
    for (HttpResponse<String> response : List.of(api.get("/api/v1/runs/nope"), api.get("/api/v1/runs/nope/result"),
        api.get("/api/v1/runs/nope/events"), api.delete("/api/v1/runs/nope"))) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json(
          "{\"status\":404,\"message\":\"no run 'nope'\",\"problems\":[]}"));
    }
  }

  @Test
  void start_badFields_returns400WithEveryProblem() {
    HttpResponse<String> response = api.postJson("/api/v1/runs",
        Map.of("scenario_id", "illustrative-manpads", "runs", "many", "deterministic", "yes", "colour", 1));

    JsonNode body = ApiFixture.json(response);
    List<String> paths = new ArrayList<>();
    body.get("problems").forEach(p -> paths.add(p.get("path").asText()));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body.get("message").asText()).isEqualTo("3 problems with the request");
    assertThat(paths).containsExactlyInAnyOrder("colour", "runs", "deterministic");
  }

  @Test
  void start_bothOrNeitherScenario_returns400() {
    assertThat(api.postJson("/api/v1/runs", Map.of("runs", 5)).statusCode()).isEqualTo(400);
    assertThat(api.postJson("/api/v1/runs", Map.of("scenario_id", "x", "yaml", "y")).statusCode()).isEqualTo(400);
  }

  @Test
  void start_unknownScenario_returns404() {
    HttpResponse<String> response = api.postJson("/api/v1/runs", Map.of("scenario_id", "atlantis"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(ApiFixture.json(response).get("message").asText()).isEqualTo("no scenario 'atlantis'");
  }

  @Test
  void start_invalidScenario_returns400WithTheScenarioProblems() {
    HttpResponse<String> response = api.postJson("/api/v1/runs",
        Map.of("yaml", ScenarioEndpointsTest.invalidFixture("multiple_problems.yaml")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response).get("problems").size()).isEqualTo(5);
  }

  @Test
  void start_tooManyRuns_returns413NamingRuns() {
    HttpResponse<String> response = api.postJson("/api/v1/runs",
        Map.of("scenario_id", "illustrative-manpads", "runs", 1_000_001));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json("""
        {"status": 413, "message": "the run asked for is too large",
         "problems": [{"path": "runs", "value": "1000001", "message": "at most 1000000 runs"}]}
        """));
  }

  @Test
  void start_horizonOver600Months_returns413NamingTheHorizon() {
    String yaml = ScenarioEndpointsTest.VALID.replace("horizon_months: 3", "horizon_months: 601");

    HttpResponse<String> response = api.postJson("/api/v1/runs", Map.of("yaml", yaml, "runs", 10));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(ApiFixture.json(response).get("problems").get(0).get("path").asText())
        .isEqualTo("scenario.horizon_months");
  }

  @Test
  void start_runsTimesMonthsTimesCellsOverTheLimit_returns413() {
    String yaml = """
        name: wide
        horizon_months: 600
        items: [{id: shell}]
        holders: [{id: A}, {id: B}, {id: C}, {id: D}]
        stocks:
          - {holder: A, item: shell, initial: 10}
          - {holder: B, item: shell, initial: 10}
          - {holder: C, item: shell, initial: 10}
          - {holder: D, item: shell, initial: 10}
        """;

    HttpResponse<String> response = api.postJson("/api/v1/runs", Map.of("yaml", yaml, "runs", 1_000_000));

    JsonNode problem = ApiFixture.json(response).get("problems").get(0);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(problem.get("path").asText()).isEqualTo("runs");
    assertThat(problem.get("message").asText())
        .isEqualTo("runs × horizon_months × cells = 1000000 × 600 × 4 is over the limit of 2000000000");
  }

  @Test
  void cancel_runningAndQueuedRuns_stopsBothAndFullPoolReturns503() throws Exception {
    ApiSettings oneAtATime = ApiSettings.loopback(0)
        .withLimits(new ApiSettings.RunLimits(1_000_000, 600, 2e9, 1, 1));
    try (ApiFixture server = ApiFixture.start(oneAtATime)) {
      Map<String, Object> big = Map.of("scenario_id", "illustrative-manpads", "runs", 1_000_000);
      String running = startRun(server, big);
      String queued = startRun(server, big);
      HttpResponse<String> refused = server.postJson("/api/v1/runs", big);

      HttpResponse<String> cancelQueued = server.delete("/api/v1/runs/" + queued);
      HttpResponse<String> cancelRunning = server.delete("/api/v1/runs/" + running);
      JsonNode runningEnd = awaitTerminal(server, running);

      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(ApiFixture.json(refused).get("status").asInt()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(cancelQueued.statusCode()).isEqualTo(200);
      assertThat(ApiFixture.json(cancelQueued).get("status").asText()).isEqualTo("cancelled");
      assertThat(cancelRunning.statusCode()).isEqualTo(200);
      assertThat(runningEnd.get("status").asText()).isEqualTo("cancelled");
      assertThat(runningEnd.get("progress").get("done").asLong()).isLessThan(1_000_000);
      HttpResponse<String> result = server.get("/api/v1/runs/" + running + "/result");
      assertThat(result.statusCode()).isEqualTo(409);
      assertThat(ApiFixture.json(result).get("message").asText()).isEqualTo("run " + running + " is cancelled, not done");
    }
  }

  @Test
  void cancel_doneRun_returns409() throws Exception {
    String id = startRun(api, Map.of("yaml", ScenarioEndpointsTest.VALID, "runs", 10));
    awaitTerminal(api, id);

    HttpResponse<String> response = api.delete("/api/v1/runs/" + id);

    assertThat(response.statusCode()).isEqualTo(409);
  }
}
