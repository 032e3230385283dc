package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreCounts;

/** Saving scenarios through the API: POST, PUT, DELETE /api/v1/scenarios, and reading them back. */
class SavedScenarioEndpointsTest {
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

  static String scenario(String name) {
    return ScenarioEndpointsTest.VALID.replace("name: tiny", "name: " + name);
  }

  private static HttpResponse<String> create(String yaml) {
    return api.post("/api/v1/scenarios", "application/yaml", yaml);
  }

  private static HttpResponse<String> createJson(Map<String, Object> body) {
    return api.post("/api/v1/scenarios", "application/json", ApiFixture.toJson(body));
  }

  /** What must not change when a request is refused: the saved scenarios and every table. */
  private static Map<String, Object> snapshot() {
    Map<String, Object> state = new LinkedHashMap<>(StoreCounts.of(store));
    state.put("scenarios", ApiFixture.json(api.get("/api/v1/scenarios")));
    return state;
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.get("scenarios").forEach(s -> ids.add(s.get("id").asText()));
    return ids;
  }

  @Test
  void create_yamlBody_returns201WithLocationAndTheSavedScenario() {
    HttpResponse<String> response = create(scenario("Shells for Alpha"));

    JsonNode body = ApiFixture.json(response);
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/scenarios/shells-for-alpha");
    Instant updated = Instant.parse(body.get("updated_at").asText());
    assertThat(updated).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    ((ObjectNode) body).remove("updated_at");
    ObjectNode expected = (ObjectNode) ApiFixture.json("""
        {"id": "shells-for-alpha", "name": "Shells for Alpha", "horizon_months": 3, "start": null, "runs": null,
         "seed": null, "items": 1, "holders": 1, "lines": 0, "stocks": 1, "transfers": 0, "cells": 1,
         "kind": "saved"}
        """);
    expected.put("yaml", scenario("Shells for Alpha"));
    assertThat(body).isEqualTo(expected);
    List<String> keys = new ArrayList<>();
    ApiFixture.json(response).fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("id", "name", "horizon_months", "start", "runs", "seed", "items", "holders",
        "lines", "stocks", "transfers", "cells", "kind", "updated_at", "yaml");
  }

  @Test
  void create_jsonWithId_savesUnderThatIdAndGetReturnsIt() {
    HttpResponse<String> response = createJson(Map.of("yaml", scenario("Named by id"), "id", "my-own-id-1"));

    HttpResponse<String> read = api.get("/api/v1/scenarios/my-own-id-1");
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(ApiFixture.json(read)).isEqualTo(ApiFixture.json(response));
    assertThat(ApiFixture.json(read).get("kind").asText()).isEqualTo("saved");
  }

  @Test
  void create_sameNameAgain_derivesTheNextFreeSuffix() {
    String yaml = scenario("Twice – Ünïcode & Co (2024)");

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> response = create(yaml);
      assertThat(response.statusCode()).isEqualTo(201);
      ids.add(ApiFixture.json(response).get("id").asText());
    }

