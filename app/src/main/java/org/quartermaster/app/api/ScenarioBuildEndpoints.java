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
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.munitions.build.BuildException;
import org.quartermaster.app.munitions.build.BuildRequest;
import org.quartermaster.app.munitions.build.BuiltScenario;
import org.quartermaster.app.munitions.build.Figure;
import org.quartermaster.app.munitions.build.Provenance;
import org.quartermaster.app.munitions.build.ScenarioBuild;
import org.quartermaster.app.query.Source;

/**
 * {@code POST /api/v1/scenarios/build}: a scenario for a munition built from the store ({@code qm scenario
 * build}), with its assumptions and its sourced numbers listed. Nothing is saved: the dashboard saves the
 * YAML through {@code POST /api/v1/scenarios} when asked. Any problem with the body is 400 with all of
 * them, each naming its field and value.
 */
final class ScenarioBuildEndpoints {
  static final String PATH = "/api/v1/scenarios/build";
  private static final Set<String> FIELDS = Set.of("item", "holders", "start", "horizon", "rate_basis", "assume");

  private final StoreAccess store;
  private final ObjectMapper json;

  ScenarioBuildEndpoints(StoreAccess store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  /** The answer: the munition, the YAML, its assumptions and its sourced numbers, and what was left out. */
  record Answer(ItemView item, String name, String yaml, List<AssumptionView> assumptions, List<SourcedView> sourced,
      List<String> notes) {}

  record ItemView(String id, String name, String unit) {}

  record AssumptionView(String path, double value, String rationale, @JsonProperty("set_by_user") boolean setByUser) {}

  record SourcedView(String path, double value, String how, SourceView source) {}

  record SourceView(String publisher, String title, String date, String url, List<String> rows) {}

  void build(Context ctx) {
    BuildRequest request = request(RunEndpoints.readJson(json, ctx.body()));
    BuiltScenario built;
    try {
      built = store.read(s -> ScenarioBuild.build(s, Catalogue.bundled(), Countries.standard(), request));
    } catch (BuildException e) {
      throw ApiException.badRequest(e.problems().stream().map(p -> new ApiProblem(p.field(), p.value(), p.message()))
          .toList());
    }
    ctx.json(answer(built));
  }

  static Answer answer(BuiltScenario built) {
    List<AssumptionView> assumptions = new ArrayList<>();
    List<SourcedView> sourced = new ArrayList<>();
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
        case Provenance.Setting setting -> { }
      }
    }
    return new Answer(new ItemView(built.munition().id(), built.munition().name(), built.munition().unit()),
        built.name(), built.yaml(), assumptions, sourced, built.notes());
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
