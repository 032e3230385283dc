package org.quartermaster.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.ScenarioReader;

/**
 * {@code /api/v1/scenarios}: the bundled examples and the saved scenarios (listed, read), and
 * validating a scenario without running it. Saving is {@link SavedScenarioEndpoints}.
 */
final class ScenarioEndpoints {
  private final ScenarioCatalog catalog;
  private final ObjectMapper json;

  ScenarioEndpoints(ScenarioCatalog catalog, ObjectMapper json) {
    this.catalog = catalog;
    this.json = json;
  }

  void list(Context ctx) {
    List<Map<String, Object>> list = catalog.all().stream().map(e -> view(e, false)).toList();
    ctx.json(Map.of("scenarios", list));
  }

  void one(Context ctx) {
    ctx.json(view(catalog.get(ctx.pathParam("id")), true));
  }

  /** The summary, {@code kind}, {@code updated_at} (ISO-8601, null for examples) and, if asked, {@code yaml}. */
  static Map<String, Object> view(ScenarioCatalog.Entry entry, boolean withYaml) {
    Map<String, Object> body = summary(entry.id(), parse(entry.yaml(), entry.source()));
    body.put("kind", entry.kind().wireName());
    body.put("updated_at", entry.updatedAt() == null ? null : entry.updatedAt().toString());
    if (withYaml) {
      body.put("yaml", entry.yaml());
    }
    return body;
  }

  void validate(Context ctx) {
    Scenario scenario = parse(yamlOf(ctx, json), "request");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("valid", true);
    body.putAll(summary(null, scenario));
    body.remove("id");
    ctx.json(body);
  }

  /** The scenario text of a request body: the body itself, or its {@code yaml} field when it is JSON. */
  static String yamlOf(Context ctx, ObjectMapper json) {
    String body = ctx.body();
    String type = ctx.contentType();
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      JsonNode yaml = RunEndpoints.readJson(json, body).get("yaml");
      if (yaml == null || !yaml.isTextual()) {
        throw ApiException.badRequest(List.of(new ApiProblem("yaml", yaml == null ? null : yaml.toString(),
            "expected the scenario's YAML text as a string")));
      }
      return yaml.asText();
    }
    return body;
  }

  /**
   * @throws ApiException 400 with every problem, paths and messages as {@code qm validate} prints them
   */
  static Scenario parse(String yaml, String source) {
    try {
      return ScenarioReader.parse(yaml, source);
    } catch (InvalidScenarioException e) {
      int n = e.problems().size();
      List<ApiProblem> problems = e.problems().stream()
          .map(p -> new ApiProblem(p.path(), p.value(), p.message())).toList();
      throw new ApiException(400, "invalid scenario, " + n + " problem" + (n == 1 ? "" : "s"), problems);
    }
  }

  static Map<String, Object> summary(String id, Scenario s) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("id", id);
    summary.put("name", s.name());
    summary.put("horizon_months", s.horizonMonths());
    summary.put("start", s.start().map(Object::toString).orElse(null));
    summary.put("runs", s.runs().isPresent() ? s.runs().getAsInt() : null);
    summary.put("seed", s.seed().isPresent() ? s.seed().getAsLong() : null);
    summary.put("items", s.items().size());
    summary.put("holders", s.holders().size());
    summary.put("lines", s.lines().size());
    summary.put("stocks", s.stocks().size());
    summary.put("transfers", s.transfers().size());
    summary.put("cells", s.cells().size());
    return summary;
  }
}