    assertThat(ids).containsExactly("twice-unicode-co-2024", "twice-unicode-co-2024-2", "twice-unicode-co-2024-3");
  }

  @Test
  void create_nameWithoutLettersOrDigits_getsTheFallbackId() {
    HttpResponse<String> response = create(scenario("\"–––\""));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(ApiFixture.json(response).get("id").asText()).startsWith("scenario");
  }

  @Test
  void create_idOfAnExampleOrOfASavedScenario_returns409AndSavesNothing() {
    assertThat(createJson(Map.of("yaml", scenario("First"), "id", "taken-id")).statusCode()).isEqualTo(201);
    Map<String, Object> before = snapshot();

    HttpResponse<String> example = createJson(Map.of("yaml", scenario("Copy"), "id", "us-155mm-shells"));
    HttpResponse<String> saved = createJson(Map.of("yaml", scenario("Second"), "id", "taken-id"));

    assertThat(example.statusCode()).isEqualTo(409);
    assertThat(ApiFixture.json(example)).isEqualTo(ApiFixture.json("""
        {"status": 409, "message": "'us-155mm-shells' is the id of a bundled example: choose another id",
         "problems": []}
        """));
    assertThat(saved.statusCode()).isEqualTo(409);
    assertThat(ApiFixture.json(saved).get("message").asText())
        .isEqualTo("a saved scenario 'taken-id' exists already: change it with PUT /api/v1/scenarios/taken-id,"
            + " or choose another id");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(ApiFixture.json(api.get("/api/v1/scenarios/taken-id")).get("name").asText()).isEqualTo("First");
  }

  static List<Object[]> hostileBodies() {
    String valid = ApiFixture.toJson(scenario("Fine"));
    return List.of(
        new Object[] {"broken YAML", "application/yaml", "name: [unclosed\nhorizon_months: 3", "(file)"},
        new Object[] {"invalid scenario", "application/yaml", ScenarioEndpointsTest.invalidFixture(
            "multiple_problems.yaml"), "runs"},
        new Object[] {"huge numbers", "application/yaml", scenario("Huge").replace("horizon_months: 3",
            "horizon_months: 99999999999999999999999").replace("initial: 10", "initial: 1e400"), "horizon_months"},
        new Object[] {"unknown YAML key", "application/yaml", scenario("Odd") + "colour: red\n", "colour"},
        new Object[] {"unknown JSON field", "application/json", "{\"yaml\": " + valid + ", \"owner\": \"me\"}",
            "owner"},
        new Object[] {"injection in the id", "application/json",
            "{\"yaml\": " + valid + ", \"id\": \"x'; DROP TABLE scenarios; --\"}", "id"},
        new Object[] {"path in the id", "application/json", "{\"yaml\": " + valid + ", \"id\": \"../../etc\"}", "id"},
        new Object[] {"id too long", "application/json", "{\"yaml\": " + valid + ", \"id\": \"" + "a".repeat(65)
            + "\"}", "id"},
        new Object[] {"yaml not a string", "application/json", "{\"yaml\": 42}", "yaml"},
        new Object[] {"id not a string", "application/json", "{\"yaml\": " + valid + ", \"id\": 7}", "id"},
        new Object[] {"JSON not an object", "application/json", "[1, 2]", "(body)"},
        new Object[] {"malformed JSON", "application/json", "{\"yaml\": ", "(body)"},
        new Object[] {"empty body", "application/yaml", "", "(file)"});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileBodies")
  void create_hostileBody_returns400WithTheProblemsAndLeavesTheStoreUnchanged(
      String what, String type, String body, String firstPath) {
    Map<String, Object> before = snapshot();

    HttpResponse<String> response = api.post("/api/v1/scenarios", type, body);

    JsonNode json = ApiFixture.json(response);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json.get("status").asInt()).isEqualTo(400);
    List<String> paths = new ArrayList<>();
    json.get("problems").forEach(p -> paths.add(p.get("path").asText()));
    assertThat(paths).as(response.body()).contains(firstPath);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void create_invalidScenario_answersExactlyAsValidate() {
    String yaml = ScenarioEndpointsTest.invalidFixture("multiple_problems.yaml");

    HttpResponse<String> created = create(yaml);
    HttpResponse<String> validated = api.post("/api/v1/scenarios/validate", "application/yaml", yaml);

    assertThat(created.statusCode()).isEqualTo(400);
    assertThat(created.body()).isEqualTo(validated.body());
  }

  @Test
  void list_examplesFirstThenSavedScenariosByName() {
    create(scenario("Zulu list"));
    create(scenario("Alpha list"));

    JsonNode list = ApiFixture.json(api.get("/api/v1/scenarios"));

    List<String> ids = ids(list);
    assertThat(ids.subList(0, 3)).containsExactly("illustrative-manpads", "stinger-nspa", "us-155mm-shells");
    List<String> kinds = new ArrayList<>();
    List<String> savedNames = new ArrayList<>();
    list.get("scenarios").forEach(s -> {
      kinds.add(s.get("kind").asText());
      if (s.get("kind").asText().equals("saved")) {
        savedNames.add(s.get("name").asText());
        assertThat(Instant.parse(s.get("updated_at").asText())).isNotNull();
      } else {
        assertThat(s.get("updated_at").isNull()).isTrue();
      }
      assertThat(s.has("yaml")).isFalse();
    });
    assertThat(kinds.subList(0, 3)).containsOnly("example");
    assertThat(kinds.subList(3, kinds.size())).containsOnly("saved");
    assertThat(savedNames).contains("Alpha list", "Zulu list").isSorted();
  }

  @Test
  void one_example_hasKindExampleNoUpdateTimeAndItsYaml() {
    JsonNode body = ApiFixture.json(api.get("/api/v1/scenarios/stinger-nspa"));

    assertThat(body.get("kind").asText()).isEqualTo("example");
    assertThat(body.get("updated_at").isNull()).isTrue();
    assertThat(body.get("yaml").asText()).isNotBlank();
  }

  @Test
  void update_savedScenario_returns200WithTheNewTextAndKeepsTheId() throws InterruptedException {
    JsonNode created = ApiFixture.json(create(scenario("Before update")));
    String id = created.get("id").asText();
    Thread.sleep(5);

    HttpResponse<String> response = api.put("/api/v1/scenarios/" + id, "application/json",
        ApiFixture.toJson(Map.of("yaml", scenario("After update").replace("horizon_months: 3", "horizon_months: 6"),
            "id", id)));

    JsonNode body = ApiFixture.json(response);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.get("id").asText()).isEqualTo(id);
    assertThat(body.get("name").asText()).isEqualTo("After update");
    assertThat(body.get("horizon_months").asInt()).isEqualTo(6);
    assertThat(Instant.parse(body.get("updated_at").asText()))
        .isAfter(Instant.parse(created.get("updated_at").asText()));
    assertThat(ApiFixture.json(api.get("/api/v1/scenarios/" + id))).isEqualTo(body);
  }

  @Test
  void update_invalidTextOrOtherId_returns400AndKeepsTheOldText() {
    String id = ApiFixture.json(create(scenario("Keep me"))).get("id").asText();
    Map<String, Object> before = snapshot();

    HttpResponse<String> invalid = api.put("/api/v1/scenarios/" + id, "application/yaml", "horizon_months: -1\n");
    HttpResponse<String> otherId = api.put("/api/v1/scenarios/" + id, "application/json",
        ApiFixture.toJson(Map.of("yaml", scenario("Renamed"), "id", "another-id")));

    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(otherId.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(otherId).get("problems").get(0).get("path").asText()).isEqualTo("id");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(ApiFixture.json(api.get("/api/v1/scenarios/" + id)).get("name").asText()).isEqualTo("Keep me");
  }

  @Test
  void update_unknownId_returns404() {
    HttpResponse<String> response = api.put("/api/v1/scenarios/no-such-one", "application/yaml", scenario("X"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json(
        "{\"status\": 404, \"message\": \"no saved scenario 'no-such-one'\", \"problems\": []}"));
  }

  @Test
  void updateOrDelete_example_returns409SayingExamplesAreReadOnly() {
    Map<String, Object> before = snapshot();

    HttpResponse<String> put = api.put("/api/v1/scenarios/us-155mm-shells", "application/yaml", scenario("Mine"));
    HttpResponse<String> delete = api.delete("/api/v1/scenarios/us-155mm-shells");

    assertThat(put.statusCode()).isEqualTo(409);
    assertThat(ApiFixture.json(put).get("message").asText()).isEqualTo("'us-155mm-shells' is a bundled example, and"
        + " examples are read-only: save a copy under a new id with POST /api/v1/scenarios");
    assertThat(delete.statusCode()).isEqualTo(409);
    assertThat(ApiFixture.json(delete).get("message").asText()).contains("examples are read-only");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void delete_savedScenario_returns204AndItIsGone() {
    String id = ApiFixture.json(create(scenario("Delete me"))).get("id").asText();

    HttpResponse<String> response = api.delete("/api/v1/scenarios/" + id);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(api.get("/api/v1/scenarios/" + id).statusCode()).isEqualTo(404);
    assertThat(ids(ApiFixture.json(api.get("/api/v1/scenarios")))).doesNotContain(id);
    assertThat(api.delete("/api/v1/scenarios/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void get_injectionInThePath_returns404AndChangesNothing() {
    Map<String, Object> before = snapshot();

    HttpResponse<String> response = api.get("/api/v1/scenarios/x'%20OR%20'1'%3D'1");
    HttpResponse<String> delete = api.delete("/api/v1/scenarios/x'%20OR%20'1'%3D'1");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(delete.statusCode()).isEqualTo(404);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void exposed_savingWithoutToken_returns401AndWithTokenIsServed() {
    try (ApiFixture exposed = ApiFixture.start(ApiSettings.loopback(0).withToken("s3cret", true))) {
      String yaml = scenario("Guarded");
      HttpResponse<String> post = exposed.post("/api/v1/scenarios", "application/yaml", yaml);
      HttpResponse<String> put = exposed.put("/api/v1/scenarios/guarded", "application/yaml", yaml);
      HttpResponse<String> delete = exposed.delete("/api/v1/scenarios/guarded");
      for (HttpResponse<String> response : List.of(post, put, delete)) {
        assertThat(response.statusCode()).isEqualTo(401);
      }
      assertThat(ids(ApiFixture.json(exposed.get("/api/v1/scenarios")))).doesNotContain("guarded");

      HttpResponse<String> created = exposed.send(exposed.request("/api/v1/scenarios")
          .header("Authorization", "Bearer s3cret").header("Content-Type", "application/yaml")
          .POST(HttpRequest.BodyPublishers.ofString(yaml)));
      HttpResponse<String> updated = exposed.send(exposed.request("/api/v1/scenarios/guarded")
          .header("Authorization", "Bearer s3cret").PUT(HttpRequest.BodyPublishers.ofString(yaml)));
      HttpResponse<String> deleted = exposed.send(exposed.request("/api/v1/scenarios/guarded")
          .header("Authorization", "Bearer s3cret").DELETE());
      assertThat(List.of(created.statusCode(), updated.statusCode(), deleted.statusCode()))
          .containsExactly(201, 200, 204);
    }
  }
}
