package org.quartermaster.engine.simulation;

import java.util.Arrays;

/** Deterministic mode: every random quantity replaced by its expectation (MODEL.md). */
final class ExpectedDraws implements Draws {
  private final CompiledScenario compiled;

  ExpectedDraws(CompiledScenario compiled) {
    this.compiled = compiled;
  }

  @Override
  public void startBlock(long firstRun, int runs) {
    // nothing to prepare: expectations do not depend on the run
  }

  @Override
  public void rampDelays(int line, double[] out, int runs) {
    Arrays.fill(out, 0, runs, (compiled.delayMin[line] + compiled.delayMode[line] + compiled.delayMax[line]) / 3);
  }

  @Override
  public void disruptions(int line, double[] out, int runs) {
    Arrays.fill(out, 0, runs, compiled.disruptionProbability[line]);
  }

  @Override
  public void demands(int demand, double[] out, int runs) {
    Arrays.fill(out, 0, runs, compiled.distinctDemands[demand]);
  }
}
