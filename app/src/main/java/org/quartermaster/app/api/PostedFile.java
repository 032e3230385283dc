package org.quartermaster.app.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.sweep.SavedScenarioSource;

/**
 * An analysis file posted as JSON ({@code yaml}: the file's text, YAML or JSON, as {@code qm sweep},
 * {@code qm sensitivity} and {@code qm optimise} read it; {@code base_yaml}: the base scenario's text,
 * optional) with the fields the route adds. The server reads no file a request names: a {@code base:}
 * file is refused unless {@code base_yaml} stands for it; {@code saved: ID} names an example or a saved
 * scenario.
 *
 * @param text  the file's text, its base pointing at {@code base_yaml} when one was posted
 * @param saved where {@code saved:} ids are found
 * @param body  the whole request, for the route's own fields
 */
record PostedFile(String text, SavedScenarioSource saved, JsonNode body) {
  /** The id {@code saved:} takes for a posted {@code base_yaml}. */
  private static final String POSTED_BASE = "base_yaml";

  /**
   * Reads the request; 400 listing every unknown field and missing or mistyped one.
   *
   * @param what  the file, in words ("the sweep file")
   * @param extra the route's own fields beside {@code yaml} and {@code base_yaml}, with their description
   */
  static PostedFile of(JsonNode body, String what, Set<String> extra, String extraHelp, ScenarioCatalog catalog) {
    List<ApiProblem> problems = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("yaml") && !name.equals("base_yaml") && !extra.contains(name)) {
        problems.add(new ApiProblem(name, body.get(name).toString(), "unknown field; expected yaml (" + what
            + "'s text) and optionally base_yaml (the base scenario's)" + extraHelp));
      }
    }
    JsonNode yaml = body.get("yaml");
    JsonNode baseYaml = body.get("base_yaml");
    if (yaml == null || !yaml.isTextual()) {
      problems.add(new ApiProblem("yaml", yaml == null ? null : yaml.toString(), "expected " + what + "'s text"
          + " (docs/analysis.md) as a string"));
    }
    if (baseYaml != null && !baseYaml.isTextual()) {
      problems.add(new ApiProblem("base_yaml", baseYaml.toString(), "expected the base scenario's YAML text as a"
          + " string"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    SavedScenarioSource saved = id -> baseYaml != null && id.equals(POSTED_BASE) ? Optional.of(baseYaml.asText())
        : catalog.find(id).map(ScenarioCatalog.Entry::yaml);
    return new PostedFile(withPostedBase(yaml.asText(), baseYaml), saved, body);
  }

  /** 400 for an invalid file: "invalid sweep, 2 problems" and the problems the CLI lists, each with path and value. */
  static ApiException invalid(String what, InvalidScenarioException e) {
    int n = e.problems().size();
    return new ApiException(400, "invalid " + what + ", " + n + " problem" + (n == 1 ? "" : "s"), e.problems()
        .stream().map(p -> new ApiProblem(p.path(), p.value(), p.message())).toList());
  }

  /**
   * The file's text with its base taken from {@code base_yaml} when given ({@code saved:} the posted
   * text); a {@code base:} file without it is refused, since the server reads no file a request names.
   */
  private static String withPostedBase(String text, JsonNode baseYaml) {
    JsonNode tree;
    try {
      tree = new YAMLMapper().readTree(text);
    } catch (JacksonException e) {
      return text; // not YAML: the file's reader says so, with its own message
    }
    if (!(tree instanceof ObjectNode file)) {
      return text;
    }
    if (baseYaml == null) {
      if (file.has("base")) {
        throw ApiException.badRequest(List.of(new ApiProblem("base", file.get("base").asText(), "the server reads"
            + " no file a request names: send the base scenario's text as base_yaml, or name an example or saved"
            + " scenario with saved: ID (GET /api/v1/scenarios lists them)")));
      }
      return text;
    }
    if (file.has("saved")) {
      throw ApiException.badRequest(List.of(new ApiProblem("saved", file.get("saved").asText(), "give either"
          + " base_yaml or saved: ID, not both")));
    }
    file.remove("base");
    file.put("saved", POSTED_BASE);
    try {
      return new YAMLMapper().writeValueAsString(file);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot write a YAML tree just read", e);
    }
  }
}
