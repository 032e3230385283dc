package org.quartermaster.engine.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * The random stream of one run: XoRoShiRo128++ whose 128-bit state is drawn from SplitMix64 keyed by
 * (seed, run index) alone. Different runs of one seed get different keys (the run index is
 * multiplied by an odd constant), so their streams are distinct and reproducible anywhere.
 */
public final class RunStreams {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private RunStreams() {}

  public static UniformRandomProvider forRun(long seed, long run) {
    SplitMix64 keyed = new SplitMix64(new SplitMix64(seed).nextLong() + run * GOLDEN_GAMMA);
    long s0 = keyed.nextLong();
    long s1 = keyed.nextLong();
    if ((s0 | s1) == 0) {
      s0 = GOLDEN_GAMMA; // the all-zero state is the one XoRoShiRo cannot leave
    }
    return new XoRoShiRo128PlusPlus(s0, s1);
  }
}
