package org.quartermaster.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.scenario.Problem;
import org.quartermaster.engine.scenario.ScenarioReader;

/** Reads a scenario file for a command, turning every problem into one line of a {@link BadInputException}. */
final class ScenarioFiles {
  private ScenarioFiles() {}

  static Scenario read(Path file) {
    try {
      return ScenarioReader.read(file);
    } catch (InvalidScenarioException e) {
      throw new BadInputException(describe(e));
    }
  }

  static List<String> describe(InvalidScenarioException e) {
    List<String> lines = new ArrayList<>();
    int n = e.problems().size();
    lines.add(e.source() + ": invalid scenario, " + n + " problem" + (n == 1 ? "" : "s") + ":");
    for (Problem problem : e.problems()) {
      lines.add("  " + problem);
    }
    return lines;
  }
}
