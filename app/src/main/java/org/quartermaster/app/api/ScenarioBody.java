package org.quartermaster.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The body of a request that saves a scenario: the YAML text itself, or JSON {@code {"yaml": "…",
 * "id": "…"}} (id optional). Problems with the JSON (not an object, unknown fields, wrong types) are
 * collected, not thrown, so they are answered together with the scenario's own.
 *
 * @param yaml     the scenario text, or null when the JSON did not give it as a string
 * @param id       the id asked for, or null
 * @param problems what is wrong with the JSON
 */
record ScenarioBody(String yaml, String id, List<ApiProblem> problems) {
  private static final Set<String> FIELDS = Set.of("yaml", "id");

  ScenarioBody {
    problems = List.copyOf(problems);
  }

  /** @throws ApiException 400 when the body is JSON but not a JSON object */
  static ScenarioBody of(Context ctx, ObjectMapper json) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return new ScenarioBody(ctx.body(), null, List.of());
    }
    JsonNode body = RunEndpoints.readJson(json, ctx.body());
    List<ApiProblem> problems = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        problems.add(new ApiProblem(name, body.get(name).toString(),
            "unknown field; expected yaml (the scenario text) and optionally id"));
      }
    }
    JsonNode yaml = body.get("yaml");
    if (yaml == null || !yaml.isTextual()) {
      problems.add(new ApiProblem("yaml", yaml == null ? null : yaml.toString(),
          "expected the scenario's YAML text as a string"));
    }
    JsonNode id = body.get("id");
    if (id != null && !id.isNull() && !id.isTextual()) {
      problems.add(new ApiProblem("id", id.toString(), "expected a string"));
    }
    return new ScenarioBody(yaml != null && yaml.isTextual() ? yaml.asText() : null,
        id != null && id.isTextual() ? id.asText() : null, problems);
  }
}
