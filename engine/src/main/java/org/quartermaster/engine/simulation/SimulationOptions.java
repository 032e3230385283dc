package org.quartermaster.engine.simulation;

import java.util.Objects;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.result.Mode;

/**
 * How to run a scenario.
 *
 * @param mode     stochastic (sampled) or deterministic (expectations, a single run)
 * @param runs     number of runs, ≥ 1 (ignored in deterministic mode, which reports 1)
 * @param seed     base seed of every run's stream; {@code null} only in deterministic mode
 * @param threads  worker threads, ≥ 1; never changes a bit of the result
 * @param check    verify stock ≥ 0 and each cell's monthly balance (slower; for tests and audits)
 * @param progress told as runs complete
 */
public record SimulationOptions(
    Mode mode, int runs, Long seed, int threads, boolean check, ProgressListener progress) {
  public static final int DEFAULT_RUNS = 10_000;
  public static final long DEFAULT_SEED = 42;

  public SimulationOptions {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(progress, "progress");
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, got " + runs);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (mode == Mode.STOCHASTIC && seed == null) {
      throw new IllegalArgumentException("a stochastic simulation needs a seed");
    }
  }

  public static SimulationOptions stochastic(int runs, long seed) {
    return new SimulationOptions(Mode.STOCHASTIC, runs, seed, defaultThreads(), false, ProgressListener.NONE);
  }

  public static SimulationOptions deterministic() {
    return new SimulationOptions(Mode.DETERMINISTIC, 1, null, 1, false, ProgressListener.NONE);
  }

  /** The scenario's own runs and seed, or {@link #DEFAULT_RUNS} and {@link #DEFAULT_SEED}. */
  public static SimulationOptions of(Scenario scenario) {
    return stochastic(scenario.runs().orElse(DEFAULT_RUNS), scenario.seed().orElse(DEFAULT_SEED));
  }

  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  public SimulationOptions withThreads(int newThreads) {
    return new SimulationOptions(mode, runs, seed, newThreads, check, progress);
  }

  public SimulationOptions withCheck(boolean newCheck) {
    return new SimulationOptions(mode, runs, seed, threads, newCheck, progress);
  }

  public SimulationOptions withProgress(ProgressListener newProgress) {
    return new SimulationOptions(mode, runs, seed, threads, check, newProgress);
  }
}
