package org.quartermaster.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.Problem;
import org.quartermaster.engine.scenario.ScenarioReader;
import org.quartermaster.engine.scenario.YamlTree;

/**
 * The scenario a sweep or an optimisation file starts from: {@code base: FILE} (relative to that file's
 * folder) or {@code saved: ID}, read and validated, with its YAML tree (patched per variant) and the
 * label messages name it by.
 */
public record BaseScenario(Scenario scenario, JsonNode tree, String label) {

  /**
   * Reads the base named in {@code top}; null, with the problems added, when it is missing, unreadable
   * or invalid.
   *
   * @param fileNoun what the file holding {@code top} is called in messages, e.g. {@code sweep file}
   * @param purpose  what the base is for, e.g. {@code the scenario file to vary}
   */
  public static BaseScenario read(SweepFields top, Path folder, SavedScenarioSource saved, List<Problem> problems,
      String fileNoun, String purpose) {
    boolean file = top.has("base");
    if (file == top.has("saved")) {
      problems.add(new Problem(file ? "saved" : "base", null, file
          ? "give either base (a scenario file) or saved (a saved scenario's id), not both"
          : "is required: " + purpose + ", relative to this " + fileNoun + " (or saved: ID for a saved one)"));
      return null;
    }
    String key = file ? "base" : "saved";
    String name = top.text(key, true);
    if (name == null) {
      return null;
    }
    String text;
    String label;
    if (file) {
      Path path = folder.resolve(name);
      label = name;
      text = SweepReader.text(path, null);
      if (text == null) {
        top.problem(key, Files.exists(path) ? "the scenario file cannot be read as UTF-8 text"
            : "no such scenario file (" + path + "); the path is relative to the " + fileNoun + "'s folder");
        return null;
      }
    } else {
      label = "saved scenario " + name;
      Optional<String> found = saved.yaml(name);
      if (found.isEmpty()) {
        top.problem(key, "no saved scenario has this id; list them with GET /api/v1/scenarios, or use base: FILE");
        return null;
      }
      text = found.get();
    }
    try {
      JsonNode tree = YamlTree.read(text);
      return new BaseScenario(ScenarioReader.validate(tree, label), tree, label);
    } catch (InvalidScenarioException e) {
      for (Problem p : e.problems()) {
        problems.add(new Problem(key, SweepFields.render(top.get(key)),
            "the base scenario is invalid: " + p + "; fix it first (qm validate)"));
      }
    } catch (IOException e) {
      top.problem(key, "the base scenario is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return null;
  }
}
