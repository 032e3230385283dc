package org.quartermaster.engine.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/**
 * Stochastic mode. Every run has its own generator, seeded from (seed, run index) only
 * ({@link RunStreams}), so a run's draws never depend on which thread or block runs it. Within a run
 * the draws come in a fixed order: one uniform per line for the ramp delay, then each month one
 * uniform per line with p > 0 (B = 1 when u < p) and one Poisson draw per cell with λ > 0.
 */
final class RandomDraws implements Draws {
  private final CompiledScenario compiled;
  private final long seed;
  private final UniformRandomProvider[] runRandom;
  /** The Poisson samplers draw from whichever run this points at. */
  private final CurrentRunRandom current = new CurrentRunRandom();
  private final DiscreteSampler[] demandSamplers;

  RandomDraws(CompiledScenario compiled, long seed, int blockSize) {
    this.compiled = compiled;
    this.seed = seed;
    this.runRandom = new UniformRandomProvider[blockSize];
    this.demandSamplers = new DiscreteSampler[compiled.distinctDemands.length];
    SharedStateDiscreteSampler[] unbound = compiled.demandSamplers();
    for (int k = 0; k < demandSamplers.length; k++) {
      demandSamplers[k] = unbound[k].withUniformRandomProvider(current);
    }
  }

  @Override
  public void startBlock(long firstRun, int runs) {
    for (int r = 0; r < runs; r++) {
      runRandom[r] = RunStreams.forRun(seed, firstRun + r);
    }
  }

  @Override
  public void rampDelays(int line, double[] out, int runs) {
    double a = compiled.delayMin[line];
    double b = compiled.delayMode[line];
    double c = compiled.delayMax[line];
    for (int r = 0; r < runs; r++) {
      out[r] = a == c ? a : Triangular.inverseCdf(runRandom[r].nextDouble(), a, b, c);
    }
  }

  @Override
  public void disruptions(int line, double[] out, int runs) {
    double p = compiled.disruptionProbability[line];
    for (int r = 0; r < runs; r++) {
      out[r] = runRandom[r].nextDouble() < p ? 1 : 0;
    }
  }

  @Override
  public void demands(int demand, double[] out, int runs) {
    DiscreteSampler sampler = demandSamplers[demand];
    for (int r = 0; r < runs; r++) {
      current.run = runRandom[r];
      out[r] = sampler.sample();
    }
  }

  /** A provider that forwards to the current run's generator, so one sampler table serves all runs. */
  static final class CurrentRunRandom implements UniformRandomProvider {
    UniformRandomProvider run;

    @Override
    public long nextLong() {
      return run.nextLong();
    }

    @Override
    public int nextInt() {
      return run.nextInt();
    }

    @Override
    public double nextDouble() {
      return run.nextDouble();
    }
  }
}
