package org.quartermaster.engine.sensitivity;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Morris's one-at-a-time trajectories (Morris 1991, "Factorial sampling plans for preliminary
 * computational experiments", Technometrics 33): on the grid of {@code levels} values {0, 1/(p − 1),
 * …, 1} of each unit coordinate, a trajectory starts at a random grid point and moves each parameter
 * once, in a random order, by Δ = p / (2(p − 1)) up or down (a random direction), so the k + 1 points
 * of a trajectory give one elementary effect per parameter. {@code p} is even, so the start and the
 * moved value are both grid values. Trajectories come from a stream of {@code seed} only.
 *
 * <p>Layout of {@link #unitPoints}: r·(k + 1) rows of k coordinates, trajectory by trajectory.
 */
public final class MorrisDesign {
  /** Keeps the design's stream apart from the runs' and the Sobol bootstrap's streams of the same seed. */
  private static final long MORRIS_STREAM = 0x5EED_3022_1500_0001L;

  private MorrisDesign() {}

  /** Model evaluations the design needs: r·(k + 1). */
  public static long evaluations(int parameters, int trajectories) {
    return (long) trajectories * (parameters + 1);
  }

  /** The step Δ on the unit scale for {@code levels} grid values. */
  public static double delta(int levels) {
    return levels / (2.0 * (levels - 1));
  }

  public static double[][] unitPoints(int parameters, int trajectories, int levels, long seed) {
    if (parameters < 1) {
      throw new IllegalArgumentException("parameters must be at least 1, got " + parameters);
    }
    if (trajectories < 2) {
      throw new IllegalArgumentException("trajectories must be at least 2 (sigma needs two), got " + trajectories);
    }
    if (levels < 2 || levels % 2 != 0) {
      throw new IllegalArgumentException("levels must be even and at least 2, got " + levels);
    }
    int k = parameters;
    double step = 1.0 / (levels - 1);
    int startLevels = levels / 2; // start values 0 … 1 − Δ; moving up by Δ stays on the grid
    double delta = delta(levels);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, MORRIS_STREAM});
    double[][] out = new double[Math.toIntExact(evaluations(k, trajectories))][];
    for (int t = 0; t < trajectories; t++) {
      double[] x = new double[k];
      double[] direction = new double[k];
      for (int i = 0; i < k; i++) {
        boolean up = rng.nextBoolean();
        double low = rng.nextInt(startLevels) * step;
        x[i] = up ? low : low + delta;
        direction[i] = up ? delta : -delta;
      }
      int[] order = PermutationSampler.natural(k);
      PermutationSampler.shuffle(rng, order);
      int row = t * (k + 1);
      out[row] = x.clone();
      for (int s = 0; s < k; s++) {
        x[order[s]] += direction[order[s]];
        // a sum of steps may land a hair off the grid; the grid value is meant
        x[order[s]] = Math.round(x[order[s]] / step) * step;
        out[row + s + 1] = x.clone();
      }
    }
    return out;
  }
}
