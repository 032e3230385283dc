package org.quartermaster.engine.sweep;

import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;

/** How a sweep picks its variants: the values of every parameter, variant by variant. */
sealed interface Design {
  /** Most variants a sweep may have. */
  int MAX_VARIANTS = 100_000;

  /** Every combination of the parameters' grid values; the first parameter varies slowest. */
  record Grid() implements Design {
    @Override
    public double[][] values(List<Levels> levels, long seed) {
      int variants = 1;
      for (Levels l : levels) {
        variants *= l.grid().size();
      }
      double[][] out = new double[variants][levels.size()];
      for (int v = 0; v < variants; v++) {
        int rest = v;
        for (int p = levels.size() - 1; p >= 0; p--) {
          List<Double> grid = levels.get(p).grid();
          out[v][p] = grid.get(rest % grid.size());
          rest /= grid.size();
        }
      }
      return out;
    }

    @Override
    public String label() {
      return "grid";
    }
  }

  /**
   * Latin hypercube of {@code points} variants: for each parameter the unit interval is cut into
   * {@code points} equal strata, each used by exactly one variant (a random permutation), at a
   * uniform position inside it. The permutations and positions come from a stream of the sweep's
   * seed kept apart from the runs' streams.
   */
  record LatinHypercube(int points) implements Design {
    @Override
    public double[][] values(List<Levels> levels, long seed) {
      UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, DESIGN_STREAM});
      double[][] out = new double[points][levels.size()];
      for (int p = 0; p < levels.size(); p++) {
        int[] strata = PermutationSampler.natural(points);
        PermutationSampler.shuffle(rng, strata);
        for (int v = 0; v < points; v++) {
          out[v][p] = levels.get(p).at((strata[v] + rng.nextDouble()) / points);
        }
      }
      return out;
    }

    @Override
    public String label() {
      return "latin-hypercube (" + points + " points)";
    }
  }

  /**
   * The first {@code points} points of the Sobol sequence in as many dimensions as parameters
   * (Commons Math's {@link SobolSequenceGenerator}, Joe and Kuo's direction numbers), starting at its
   * first point, the origin. Powers of two keep the points balanced. Independent of the seed.
   */
  record Sobol(int points) implements Design {
    /** Commons Math's direction numbers cover this many dimensions. */
    static final int MAX_DIMENSIONS = 1000;

    @Override
    public double[][] values(List<Levels> levels, long seed) {
      SobolSequenceGenerator sobol = new SobolSequenceGenerator(levels.size());
      double[][] out = new double[points][levels.size()];
      for (int v = 0; v < points; v++) {
        double[] u = sobol.nextVector();
        for (int p = 0; p < levels.size(); p++) {
          out[v][p] = levels.get(p).at(u[p]);
        }
      }
      return out;
    }

    @Override
    public String label() {
      return "sobol (" + points + " points)";
    }
  }

  /** Variants given by a caller ({@link Sweep#withVariants}); never read from a file. */
  record Given(String label) implements Design {
    @Override
    public double[][] values(List<Levels> levels, long seed) {
      throw new UnsupportedOperationException("given variants are not drawn");
    }
  }

  /** Keeps the design's stream apart from every run's stream of the same seed. */
  long DESIGN_STREAM = 0x5EED_DE51_6E00_0001L;

  /** [variant][parameter]: the raw values (before integer fields are rounded). */
  double[][] values(List<Levels> levels, long seed);

  /** How the design reads in a summary. */
  String label();
}
