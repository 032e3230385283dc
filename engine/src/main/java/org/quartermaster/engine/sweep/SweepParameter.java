package org.quartermaster.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import org.quartermaster.engine.simulation.ScenarioPatch;

/**
 * One swept parameter: where it is in the sweep file ({@code parameters[2]}), its path as written
 * (the column name of results), the scenario values it sets (several with {@code *}), and the values
 * it takes.
 */
record SweepParameter(String at, String path, List<ParameterTarget> targets, Levels levels) {
  SweepParameter {
    targets = List.copyOf(targets);
  }

  /** Whether the field takes whole numbers (then drawn values are rounded to the nearest). */
  boolean integer() {
    return targets.get(0).integer();
  }

  double applied(double value) {
    return targets.get(0).applied(value);
  }

  void addPatches(double value, List<ScenarioPatch> out) {
    for (ParameterTarget target : targets) {
      out.add(target.patch().apply(target.applied(value)));
    }
  }

  /** The patches of a variant's values; a NaN value patches nothing. */
  static List<ScenarioPatch> patches(List<SweepParameter> parameters, double[] values) {
    List<ScenarioPatch> out = new ArrayList<>();
    for (int p = 0; p < parameters.size(); p++) {
      if (!Double.isNaN(values[p])) { // NaN: as in the base scenario (Sweep.withVariants)
        parameters.get(p).addPatches(values[p], out);
      }
    }
    return out;
  }
}
