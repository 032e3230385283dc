package org.quartermaster.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.app.scenarios.SavedScenario;
import org.quartermaster.app.scenarios.SavedScenarios;
import org.quartermaster.app.scenarios.ScenarioExistsException;
import org.quartermaster.app.scenarios.ScenarioIds;
import org.quartermaster.engine.model.Scenario;

/**
 * Saving scenarios: {@code POST /api/v1/scenarios} (create), {@code PUT …/{id}} (replace),
 * {@code DELETE …/{id}}. The text is validated exactly as {@code /scenarios/validate} does; a
 * request with any problem changes nothing and gets 400 with all of them. Examples are read-only
 * (409), and their ids are never given to saved scenarios.
 */
final class SavedScenarioEndpoints {
  static final String PATH = "/api/v1/scenarios";

  private final ScenarioCatalog catalog;
  private final StoreAccess store;
  private final ObjectMapper json;

  SavedScenarioEndpoints(ScenarioCatalog catalog, StoreAccess store, ObjectMapper json) {
    this.catalog = catalog;
    this.store = store;
    this.json = json;
  }

  void create(Context ctx) {
    ScenarioBody body = ScenarioBody.of(ctx, json);
    List<ApiProblem> problems = new ArrayList<>(body.problems());
    if (body.id() != null && !ScenarioIds.isValid(body.id())) {
      problems.add(new ApiProblem("id", body.id(), "must match " + ScenarioIds.RULE
          + ": 1 to 64 lowercase letters, digits and hyphens, starting with a letter or digit"));
    }
    Scenario scenario = validated(body, problems);
    if (body.id() != null && catalog.isExample(body.id())) {
      throw new ApiException(409, "'" + body.id() + "' is the id of a bundled example: choose another id");
    }
    SavedScenario saved;
    try {
      saved = store.write(s -> {
        SavedScenarios scenarios = new SavedScenarios(s);
        String id = body.id() != null ? body.id()
            : scenarios.freeId(ScenarioIds.slug(scenario.name()), catalog::isExample);
        return scenarios.create(id, scenario.name(), body.yaml());
      });
    } catch (ScenarioExistsException e) {
      throw new ApiException(409, "a saved scenario '" + e.id() + "' exists already: change it with PUT " + PATH
          + "/" + e.id() + ", or choose another id");
    }
    ctx.status(201).header("Location", PATH + "/" + saved.id())
        .json(ScenarioEndpoints.view(ScenarioCatalog.entry(saved), true));
  }

  void update(Context ctx) {
    String id = ctx.pathParam("id");
    refuseExample(id, "save a copy under a new id with POST " + PATH);
    if (store.read(s -> new SavedScenarios(s).find(id)).isEmpty()) {
      throw notSaved(id);
    }
    ScenarioBody body = ScenarioBody.of(ctx, json);
    List<ApiProblem> problems = new ArrayList<>(body.problems());
    if (body.id() != null && !body.id().equals(id)) {
      problems.add(new ApiProblem("id", body.id(), "differs from the id in the URL (" + id
          + "); an id cannot change: save a copy under the new id with POST " + PATH));
    }
    Scenario scenario = validated(body, problems);
    SavedScenario saved = store.write(s -> new SavedScenarios(s).update(id, scenario.name(), body.yaml()))
        .orElseThrow(() -> notSaved(id));
    ctx.json(ScenarioEndpoints.view(ScenarioCatalog.entry(saved), true));
  }

  void delete(Context ctx) {
    String id = ctx.pathParam("id");
    refuseExample(id, "they cannot be deleted");
    if (!store.write(s -> new SavedScenarios(s).delete(id))) {
      throw notSaved(id);
    }
    ctx.status(204);
  }

  /**
   * The scenario, when the body and the text have no problem.
   *
   * @throws ApiException 400 with the body's problems and the scenario's; with only the scenario's,
   *                      the same answer as {@code /scenarios/validate}
   */
  private static Scenario validated(ScenarioBody body, List<ApiProblem> problems) {
    Scenario scenario = null;
    if (body.yaml() != null) {
      try {
        scenario = ScenarioEndpoints.parse(body.yaml(), "request");
      } catch (ApiException invalid) {
        if (problems.isEmpty()) {
          throw invalid;
        }
        problems.addAll(invalid.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    return scenario;
  }

  private void refuseExample(String id, String advice) {
    if (catalog.isExample(id)) {
      throw new ApiException(409, "'" + id + "' is a bundled example, and examples are read-only: " + advice);
    }
  }

  private static ApiException notSaved(String id) {
    return ApiException.notFound("no saved scenario '" + id + "'");
  }
}
