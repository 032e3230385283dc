package org.quartermaster.app.cli;

import java.util.List;
import org.quartermaster.app.munitions.build.BuiltScenario;
import org.quartermaster.app.munitions.build.Figure;

/**
 * What {@code qm scenario build} tells the user of a built scenario, read from the build itself or from
 * the answer of {@code POST /api/v1/scenarios/build}, so both print the same lines.
 *
 * @param assumptions the numbers that are assumptions, in the YAML's order
 */
record BuildSummary(String name, String unit, int sourced, int settings, List<Figure> assumptions,
    List<String> notes) {
  BuildSummary {
    assumptions = List.copyOf(assumptions);
    notes = List.copyOf(notes);
  }

  static BuildSummary of(BuiltScenario built) {
    List<Figure> assumed = built.assumptions();
    int sourced = built.sourced().size();
    return new BuildSummary(built.name(), built.munition().unit(), sourced,
        built.figures().size() - sourced - assumed.size(), assumed, built.notes());
  }
}
