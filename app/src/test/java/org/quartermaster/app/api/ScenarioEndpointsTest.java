package org.quartermaster.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.Problem;
import org.quartermaster.engine.scenario.ScenarioReader;

class ScenarioEndpointsTest {
  static final String VALID = """
      name: tiny
      horizon_months: 3
      items: [{id: shell}]
      holders: [{id: USA}]
      stocks: [{holder: USA, item: shell, initial: 10}]
      """;

  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = ApiFixture.start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static String invalidFixture(String name) {
    try (InputStream in = ScenarioEndpointsTest.class.getClassLoader()
        .getResourceAsStream("scenarios/invalid/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void list_noneSaved_returnsTheBundledExamplesWithSummaries() {
    HttpResponse<String> response = api.get("/api/v1/scenarios");

    JsonNode scenarios = ApiFixture.json(response).get("scenarios");
    List<String> ids = new ArrayList<>();
    scenarios.forEach(s -> ids.add(s.get("id").asText()));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ids).containsExactly("illustrative-manpads", "stinger-nspa", "us-155mm-shells");
    List<String> keys = new ArrayList<>();
    scenarios.get(0).fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("id", "name", "horizon_months", "start", "runs", "seed", "items", "holders",
        "lines", "stocks", "transfers", "cells", "kind", "updated_at");
    assertThat(scenarios.get(0).get("kind").asText()).isEqualTo("example");
    assertThat(scenarios.get(0).get("updated_at").isNull()).isTrue();
    assertThat(scenarios.get(0).get("name").asText()).isEqualTo("Illustrative MANPADS replenishment");
    assertThat(scenarios.get(0).get("horizon_months").asInt()).isEqualTo(120);
  }

  @Test
  void one_knownId_returnsSummaryAndYaml() {
    HttpResponse<String> response = api.get("/api/v1/scenarios/illustrative-manpads");

    JsonNode body = ApiFixture.json(response);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.get("id").asText()).isEqualTo("illustrative-manpads");
    assertThat(body.get("yaml").asText()).contains("name: Illustrative MANPADS replenishment");
    assertThat(ScenarioReader.parse(body.get("yaml").asText(), "x").horizonMonths()).isEqualTo(120);
  }

  @Test
  void one_unknownId_returns404() {
    HttpResponse<String> response = api.get("/api/v1/scenarios/atlantis");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json(
        "{\"status\":404,\"message\":\"no scenario 'atlantis'\",\"problems\":[]}"));
  }

  @Test
  void validate_validYamlBody_returns200WithSummary() {
    HttpResponse<String> response = api.post("/api/v1/scenarios/validate", "application/yaml", VALID);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ApiFixture.json(response)).isEqualTo(ApiFixture.json("""
        {"valid": true, "name": "tiny", "horizon_months": 3, "start": null, "runs": null, "seed": null,
         "items": 1, "holders": 1, "lines": 0, "stocks": 1, "transfers": 0, "cells": 1}
        """));
  }

  @Test
  void validate_jsonWithYamlField_returns200() {
    HttpResponse<String> response = api.postJson("/api/v1/scenarios/validate", Map.of("yaml", VALID));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ApiFixture.json(response).get("valid").asBoolean()).isTrue();
  }

  @Test
  void validate_scenarioWithFiveProblems_returns400WithTheSameProblemsAsQmValidate() {
    String yaml = invalidFixture("multiple_problems.yaml");
    List<Problem> expected = catchThrowableOfType(InvalidScenarioException.class,
        () -> ScenarioReader.parse(yaml, "request")).problems();

    HttpResponse<String> response = api.post("/api/v1/scenarios/validate", "application/yaml", yaml);

    JsonNode body = ApiFixture.json(response);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("message").asText()).isEqualTo("invalid scenario, 5 problems");
    List<Problem> got = new ArrayList<>();
    body.get("problems").forEach(p -> got.add(new Problem(p.get("path").asText(),
        p.get("value").isNull() ? null : p.get("value").asText(), p.get("message").asText())));
    assertThat(got).isEqualTo(expected).hasSize(5);
    assertThat(got).extracting(Problem::path).containsExactlyInAnyOrder("runs", "items[1].id",
        "lines[0].disruption.probability", "stocks[0].demand[0].per_month", "transfers[0].month");
  }

  @Test
  void validate_notYaml_returns400WithAFileProblem() {
    HttpResponse<String> response = api.post("/api/v1/scenarios/validate", "application/yaml",
        invalidFixture("yaml_not_valid.yaml"));

    JsonNode body = ApiFixture.json(response);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body.get("problems").get(0).get("path").asText()).isEqualTo("(file)");
  }

  @Test
  void validate_jsonWithoutYamlField_returns400() {
    HttpResponse<String> response = api.postJson("/api/v1/scenarios/validate", Map.of("text", VALID));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response).get("problems").get(0).get("path").asText()).isEqualTo("yaml");
  }

  @Test
  void validate_malformedJson_returns400() {
    HttpResponse<String> response = api.post("/api/v1/scenarios/validate", "application/json", "{\"yaml\": ");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(response).get("problems").get(0).get("path").asText()).isEqualTo("(body)");
  }
}
