package org.quartermaster.engine.sensitivity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Elementary effects from outputs at {@link MorrisDesign}'s points: in each trajectory, consecutive
 * points differ in one coordinate, whose effect is the output's difference over that coordinate's
 * (signed) change. Pure functions of arrays; works for any one-at-a-time trajectories.
 */
public final class MorrisEffects {
  private MorrisEffects() {}

  /** Builds the design, evaluates {@code model} at every point of the unit cube, and estimates. */
  public static List<ElementaryEffects> of(ToDoubleFunction<double[]> model, int parameters, int trajectories,
      int levels, long seed) {
    double[][] points = MorrisDesign.unitPoints(parameters, trajectories, levels, seed);
    double[] outputs = new double[points.length];
    for (int r = 0; r < points.length; r++) {
      outputs[r] = model.applyAsDouble(points[r]);
    }
    return estimate(points, outputs, parameters, trajectories);
  }

  /**
   * @param points  r·(k + 1) points, trajectory by trajectory, consecutive ones differing in one coordinate
   * @param outputs the model's output at each point, none NaN
   */
  public static List<ElementaryEffects> estimate(double[][] points, double[] outputs, int parameters,
      int trajectories) {
    int k = parameters;
    if (points.length != outputs.length || points.length != MorrisDesign.evaluations(k, trajectories)) {
      throw new IllegalArgumentException("expected " + MorrisDesign.evaluations(k, trajectories)
          + " points and outputs, got " + points.length + " and " + outputs.length);
    }
    double[][] effects = new double[k][trajectories];
    for (int t = 0; t < trajectories; t++) {
      int row = t * (k + 1);
      for (int s = 0; s < k; s++) {
        double[] before = points[row + s];
        double[] after = points[row + s + 1];
        int moved = moved(before, after);
        effects[moved][t] = (outputs[row + s + 1] - outputs[row + s]) / (after[moved] - before[moved]);
      }
    }
    List<ElementaryEffects> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      double sum = 0;
      double sumAbs = 0;
      for (double e : effects[i]) {
        sum += e;
        sumAbs += Math.abs(e);
      }
      double mu = sum / trajectories;
      double squares = 0;
      for (double e : effects[i]) {
        squares += (e - mu) * (e - mu);
      }
      out.add(new ElementaryEffects(mu, sumAbs / trajectories, Math.sqrt(squares / (trajectories - 1))));
    }
    return out;
  }

  private static int moved(double[] before, double[] after) {
    int moved = -1;
    for (int i = 0; i < before.length; i++) {
      if (before[i] != after[i]) {
        if (moved >= 0) {
          throw new IllegalArgumentException("consecutive points of a trajectory must differ in one coordinate");
        }
        moved = i;
      }
    }
    if (moved < 0) {
      throw new IllegalArgumentException("consecutive points of a trajectory must differ in one coordinate");
    }
    return moved;
  }
}
