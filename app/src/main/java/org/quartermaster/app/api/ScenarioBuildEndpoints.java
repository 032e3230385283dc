package org.quartermaster.app.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.munitions.build.BuildException;
import org.quartermaster.app.munitions.build.BuildRequest;
import org.quartermaster.app.munitions.build.BuiltScenario;
import org.quartermaster.app.munitions.build.Figure;
import org.quartermaster.app.munitions.build.Provenance;
import org.quartermaster.app.munitions.build.Rebuild;
import org.quartermaster.app.munitions.build.ScenarioBuild;
import org.quartermaster.app.query.Source;
import org.quartermaster.app.scenarios.SavedScenario;
import org.quartermaster.app.scenarios.SavedScenarios;
import org.quartermaster.app.store.Store;

/**
 * {@code POST /api/v1/scenarios/build}: a scenario for a munition built from the store ({@code qm scenario
 * build}), with its assumptions and its sourced numbers listed. Nothing is saved: the dashboard saves the
 * YAML through {@code POST /api/v1/scenarios} when asked. Any problem with the body is 400 with all of
 * them, each naming its field and value.
 *
 * <p>{@code POST /api/v1/scenarios/{id}/rebuild} ({@code qm scenario rebuild}): a saved built scenario
 * rebuilt from the store's current data with the request its header records, and each number that
 * changed; saved in place of the old one only with {@code {"save": true}}. 404 for an id with no saved
 * scenario; 409, with the problems, for a scenario that was not built (a bundled example, one saved from
 * the dashboard's editor) or whose request no longer builds.
 */
final class ScenarioBuildEndpoints {
  static final String PATH = "/api/v1/scenarios/build";
  static final String REBUILD_PATH = "/api/v1/scenarios/{id}/rebuild";
  private static final Set<String> FIELDS = Set.of("item", "holders", "start", "horizon", "rate_basis", "assume");

  private final StoreAccess store;
  private final ScenarioCatalog catalog;
  private final ObjectMapper json;

  ScenarioBuildEndpoints(StoreAccess store, ScenarioCatalog catalog, ObjectMapper json) {
    this.store = store;
    this.catalog = catalog;
    this.json = json;
  }

  /**
   * The answer: the munition, the YAML, its assumptions, its sourced numbers and its settings (the build's
   * own parameters: runs, seed), and what was left out.
   */
  record Answer(ItemView item, String name, String yaml, List<AssumptionView> assumptions, List<SourcedView> sourced,
      List<SettingView> settings, List<String> notes) {}

  record SettingView(String path, double value, String what) {}

  /** The answer of a rebuild: the rebuilt scenario, each number that changed, and whether it was saved. */
  record Rebuilt(String id, String name, String yaml, List<ChangeView> changes, boolean saved) {}

  /** A number that changed: its old value (null when new), its new value (null when gone) and the new source. */
  record ChangeView(String path, @JsonProperty("old") Double before, @JsonProperty("new") Double after,
      String source) {}

  record ItemView(String id, String name, String unit) {}

  record AssumptionView(String path, double value, String rationale, @JsonProperty("set_by_user") boolean setByUser) {}

  record SourcedView(String path, double value, String how, SourceView source) {}

  record SourceView(String publisher, String title, String date, String url, List<String> rows) {}

  void build(Context ctx) {
    BuildRequest request = request(RunEndpoints.readJson(json, ctx.body()));
    BuiltScenario built;
    try {
      built = store.read(s -> ScenarioBuild.build(s, Catalogue.of(s), Countries.standard(), request));
    } catch (BuildException e) {
      throw ApiException.badRequest(e.problems().stream().map(p -> new ApiProblem(p.field(), p.value(), p.message()))
          .toList());
    }
    ctx.json(answer(built));
  }

  void rebuild(Context ctx) {
    String id = ctx.pathParam("id");
    boolean save = save(ctx.body());
    if (catalog.isExample(id)) {
      throw new ApiException(409, "'" + id + "' is a bundled example, not a built scenario: only scenarios saved"
          + " from POST " + PATH + " (or qm scenario build --save) can be rebuilt");
    }
    Function<Store, Rebuilt> rebuild = s -> {
        SavedScenarios saved = new SavedScenarios(s);
        SavedScenario old = saved.find(id).orElseThrow(() -> ApiException.notFound("no saved scenario '" + id
            + "'; save a built one with POST " + SavedScenarioEndpoints.PATH));
        Rebuild.Outcome outcome = Rebuild.of(s, Catalogue.of(s), Countries.standard(), id, old.yaml());
        BuiltScenario rebuilt = outcome.rebuilt();
        if (save) {
          saved.update(id, rebuilt.name(), rebuilt.yaml());
        }
        return new Rebuilt(id, rebuilt.name(), rebuilt.yaml(), outcome.changes().stream()
            .map(c -> new ChangeView(c.path(), c.before(), c.after(), c.source())).toList(), save);
    };
    Rebuilt answer;
    try {
      answer = save ? store.write(rebuild) : store.read(rebuild);
    } catch (BuildException e) {
      List<ApiProblem> problems = e.problems().stream().map(p -> new ApiProblem(p.field(), p.value(), p.message()))
          .toList();
      throw new ApiException(409, problems.size() == 1 ? problems.getFirst().message()
          : "the saved scenario '" + id + "' cannot be rebuilt: " + problems.size() + " problems", problems);
    }
    ctx.json(answer);
  }

