package org.quartermaster.engine.simulation;

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
  public double rampDelay(int line, int r) {
    return (compiled.delayMin[line] + compiled.delayMode[line] + compiled.delayMax[line]) / 3;
  }

  @Override
  public double disruption(int line, int r) {
    return compiled.disruptionProbability[line];
  }

  @Override
  public double demand(int demand, int r) {
    return compiled.distinctDemands[demand];
  }
}
