package org.quartermaster.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quartermaster.app.munitions.build.BuildException;
import org.quartermaster.app.munitions.build.BuildProblem;
import org.quartermaster.app.munitions.build.Figure;
import org.quartermaster.app.munitions.build.Provenance;
import org.quartermaster.app.munitions.build.Rebuild;
import org.quartermaster.app.scenarios.ScenarioIds;

/**
 * {@code qm scenario build} and {@code qm scenario rebuild} through a running {@code qm serve}: the server
 * builds ({@code POST /api/v1/scenarios/build}, {@code POST /api/v1/scenarios/{id}/rebuild}) and saves,
 * the command prints what it prints without a server, its problems included, and writes {@code --out}
 * here, whole or not at all.
 */
final class ScenarioThroughServer {
  private ScenarioThroughServer() {}

  static void build(ScenarioBuildCommand command, Server server, PrintWriter out, PrintWriter err) {
    command.checkBeforeBuilding();
    ApiClient client = server.client();
    if (command.save != null && saved(client, command.save)) {
      throw ScenarioBuildCommand.existing(command.save);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("item", command.item);
    body.put("holders", command.holders);
    body.put("start", command.start);
    body.put("horizon", command.horizon);
    body.put("rate_basis", command.rateBasis);
    body.put("assume", ScenarioBuildCommand.assumptions(command.assume));
    JsonNode answer;
    try {
      answer = client.postJson("/api/v1/scenarios/build", body);
    } catch (ApiClient.ServerRefusal e) {
      throw e.status() == 400 && !e.problems().isEmpty() ? ScenarioCommand.refusal(buildException(e)) : e;
    }
    String yaml = answer.path("yaml").asText();
    command.print(yaml, summary(answer), out, err);
    if (command.save != null) {
      Map<String, String> scenario = new LinkedHashMap<>();
      scenario.put("id", command.save);
      scenario.put("yaml", yaml);
      try {
        client.postJson("/api/v1/scenarios", scenario);
      } catch (ApiClient.ServerRefusal e) {
        throw e.status() == 409 ? ScenarioBuildCommand.existing(command.save) : e;
      }
      command.printSaved(out, err);
    }
  }

  static void rebuild(ScenarioRebuildCommand command, Server server, PrintWriter out) {
    command.checkBeforeRebuilding();
    if (!ScenarioIds.isValid(command.id) || ScenarioBuildCommand.isExample(command.id)) { // as on the store itself
      throw ScenarioRebuildCommand.notSaved(command.id);
    }
    JsonNode answer;
    try {
      answer = server.client().postJson("/api/v1/scenarios/" + command.id + "/rebuild", Map.of("save", command.save));
    } catch (ApiClient.ServerRefusal e) {
      if (e.status() == 404) {
        throw ScenarioRebuildCommand.notSaved(command.id);
      }
      throw e.status() == 409 && !e.problems().isEmpty() ? ScenarioCommand.refusal(buildException(e)) : e;
    }
    List<Rebuild.Change> changes = new ArrayList<>();
    for (JsonNode c : answer.path("changes")) {
      changes.add(new Rebuild.Change(c.path("path").asText(), number(c.get("old")), number(c.get("new")),
          c.path("source").asText()));
    }
    command.report(answer.path("name").asText(), changes, out);
    if (command.out != null) {
      try {
        ResultFiles.write(answer.path("yaml").asText(), command.out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.println("wrote " + command.out);
    }
    command.saved(changes, out);
  }

  /** The summary the command prints, from the server's answer. */
  private static BuildSummary summary(JsonNode answer) {
    List<Figure> assumptions = new ArrayList<>();
    for (JsonNode a : answer.path("assumptions")) {
      assumptions.add(new Figure(a.path("path").asText(), a.path("value").asDouble(),
          new Provenance.Assumed(a.path("rationale").asText(), a.path("set_by_user").asBoolean())));
    }
    List<String> notes = new ArrayList<>();
    answer.path("notes").forEach(n -> notes.add(n.asText()));
    return new BuildSummary(answer.path("name").asText(), answer.at("/item/unit").asText(),
        answer.path("sourced").size(), answer.path("settings").size(), assumptions, notes);
  }

  /** The server's problems as the build's own, so that they print as without a server. */
  private static BuildException buildException(ApiClient.ServerRefusal refusal) {
    return new BuildException(refusal.problems().stream().map(p -> new BuildProblem(p.path(), p.value(), p.message()))
        .toList());
  }

  /** Whether the server's store holds a saved scenario with this id. */
  private static boolean saved(ApiClient client, String id) {
    try {
      client.get("/api/v1/scenarios/" + id, Map.of());
      return true;
    } catch (ApiClient.ServerRefusal e) {
      if (e.status() == 404) {
        return false;
      }
      throw e;
    }
  }

  private static Double number(JsonNode value) {
    return value == null || value.isNull() ? null : value.asDouble();
  }
}