  /** The rebuild's body: empty, or {@code {"save": true|false}}. */
  private boolean save(String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    JsonNode body = RunEndpoints.readJson(json, text);
    List<ApiProblem> problems = new ArrayList<>();
    body.fieldNames().forEachRemaining(name -> {
      if (!name.equals("save")) {
        problems.add(new ApiProblem(name, body.get(name).toString(), "unknown field; expected save"));
      }
    });
    JsonNode save = body.get("save");
    if (save != null && !save.isBoolean() && !save.isNull()) {
      problems.add(new ApiProblem("save", save.toString(), "expected true (replace the saved scenario with the"
          + " rebuilt one) or false (only the changes)"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    return save != null && save.asBoolean();
  }

  static Answer answer(BuiltScenario built) {
    List<AssumptionView> assumptions = new ArrayList<>();
    List<SourcedView> sourced = new ArrayList<>();
    List<SettingView> settings = new ArrayList<>();
    for (Figure f : built.figures()) {
      switch (f.provenance()) {
        case Provenance.Assumed a -> assumptions.add(new AssumptionView(f.path(), f.value(), a.rationale(),
            a.setByUser()));
        case Provenance.Sourced s -> {
          Source first = s.citations().getFirst().source();
          sourced.add(new SourcedView(f.path(), f.value(), s.how(), first == null
              ? new SourceView(null, null, null, null, s.rows())
              : new SourceView(first.publisher(), first.title(), first.date(), first.url(), s.rows())));
        }
        case Provenance.Setting setting -> settings.add(new SettingView(f.path(), f.value(), setting.what()));
      }
    }
    return new Answer(new ItemView(built.munition().id(), built.munition().name(), built.munition().unit()),
        built.name(), built.yaml(), assumptions, sourced, settings, built.notes());
  }

  /** The body as a request; every problem of its shape at once (400). */
  private static BuildRequest request(JsonNode body) {
    List<ApiProblem> problems = new ArrayList<>();
    body.fieldNames().forEachRemaining(name -> {
      if (!FIELDS.contains(name)) {
        problems.add(new ApiProblem(name, body.get(name).toString(), "unknown field; expected item, holders, start,"
            + " horizon, rate_basis and assume"));
      }
    });
    String item = text(body, "item", problems);
    List<String> holders = new ArrayList<>();
    JsonNode h = body.get("holders");
    if (h != null && h.isArray()) {
      h.forEach(e -> {
        if (e.isTextual()) {
          holders.add(e.asText());
        } else {
          problems.add(new ApiProblem("holders", e.toString(), "expected holder ids as strings: [\"USA\", \"UKR\"]"));
        }
      });
    } else if (h != null && !h.isNull()) {
      problems.add(new ApiProblem("holders", h.toString(), "expected an array of holder ids: [\"USA\", \"UKR\"]"));
    }
    String start = text(body, "start", problems);
    Integer horizon = null;
    JsonNode n = body.get("horizon");
    if (n != null && n.canConvertToInt() && n.isIntegralNumber()) {
      horizon = n.asInt();
    } else if (n != null && !n.isNull()) {
      problems.add(new ApiProblem("horizon", n.toString(), "expected a whole number of months from 1 to "
          + ScenarioBuild.MAX_HORIZON));
    }
    String basis = text(body, "rate_basis", problems);
    Map<String, String> assume = new LinkedHashMap<>();
    JsonNode a = body.get("assume");
    if (a != null && a.isObject()) {
      a.properties().forEach(e -> {
        if (e.getValue().isTextual() || e.getValue().isNumber()) {
          assume.put(e.getKey(), e.getValue().asText());
        } else {
          problems.add(new ApiProblem("assume", e.getKey() + "=" + e.getValue(), "expected a number, or a number as"
              + " a string: {\"stocks[USA/stinger].initial\": \"2000\"}"));
        }
      });
    } else if (a != null && !a.isNull()) {
      problems.add(new ApiProblem("assume", a.toString(), "expected an object of path: value"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    return new BuildRequest(item, holders, start, horizon, basis, assume);
  }

  private static String text(JsonNode body, String field, List<ApiProblem> problems) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      problems.add(new ApiProblem(field, v.toString(), "expected a string"));
      return null;
    }
    return v.asText();
  }
}
