package org.quartermaster.engine.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * A precomputed Poisson(λ) table for one distinct demand rate, sampled with Commons RNG's
 * Marsaglia–Tsang–Wang look-up tables (one 32-bit draw per sample, compact tables that stay in
 * cache). The table holds the probabilities of every count with pmf(k) ≥ 2^-40 · pmf(mode); the
 * sampler stores them as 30-bit fractions, so every count's probability is right to within 2^-30
 * (about 1e-9), for small and very large means alike — unlike generic Poisson samplers, which are
 * slow for means 10–39 and cost several times more per draw above. Rates so large that the table
 * would exceed {@link #MAX_TABLE} entries (λ above about 1.6·10^7) use Commons RNG's exact
 * {@link PoissonSampler} instead, up to {@link #MAX_MEAN}.
 */
final class PoissonTable {
  static final int MAX_TABLE = 1 << 16;
  /** The largest demand rate per month SM-1 scenarios may use: draws are {@code int}s. */
  static final double MAX_MEAN = 1e9;
  private static final double NEGLIGIBLE = 0x1.0p-40;

  private final double mean;
  private final int lowest;
  private final double[] probabilities;

  private PoissonTable(double mean, int lowest, double[] probabilities) {
    this.mean = mean;
    this.lowest = lowest;
    this.probabilities = probabilities;
  }

  static PoissonTable of(double mean) {
    if (!(mean > 0) || mean > MAX_MEAN) {
      throw new IllegalArgumentException("Poisson mean must be in (0, " + MAX_MEAN + "], got " + mean);
    }
    double sd = Math.sqrt(mean);
    if (2 * (8 * sd + 40) > MAX_TABLE) {
      return new PoissonTable(mean, 0, null);
    }
    int mode = (int) Math.floor(mean);
    // relative weights by the recurrence pmf(k + 1) = pmf(k) · λ / (k + 1), starting at the mode
    int capacity = (int) Math.min(MAX_TABLE, 8 * sd + 40);
    double[] up = new double[capacity];
    double[] down = new double[capacity];
    int nUp = 0;
    double p = 1.0;
    for (int k = mode; p >= NEGLIGIBLE && nUp < capacity; k++) {
      up[nUp++] = p;
      p = p * mean / (k + 1);
    }
    int nDown = 0;
    p = 1.0;
    for (int k = mode; k > 0 && nDown < capacity; k--) {
      p = p * k / mean;
      if (p < NEGLIGIBLE) {
        break;
      }
      down[nDown++] = p;
    }
    double[] weights = new double[nDown + nUp];
    for (int j = 0; j < nDown; j++) {
      weights[nDown - 1 - j] = down[j];
    }
    System.arraycopy(up, 0, weights, nDown, nUp);
    return new PoissonTable(mean, mode - nDown, weights);
  }

  /** Smallest count with a table entry. */
  int lowest() {
    return lowest;
  }

  /** Number of table entries (0 when the exact Commons RNG sampler is used instead). */
  int size() {
    return probabilities == null ? 0 : probabilities.length;
  }

  /** A sampler drawing from {@code rng}; the table itself is shared, not copied. */
  SharedStateDiscreteSampler sampler(UniformRandomProvider rng) {
    if (probabilities == null) {
      return PoissonSampler.of(rng, mean);
    }
    return new Offset(MarsagliaTsangWangDiscreteSampler.Enumerated.of(rng, probabilities), lowest);
  }

  /**
   * One sampler per mean, built once and bound to no generator: a caller draws through
   * {@code withUniformRandomProvider(rng)}, which shares the sampler's tables. Building the look-up
   * tables is the expensive part (tens of thousands of entries for a mean in the thousands), so they
   * are built once per compiled scenario rather than once per worker or sweep variant. A mean also
   * found in {@code earlierMeans} reuses that sampler of {@code earlier}.
   */
  static SharedStateDiscreteSampler[] unboundSamplers(double[] means, double[] earlierMeans,
      SharedStateDiscreteSampler[] earlier) {
    SharedStateDiscreteSampler[] samplers = new SharedStateDiscreteSampler[means.length];
    for (int k = 0; k < means.length; k++) {
      int same = k < earlierMeans.length && earlierMeans[k] == means[k] ? k : indexOf(earlierMeans, means[k]);
      samplers[k] = same >= 0 ? earlier[same] : of(means[k]).sampler(UNBOUND);
    }
    return samplers;
  }

  private static int indexOf(double[] values, double value) {
    for (int k = 0; k < values.length; k++) {
      if (values[k] == value) {
        return k;
      }
    }
    return -1;
  }

  /** The generator of an unbound sampler: never drawn from, since draws go through a bound copy. */
  private static final UniformRandomProvider UNBOUND = () -> {
    throw new IllegalStateException("an unbound demand sampler was drawn from; bind it with withUniformRandomProvider");
  };

  /** Table samples shifted by the table's lowest count. */
  private record Offset(SharedStateDiscreteSampler table, int lowest) implements SharedStateDiscreteSampler {
    @Override
    public int sample() {
      return table.sample() + lowest;
    }

    @Override
    public SharedStateDiscreteSampler withUniformRandomProvider(UniformRandomProvider rng) {
      return new Offset(table.withUniformRandomProvider(rng), lowest);
    }
  }
}
