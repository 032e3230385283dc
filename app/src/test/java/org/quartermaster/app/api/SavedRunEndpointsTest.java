package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.app.api.RunEndpointsTest.awaitTerminal;
import static org.quartermaster.app.api.RunEndpointsTest.startRun;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;
import org.quartermaster.engine.sweep.SweepMetadata;
import org.quartermaster.engine.scenario.ScenarioReader;

/** Keeping runs: POST, GET, DELETE /api/v1/saved-runs against a real server and store. */
class SavedRunEndpointsTest {
  private static Store store;
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    store = ApiFixture.seededStore();
    api = ApiFixture.start(() -> store);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static String finishedRun(Map<String, Object> request) throws InterruptedException {
    String id = startRun(api, request);
    assertThat(awaitTerminal(api, id).get("status").asText()).isEqualTo("done");
    return id;
  }

  private static HttpResponse<String> save(Object body) {
    return api.post(SavedRunEndpoints.PATH, "application/json", ApiFixture.toJson(body));
  }

  /** What must not change when a request is refused: every table and the saved runs. */
  private static Map<String, Object> snapshot() {
    Map<String, Object> state = new LinkedHashMap<>(StoreCounts.of(store));
    state.put("saved runs", StoreCounts.count(store, "SELECT count(*) FROM saved_runs"));
    state.put("list", api.get(SavedRunEndpoints.PATH).body());
    return state;
  }

  @Test
  void save_finishedRun_keepsItsScenarioHashOptionsAndTheServersResult() throws Exception {
    String yaml = ScenarioEndpointsTest.VALID + "# ASSUMPTION: a comment kept with the text\n";
    String runId = finishedRun(Map.of("yaml", yaml, "runs", 50, "seed", 7));
    String result = api.get("/api/v1/runs/" + runId + "/result").body();

    HttpResponse<String> saved = save(Map.of("name", "  Tiny, seed 7 ", "run_id", runId));

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    JsonNode summary = ApiFixture.json(saved);
    long id = summary.get("id").asLong();
    assertThat(saved.headers().firstValue("Location")).hasValue(SavedRunEndpoints.PATH + "/" + id);
    assertThat(summary.has("yaml")).isFalse();
    assertThat(summary.has("result")).isFalse();
    JsonNode one = ApiFixture.json(api.get(SavedRunEndpoints.PATH + "/" + id));
    assertThat(one.get("name").asText()).isEqualTo("Tiny, seed 7");
    assertThat(one.get("scenario").asText()).isEqualTo("tiny");
    assertThat(one.get("scenario_sha256").asText()).isEqualTo(SweepMetadata.sha256(ScenarioReader.parse(yaml, "x")));
    assertThat(one.get("mode").asText()).isEqualTo("stochastic");
    assertThat(one.get("runs").asInt()).isEqualTo(50);
    assertThat(one.get("seed").asLong()).isEqualTo(7);
    assertThat(one.get("yaml").asText()).isEqualTo(yaml);
    assertThat(one.get("result")).isEqualTo(ApiFixture.json(result));
    List<Long> listed = ApiFixture.json(api.get(SavedRunEndpoints.PATH)).get("runs").findValues("id").stream()
        .map(JsonNode::asLong).toList();
    assertThat(listed).contains(id);
  }

  @Test
  void save_deterministicRun_hasNoSeed() throws Exception {
    String runId = finishedRun(Map.of("yaml", ScenarioEndpointsTest.VALID, "deterministic", true));

    JsonNode summary = ApiFixture.json(save(Map.of("name", "expected values", "run_id", runId)));

    assertThat(summary.get("mode").asText()).isEqualTo("deterministic");
    assertThat(summary.get("runs").asInt()).isEqualTo(1);
    assertThat(summary.get("seed").isNull()).isTrue();
  }

  @Test
  void save_badBody_returns400WithEveryProblemAndSavesNothing() {
    Map<String, Object> before = snapshot();

    HttpResponse<String> response = save(Map.of("name", "", "run_id", 12, "result", "{}"));
    HttpResponse<String> unknownRun = save(Map.of("name", "x", "run_id", "no-such-run"));
    HttpResponse<String> notJson = api.post(SavedRunEndpoints.PATH, "application/json", "{");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response).get("problems").findValuesAsText("path"))
        .containsExactlyInAnyOrder("name", "run_id", "result");
    assertThat(unknownRun.statusCode()).isEqualTo(400);
    assertThat(unknownRun.body()).contains("run_id").contains("no run with this id");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void save_fromAnotherOrigin_isRefused403AndSavesNothing() throws Exception {
    String runId = finishedRun(Map.of("yaml", ScenarioEndpointsTest.VALID, "deterministic", true));
    Map<String, Object> before = snapshot();

    HttpResponse<String> foreign = api.send(api.request(SavedRunEndpoints.PATH).header("Content-Type", "application/json")
        .header("Origin", "http://evil.example")
        .POST(HttpRequest.BodyPublishers.ofString(ApiFixture.toJson(Map.of("name", "x", "run_id", runId)))));

    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void delete_savedRun_removesItAndThenAnswers404() throws Exception {
    String runId = finishedRun(Map.of("yaml", ScenarioEndpointsTest.VALID, "deterministic", true));
    long id = ApiFixture.json(save(Map.of("name", "to delete", "run_id", runId))).get("id").asLong();

    HttpResponse<String> deleted = api.delete(SavedRunEndpoints.PATH + "/" + id);
    HttpResponse<String> again = api.delete(SavedRunEndpoints.PATH + "/" + id);

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(api.get(SavedRunEndpoints.PATH + "/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void get_idThatIsNoNumber_returns404NamingIt() {
    HttpResponse<String> response = api.get(SavedRunEndpoints.PATH + "/abc");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(ApiFixture.json(response).get("message").asText()).contains("'abc'");
  }
}
