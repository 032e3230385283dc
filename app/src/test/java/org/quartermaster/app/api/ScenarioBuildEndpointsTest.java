package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.engine.scenario.ScenarioReader;

/** {@code POST /api/v1/scenarios/build} against a real server on 127.0.0.1 with the bundled store. */
class ScenarioBuildEndpointsTest {
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = ApiFixture.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void build_stinger_answersTheItemTheYamlItsAssumptionsAndItsSourcedNumbers() {
    HttpResponse<String> response = api.postJson(ScenarioBuildEndpoints.PATH, Map.of("item", "stinger",
        "holders", List.of("USA", "UKR"), "start", "2025-01", "horizon", 60, "rate_basis", "actual",
        "assume", Map.of("stocks[USA/stinger].initial", "2000")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = ApiFixture.json(response);
    assertThat(body.get("item").toString()).isEqualTo("{\"id\":\"stinger\",\"name\":\"FIM-92 Stinger\",\"unit\":\"missiles\"}");
    assertThat(ScenarioReader.parse(body.get("yaml").asText(), "answer").stocks()).hasSize(2);
    JsonNode initial = find(body.get("assumptions"), "stocks[USA/stinger].initial");
    assertThat(initial.get("value").asDouble()).isEqualTo(2000.0);
    assertThat(initial.get("set_by_user").asBoolean()).isTrue();
    assertThat(initial.get("rationale").asText()).isNotBlank();
    assertThat(find(body.get("assumptions"), "stocks[UKR/stinger].initial").get("set_by_user").asBoolean()).isFalse();
    JsonNode base = find(body.get("sourced"), "lines[usa-stinger].base_per_month");
    assertThat(base.get("value").asDouble()).isZero();
    assertThat(base.at("/source/rows").toString()).isEqualTo("[\"d3:r24\"]");
    assertThat(base.at("/source/url").asText()).startsWith("https://");
    assertThat(base.at("/source/publisher").asText()).isEqualTo("RTX (Raytheon)");
    assertThat(base.at("/source/date").asText()).isEqualTo("2003");
    assertThat(base.at("/source").has("title")).isTrue();
  }

  @Test
  void build_badInput_is400WithEveryProblemAsFieldValueAndMessage() {
    HttpResponse<String> response = api.postJson(ScenarioBuildEndpoints.PATH, Map.of("item", "stingr",
        "holders", List.of("USA", "XQZ"), "start", "2025-13", "horizon", 601));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = ApiFixture.json(response);
    assertThat(fields(body)).containsExactly("item", "holders", "start", "horizon");
    assertThat(body.at("/problems/0/value").asText()).isEqualTo("stingr");
    assertThat(body.at("/problems/0/message").asText()).contains("did you mean", "(stinger)");
    assertThat(body.at("/problems/1/value").asText()).isEqualTo("XQZ");

    HttpResponse<String> path = api.postJson(ScenarioBuildEndpoints.PATH, Map.of("item", "stinger",
        "holders", List.of("USA"), "start", "2025-01", "horizon", 12, "assume", Map.of("stocks[USA/x].initial", "1")));
    assertThat(path.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(path).at("/problems/0/path").asText()).isEqualTo("assume");
    assertThat(ApiFixture.json(path).at("/problems/0/message").asText()).contains("unknown path 'stocks[USA/x].initial'",
        "stocks[USA/stinger].initial");

    HttpResponse<String> shape = api.post(ScenarioBuildEndpoints.PATH, "application/json",
        "{\"item\": 5, \"holders\": \"USA\", \"horizon\": \"sixty\", \"colour\": 1}");
    assertThat(shape.statusCode()).isEqualTo(400);
    assertThat(fields(ApiFixture.json(shape))).containsExactlyInAnyOrder("colour", "item", "holders", "horizon");
    assertThat(api.post(ScenarioBuildEndpoints.PATH, "application/json", "not json").statusCode()).isEqualTo(400);
  }

  @Test
  void rebuild_savedBuiltScenario_answersTheChangesAndSavesOnlyWhenAsked() {
    String built = ApiFixture.json(api.postJson(ScenarioBuildEndpoints.PATH, Map.of("item", "stinger",
        "holders", List.of("USA", "UKR"), "start", "2025-01", "horizon", 24,
        "assume", Map.of("stocks[USA/stinger].initial", "2000")))).get("yaml").asText();
    String older = built.replaceFirst("(?m)^(\\s+initial: )2000\\b", "$11500");
    assertThat(older).isNotEqualTo(built);
    assertThat(api.postJson("/api/v1/scenarios", Map.of("id", "rebuild-probe", "yaml", older)).statusCode())
        .isEqualTo(201);

    HttpResponse<String> diff = api.postJson("/api/v1/scenarios/rebuild-probe/rebuild", Map.of());
    HttpResponse<String> empty = api.post("/api/v1/scenarios/rebuild-probe/rebuild", "application/json", "");
    String stillSaved = ApiFixture.json(api.get("/api/v1/scenarios/rebuild-probe")).get("yaml").asText();
    HttpResponse<String> saved = api.postJson("/api/v1/scenarios/rebuild-probe/rebuild", Map.of("save", true));
    String nowSaved = ApiFixture.json(api.get("/api/v1/scenarios/rebuild-probe")).get("yaml").asText();
    HttpResponse<String> again = api.postJson("/api/v1/scenarios/rebuild-probe/rebuild", Map.of("save", false));

    assertThat(diff.statusCode()).as(diff.body()).isEqualTo(200);
    JsonNode answer = ApiFixture.json(diff);
    assertThat(answer.get("yaml").asText()).isEqualTo(built);
    assertThat(answer.get("saved").asBoolean()).isFalse();
    assertThat(answer.get("changes")).hasSize(1);
    JsonNode change = answer.at("/changes/0");
    assertThat(change.get("path").asText()).isEqualTo("stocks[USA/stinger].initial");
    assertThat(change.get("old").asDouble()).isEqualTo(1500.0);
    assertThat(change.get("new").asDouble()).isEqualTo(2000.0);
    assertThat(change.get("source").asText()).startsWith("ASSUMPTION:");
    assertThat(ApiFixture.json(empty).get("changes")).hasSize(1);
    assertThat(stillSaved).isEqualTo(older);
    assertThat(ApiFixture.json(saved).get("saved").asBoolean()).isTrue();
    assertThat(nowSaved).isEqualTo(built);
    assertThat(ApiFixture.json(again).get("changes")).isEmpty();
  }

  @Test
  void rebuild_unknownExampleOrHandWrittenScenarioOrBadBody_isRefusedWithWhatToDo() {
    String example = ApiFixture.json(api.get("/api/v1/scenarios/stinger-nspa")).get("yaml").asText();
    assertThat(api.postJson("/api/v1/scenarios", Map.of("id", "hand-written", "yaml", example)).statusCode())
        .isEqualTo(201);

    HttpResponse<String> unknown = api.postJson("/api/v1/scenarios/nothing-here/rebuild", Map.of());
    HttpResponse<String> bundled = api.postJson("/api/v1/scenarios/stinger-nspa/rebuild", Map.of());
    HttpResponse<String> handWritten = api.postJson("/api/v1/scenarios/hand-written/rebuild", Map.of("save", true));
    HttpResponse<String> badBody = api.post("/api/v1/scenarios/hand-written/rebuild", "application/json",
        "{\"save\": \"yes\", \"colour\": 1}");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(ApiFixture.json(unknown).get("message").asText()).contains("no saved scenario 'nothing-here'");
    assertThat(bundled.statusCode()).isEqualTo(409);
    assertThat(ApiFixture.json(bundled).get("message").asText()).contains("bundled example, not a built scenario");
    assertThat(handWritten.statusCode()).isEqualTo(409);
    assertThat(ApiFixture.json(handWritten).at("/problems/0/path").asText()).isEqualTo("scenario");
    assertThat(ApiFixture.json(handWritten).at("/problems/0/value").asText()).isEqualTo("hand-written");
    assertThat(ApiFixture.json(handWritten).get("message").asText()).contains("not a built scenario");
    assertThat(ApiFixture.json(api.get("/api/v1/scenarios/hand-written")).get("yaml").asText()).isEqualTo(example);
    assertThat(badBody.statusCode()).isEqualTo(400);
    assertThat(fields(ApiFixture.json(badBody))).containsExactlyInAnyOrder("save", "colour");
  }

  private static List<String> fields(JsonNode error) {
    List<String> fields = new ArrayList<>();
    error.get("problems").forEach(p -> fields.add(p.get("path").asText()));
    return fields;
  }

  private static JsonNode find(JsonNode list, String path) {
    for (JsonNode entry : list) {
      if (entry.get("path").asText().equals(path)) {
        return entry;
      }
    }
    throw new AssertionError("no " + path + " in " + list);
  }
}
